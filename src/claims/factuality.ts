/**
 * A rule-based factuality estimate for one predicate in one sentence: did it happen, according to the text,
 * and how surely. The rules read the cue lexicon (`data/claims/cues.en.tsv`) around the predicate, in this
 * order:
 *   1. reported speech: a reporting verb or "according to" before the predicate sets the base certainty
 *      (reported / claimed / alleged / denied / speculative / predicted); otherwise "asserted";
 *   2. hedges and modality within SCOPE_WINDOW_WORDS before the predicate, in its clause: an evidential
 *      adverb (alleged / speculative), a modal (speculative), a future or plan marker (predicted);
 *   3. irrealis: a condition ("if", "unless") earlier in its clause, a question, an infinitive that is not
 *      the complement of an implicative verb ("managed to"), a sentence-initial imperative;
 *   4. negation in scope ("did not", "never", "no one", "failed to", "without") or a negative object right
 *      after ("killed no one") flips the score below zero.
 * The score is on a UDS-like scale (> 0 happened; magnitude = how surely), set from the certainty ladder in
 * constants.ts, never fitted to data. `reasons` lists the cues that decided it (provenance).
 */
import type { Mention } from "../core/entities.js";
import type { Certainty } from "../core/events.js";
import {
  FACTUALITY_SCORES,
  HYPOTHETICAL_SCORE,
  IMPERATIVE_LEAD_WORDS,
  IRREALIS_SCORE,
  NEGATIVE_OBJECT_WINDOW_WORDS,
  NEGATIVE_OBJECTS,
  SCOPE_WINDOW_WORDS,
} from "./constants.js";
import { type CueLexicon, type CueMatch, loadCues, matchCues, type WordToken, wordTokens } from "./cues.js";

export interface Factuality {
  certainty: Certainty;
  /** According to the text, the predicate's event took place (score > 0). */
  happened: boolean;
  /** UDS-like: about −3 (surely did not) … +3 (surely did). */
  score: number;
  /** The cues that decided it, e.g. ["negation: not", "modal: may"]. */
  reasons: string[];
}

