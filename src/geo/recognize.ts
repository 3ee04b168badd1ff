/**
 * Place recognition in running text: capitalised word runs (and Arabic-article forms such as "al-Qaim")
 * looked up in the gazetteer, longest first, with the context words that say what kind of place it is
 * ("Hama province", "the town of al-Qaim", "southern Deir Ezzor") and the filters that keep people's
 * names and common words out ("George Washington", "May"). Demonyms become places only where they locate
 * ("the Iraqi side of the border", "the Iraqi-Syrian border").
 */
import type { Mention } from "../core/entities.js";
import {
  COMMON_WORD_MIN_POPULATION,
  MAX_CANDIDATES,
  MAX_MENTIONS,
  MAX_NAME_WORDS,
  MAX_SCAN_CHARS_PER_SENTENCE,
} from "./constants-parse.js";
import { type GeoCues, loadCommonWords, loadGeoCues } from "./cues.js";
import type { FeatureType, Gazetteer, GazetteerEntry } from "./gazetteer.js";

export interface ToponymMention extends Mention {
  /** As written. */
  text: string;
  candidates: readonly GazetteerEntry[];
  /** Feature type the context asks for ("province" → admin1). */
  typeCue: FeatureType | null;
  /** Preceded by "southern", "eastern", …: a region of the place rather than its point. */
  directional: boolean;
  /** A demonym standing for its country ("the Iraqi side"). */
  demonym: boolean;
  /** Index of the sentence it is in. */
  sentence: number;
}

interface Word {
  start: number;
  end: number;
  text: string;
  /** Starts a name: capital letter, an Arabic article before a capital ("al-Qaim"), or an uncased script. */
  cap: boolean;
}

/** Letters and digits with inner apostrophes, hyphens and dots ("al-Bukamal", "Dar'a", "U.S"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’‘ʼ.-][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/u;
const UPPER_START = /^\p{Lu}/u;
const ARTICLE_THEN_UPPER = /^(?:al|el|ad|ash|as|az|ar|at|an|ez|es|ed|adh|ul|ath)[-‘'’ʼ]\p{Lu}/u;
const UNCASED_START =
  /^[\p{Script=Arabic}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hebrew}]/u;
const PLAIN_GAP = /^[ \t\u00a0]+$|^-$/u;
const DIGIT = /\p{N}/u;
const LEADING_THE = /^the\s+/iu;

function scanWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  const limit = Math.min(end, start + MAX_SCAN_CHARS_PER_SENTENCE);
  const slice = text.slice(start, limit);
  for (const m of slice.matchAll(WORD)) {
    let w = m[0];
    const s = start + (m.index ?? 0);
    if (POSSESSIVE.test(w)) w = w.slice(0, -2);
    if (w.endsWith(".")) w = w.slice(0, -1);
    if (w.length === 0) continue;
    const cap = UPPER_START.test(w) || ARTICLE_THEN_UPPER.test(w) || UNCASED_START.test(w);
    words.push({ start: s, end: s + w.length, text: w, cap });
  }
  return words;
}

export interface RecognizeOptions {
  /** Also return demonyms that locate (the geo stage does; the benchmark's gold has no demonyms). */
  demonyms?: boolean;
}

/** Find place mentions in the given sentence spans of `text`. */
export function recognizePlaces(
  text: string,
  sentences: readonly Mention[],
  gazetteer: Gazetteer,
  options: RecognizeOptions = {},
): ToponymMention[] {
  const cues = loadGeoCues();
  const common = loadCommonWords();
  const out: ToponymMention[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    if (out.length >= MAX_MENTIONS) return;
    const words = scanWords(text, sentence.start, sentence.end);
    let i = 0;
    while (i < words.length && out.length < MAX_MENTIONS) {
      const found = matchAt(text, words, i, gazetteer);
      if (found) {
        const mention = contextualise(text, words, i, found.length, found.entries, cues, sentenceIndex);
        const isDemonym = gazetteer.demonym(mention.text.replace(LEADING_THE, "")) !== null;
        if (!isDemonym && keepMention(text, words, i, found.length, mention, cues, common)) out.push(mention);
        i += found.length;
        continue;
      }
      if (options.demonyms) {
        const demonyms = matchDemonyms(words, i, gazetteer, cues, sentenceIndex);
        if (demonyms.length > 0) out.push(...demonyms);
      }
      i++;
    }
  });
  return out;
}

/** The longest run of words from `i` that names a place. */
function matchAt(
  text: string,
  words: readonly Word[],
  i: number,
  gazetteer: Gazetteer,
): { length: number; entries: readonly GazetteerEntry[] } | null {
  const first = words[i] as Word;
  if (!first.cap || DIGIT.test(first.text[0] as string)) return null;
  let maxLen = 1;
  while (maxLen < MAX_NAME_WORDS && i + maxLen < words.length) {
    const prev = words[i + maxLen - 1] as Word;
    const next = words[i + maxLen] as Word;
    if (!PLAIN_GAP.test(text.slice(prev.end, next.start))) break;
    maxLen++;
  }
  for (let len = maxLen; len >= 1; len--) {
    const last = words[i + len - 1] as Word;
    if (!last.cap) continue;
    const entries = gazetteer.lookup(text.slice(first.start, last.end));
    if (entries.length > 0) return { length: len, entries: entries.slice(0, MAX_CANDIDATES) };
  }
  return null;
}

function contextualise(
  text: string,
  words: readonly Word[],
  i: number,
  len: number,
  candidates: readonly GazetteerEntry[],
  cues: GeoCues,
  sentence: number,
): ToponymMention {
  const first = words[i] as Word;
  const last = words[i + len - 1] as Word;
  const before = words[i - 1];
  const before2 = words[i - 2];
  const after = words[i + len];
  let typeCue: FeatureType | null = null;
  if (after) typeCue = cues.typeAfter.get(after.text.toLowerCase()) ?? null;
  // "the town of al-Qaim", "the province of Hama"
  if (!typeCue && before && before2 && before.text.toLowerCase() === "of") {
    typeCue = cues.typeBefore.get(before2.text.toLowerCase()) ?? null;
  }
  const directional = before !== undefined && cues.directions.has(before.text.toLowerCase());
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    candidates,
    typeCue,
    directional,
    demonym: false,
    sentence,
  };
}

/** Filters that keep people's and organisations' names and common words out. */
function keepMention(
  text: string,
  words: readonly Word[],
  i: number,
  len: number,
  mention: ToponymMention,
  cues: GeoCues,
  common: ReadonlySet<string>,
): boolean {
  // Only words joined to the name by plain spaces count as part of a longer name ("Deir Ezzor, al-Mayadin" is a list).
  const rawBefore = words[i - 1];
  const rawAfter = words[i + len];
  const before =
    rawBefore && PLAIN_GAP.test(text.slice(rawBefore.end, mention.start)) ? rawBefore : undefined;
  const after = rawAfter && PLAIN_GAP.test(text.slice(mention.end, rawAfter.start)) ? rawAfter : undefined;
  const top = mention.candidates[0] as GazetteerEntry;
  const majorArea = top.featureType === "country" || top.featureType === "admin1";
  // "President Jackson", "Gen. Washington"
  if (before && cues.nameTitles.has(before.text)) return false;
  // "Washington Street", "Jordan Inc"
  if (after && cues.orgAfter.has(after.text)) return false;
  // "George Washington": a capitalised word before, not sentence-initial and not itself a cue word.
  if (before?.cap && i - 1 > 0 && !cues.directions.has(before.text.toLowerCase()) && !majorArea) return false;
  // "Jordan Peterson", "Israel Defense Forces": a capitalised word after that is not a type word.
  if (after?.cap && !cues.typeAfter.has(after.text.toLowerCase()) && after.text.length > 1) return false;
  if (len === 1) {
    const lower = mention.text.toLowerCase();
    if (common.has(lower)) {
      const sentenceInitial = i === 0;
      if (sentenceInitial || !(majorArea || top.population >= COMMON_WORD_MIN_POPULATION)) return false;
    }
  }
  return true;
}

/** "Iraqi" in "the Iraqi side of the border", both parts of "Iraqi-Syrian border". */
function matchDemonyms(
  words: readonly Word[],
  i: number,
  gazetteer: Gazetteer,
  cues: GeoCues,
  sentence: number,
): ToponymMention[] {
  const word = words[i] as Word;
  if (!word.cap) return [];
  const next = words[i + 1];
  if (!next || !cues.demonymNouns.has(next.text.toLowerCase())) return [];
  const parts = word.text.split("-");
  const out: ToponymMention[] = [];
  let offset = word.start;
  for (const part of parts) {
    const code = gazetteer.demonym(part);
    const country = code ? gazetteer.country(code) : undefined;
    if (country) {
      out.push({
        start: offset,
        end: offset + part.length,
        text: part,
        candidates: [country],
        typeCue: "country",
        directional: false,
        demonym: true,
        sentence,
      });
    }
    offset += part.length + 1;
  }
  return out.length === parts.length ? out : [];
}