/** Tokens that close a clause when scanning away from the predicate. */
const CLAUSE_PUNCTUATION = new Set([",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "-", "."]);
/** Words that open a new clause: what is before them does not govern what follows. */
const CLAUSE_OPENERS = new Set(["that", "which", "who", "because", "but", "while", "whereas", "although"]);
const QUESTION_MARK = "?";
const TRAILING_CLOSERS = new Set(['"', "”", "’", "'", ")", "]"]);
/** A past-tense or participle ending: a sentence-initial verb with it is a diary fragment, not an order. */
const PAST_ENDING = /(?:ed|en|t)$/u;

function clauseStart(tokens: readonly WordToken[], p: number): number {
  for (let i = p - 1; i >= 0; i--) {
    const key = (tokens[i] as WordToken).key;
    if (CLAUSE_PUNCTUATION.has(key) || CLAUSE_OPENERS.has(key)) return i + 1;
  }
  return 0;
}

function clauseEnd(tokens: readonly WordToken[], p: number): number {
  for (let i = p + 1; i < tokens.length; i++) {
    const key = (tokens[i] as WordToken).key;
    if (CLAUSE_PUNCTUATION.has(key) || CLAUSE_OPENERS.has(key)) return i;
  }
  return tokens.length;
}

function isQuestion(tokens: readonly WordToken[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const key = (tokens[i] as WordToken).key;
    if (TRAILING_CLOSERS.has(key)) continue;
    return key === QUESTION_MARK;
  }
  return false;
}

/** The index of the token the predicate starts in, or -1. */
function predicateIndex(tokens: readonly WordToken[], predicate: Mention): number {
  return tokens.findIndex((t) => t.end > predicate.start && t.start < predicate.end);
}

/** The last match ending at or before `p` and starting at or after `from`, of the given groups. */
function lastBefore(matches: readonly CueMatch[], from: number, p: number, groups: readonly string[]) {
  let found: CueMatch | undefined;
  for (const m of matches) if (groups.includes(m.entry.group) && m.first >= from && m.last <= p) found = m;
  return found;
}

function isImperative(tokens: readonly WordToken[], p: number, text: string): boolean {
  let i = 0;
  while (i < p && IMPERATIVE_LEAD_WORDS.has((tokens[i] as WordToken).key)) i++;
  if (i !== p) return false;
  const first = tokens[0] as WordToken;
  const word = tokens[p] as WordToken;
  return (
    !PAST_ENDING.test(word.key) &&
    /^\p{Lu}/u.test(text.slice(first.start, first.end)) &&
    p + 1 < tokens.length
  );
}

function hasNegativeObject(tokens: readonly WordToken[], p: number, end: number): boolean {
  const last = Math.min(end, p + 1 + NEGATIVE_OBJECT_WINDOW_WORDS);
  for (let i = p + 1; i < last; i++) {
    const key = (tokens[i] as WordToken).key;
    const next = tokens[i + 1]?.key;
    if (NEGATIVE_OBJECTS.has(key) || (next !== undefined && NEGATIVE_OBJECTS.has(`${key} ${next}`)))
      return true;
  }
  return false;
}

/** Factuality of the predicate at `predicate` (offsets into `sentence`). */
export function assessFactuality(
  sentence: string,
  predicate: Mention,
  lexicon: CueLexicon = loadCues(),
): Factuality {
  const tokens = wordTokens(sentence);
  const p = predicateIndex(tokens, predicate);
  const reasons: string[] = [];
  if (p < 0) return { certainty: "asserted", happened: true, score: FACTUALITY_SCORES.asserted, reasons };
  const matches = matchCues(tokens, lexicon).filter((m) => !(m.first <= p && p < m.last));
  const from = clauseStart(tokens, p);
  const to = clauseEnd(tokens, p);
  const windowFrom = Math.max(from, p - SCOPE_WINDOW_WORDS);
  const note = (m: CueMatch) => reasons.push(`${m.entry.group}: ${sentence.slice(m.start, m.end)}`);

  // 1. Reported speech: the nearest reporting cue before the predicate anywhere in the sentence.
  let certainty: Certainty = "asserted";
  const speech = lastBefore(matches, 0, p, ["speech-verb", "source-prep"]);
  if (speech?.entry.certainty) {
    certainty = speech.entry.certainty;
    note(speech);
  }
  // 2. Hedges, modality and futurity in scope.
  const hedge = lastBefore(matches, windowFrom, p, ["hedge", "modal", "future"]);
  if (hedge?.entry.certainty) {
    certainty = hedge.entry.certainty;
    note(hedge);
  }
  let score = FACTUALITY_SCORES[certainty];
  // 3. Irrealis: conditions, questions, infinitives, orders.
  const condition = lastBefore(matches, from, p, ["conditional"]);
  const previous = tokens[p - 1]?.key;
  const implicative = lastBefore(matches, Math.max(0, p - 3), p, ["implicative"]);
  if (condition) {
    note(condition);
    certainty = "speculative";
    score = HYPOTHETICAL_SCORE;
  } else if (isQuestion(tokens)) {
    reasons.push("question");
    certainty = "speculative";
    score = HYPOTHETICAL_SCORE;
  } else if (previous === "to" && !implicative && !hedge) {
    reasons.push("infinitive");
    certainty = "speculative";
    score = IRREALIS_SCORE;
  } else if (isImperative(tokens, p, sentence)) {
    reasons.push("imperative");
    certainty = "speculative";
    score = IRREALIS_SCORE;
  }
  // 4. Negation in scope.
  const negator = lastBefore(matches, windowFrom, p, ["negation"]);
  const negatedByObject = !negator && hasNegativeObject(tokens, p, to);
  if (negator || negatedByObject) {
    if (negator) note(negator);
    else reasons.push("negative object");
    score = certainty === "denied" ? Math.abs(score) / 2 : -Math.abs(score);
  }
  return { certainty, happened: score > 0, score, reasons };
}
