/**
 * The `claims` stage (issue #4): who says each statement, with which reporting word, how surely.
 *
 * `attributeSentence` gives one sentence (or the part of it around a focus, such as an event trigger) its
 * `Attribution`:
 *   1. the sentence is cut into report units at sentence-final punctuation the sentence splitter kept
 *      ("… Hama province. 3 soldiers were allegedly killed …");
 *   2. in a unit, a reporting verb ("X said", "X claimed that", "…, said X") or phrase ("according to X")
 *      names the source: the subject or object noun phrase as written, with the Actor id when it overlaps
 *      a recognised actor mention; a pronoun ("he said") or a passive ("were reported killed") takes the
 *      previous attribution's source when there is one;
 *   3. without one, the outlet speaks ("the outlet", cue null, asserted) unless a hedge is present: an
 *      evidential adverb (allegedly → alleged, apparently → speculative), a modal (speculative), a future
 *      or plan marker (predicted), an evidential phrase ("no indications that");
 *   4. an "allegedly"-type hedge in a unit that follows another source's report continues that report: the
 *      source carries over (Amaq claimed …. 3 soldiers were allegedly killed → Amaq, alleged).
 * `findClaims` lists the non-event sentences worth a check — attributed statements, denials, accusations,
 * assessments and predictions — each with its attribution and evidence. Word lists: data/claims/cues.en.tsv.
 */
import type { Doc, Span } from "../core/doc.js";
import type { Actor, Mention } from "../core/entities.js";
import type { Attribution, Certainty, ClaimKind, ClaimRecord } from "../core/events.js";
import { defineStage, type Stage } from "../core/stage.js";
import { loadAbbreviations } from "../lexicon/abbreviations.js";
import {
  BE_AUXILIARIES,
  CLAUSE_BOUNDARY_WORDS,
  DETERMINERS,
  LEADING_ADVERBIAL_WORDS,
  MAX_SOURCE_WORDS,
  OUTLET_SOURCE,
  PASSIVE_NEGATORS,
  PRONOUN_SOURCES,
  SCOPE_WINDOW_WORDS,
  SOURCE_STOP_CHARS,
  SUBJECT_GAP_WORDS,
} from "./constants.js";
import { type CueLexicon, type CueMatch, loadCues, matchCues, type WordToken, wordTokens } from "./cues.js";

export { OUTLET_SOURCE } from "./constants.js";
export { loadCues, parseCues } from "./cues.js";
export type { Factuality } from "./factuality.js";
export { assessFactuality } from "./factuality.js";

export interface AttributeOptions {
  /** Attribute the part of the sentence around this span (an event trigger) rather than its first clause. */
  focus?: Mention;
  lexicon?: CueLexicon;
}

/** A sentence-final mark followed by space and a digit or capital: a break the sentence splitter kept. */
const INNER_BREAK = /([\p{L}\p{N}]+)([.!?])["”’)]*\s+(?=[\p{Lu}\p{N}])/gu;
/** Certainties of hedges that continue another source's report rather than start the outlet's own. */
const CONTINUING_CERTAINTIES: ReadonlySet<Certainty> = new Set(["alleged"]);

/** The report units of a sentence: the sentence cut at inner sentence-final breaks (see INNER_BREAK). */
export function reportUnits(text: string, sentence: Mention): Mention[] {
  const abbreviations = loadAbbreviations();
  const slice = text.slice(sentence.start, sentence.end);
  const units: Mention[] = [];
  let from = sentence.start;
  for (const m of slice.matchAll(INNER_BREAK)) {
    const word = m[1] as string;
    if (m[2] === "." && (abbreviations.has(word) || word.length < 2)) continue;
    const cut = sentence.start + (m.index ?? 0) + word.length + 1;
    const next = sentence.start + (m.index ?? 0) + m[0].length;
    units.push({ start: from, end: text.slice(from, cut).trimEnd().length + from });
    from = next;
  }
  units.push({ start: from, end: sentence.end });
  return units.filter((u) => u.end > u.start);
}

function outlet(): Attribution {
  return { source: OUTLET_SOURCE, sourceActor: null, cue: null, cueSpan: null, certainty: "asserted" };
}

function isOutlet(a: Attribution | undefined): boolean {
  return !a || a.source === OUTLET_SOURCE;
}

/** The actor whose mention overlaps [start, end), the one ending last (nearest the verb) if several. */
function actorAt(
  actors: readonly Actor[],
  start: number,
  end: number,
): { actor: Actor; mention: Mention } | null {
  let best: { actor: Actor; mention: Mention } | null = null;
  for (const actor of actors)
    for (const mention of actor.mentions)
      if (mention.start < end && mention.end > start && (!best || mention.end > best.mention.end))
        best = { actor, mention };
  return best;
}

function isStop(t: WordToken | undefined): boolean {
  return t !== undefined && SOURCE_STOP_CHARS.has(t.key);
}

/** Trim a token range of leading words that cannot open a noun phrase ("and", "but"). */
function phraseOf(tokens: readonly WordToken[], from: number, to: number): Mention | null {
  let a = from;
  while (
    a < to &&
    (CLAUSE_BOUNDARY_WORDS.has((tokens[a] as WordToken).key) || (tokens[a] as WordToken).key === "and")
  )
    a++;
  if (a >= to) return null;
  if (to - a > MAX_SOURCE_WORDS) a = to - MAX_SOURCE_WORDS;
  return { start: (tokens[a] as WordToken).start, end: (tokens[to - 1] as WordToken).end };
}

type SubjectResult =
  | { kind: "source"; span: Mention }
  | { kind: "passive" }
  | { kind: "not-reporting" }
  | { kind: "none" };

/** The subject noun phrase of the reporting verb at token `v`, scanning back within the unit's tokens. */
function subjectOf(tokens: readonly WordToken[], v: number): SubjectResult {
  const key = (k: number) => tokens[k]?.key;
  let i = v - 1;
  for (;;) {
    while (i >= 0 && SUBJECT_GAP_WORDS.has(key(i) ?? "")) i--;
    // "The ministry, however, said": a gap word between commas.
    if (key(i) === "," && SUBJECT_GAP_WORDS.has(key(i - 1) ?? "") && key(i - 2) === ",") i -= 3;
    else break;
  }
  const before = tokens[i];
  if (!before) return { kind: "none" };
  if (DETERMINERS.has(before.key)) return { kind: "not-reporting" };
  if (BE_AUXILIARIES.has(before.key)) {
    // "could not be verified", "was never confirmed": nobody reported it.
    const negated = tokens.slice(Math.max(0, i - 2), i).some((t) => PASSIVE_NEGATORS.has(t.key));
    return negated ? { kind: "not-reporting" } : { kind: "passive" };
  }
  if (before.key === ",") {
    // Appositive: "the ISIS propaganda wing, Amaq, claimed" → the stretch between the two commas.
    let j = i - 1;
    while (j >= 0 && !isStop(tokens[j]) && !CLAUSE_BOUNDARY_WORDS.has((tokens[j] as WordToken).key)) j--;
    const span = phraseOf(tokens, j + 1, i);
    return span ? { kind: "source", span } : { kind: "none" };
  }
  if (isStop(before)) return { kind: "none" };
  let j = i;
  while (j >= 0 && !isStop(tokens[j]) && !CLAUSE_BOUNDARY_WORDS.has((tokens[j] as WordToken).key)) j--;
  const span = phraseOf(tokens, j + 1, i + 1);
  return span ? { kind: "source", span } : { kind: "none" };
}

/** The noun phrase after token `from` up to a stop or a clause word ("according to X, …", "…, said X."). */
function objectAfter(tokens: readonly WordToken[], from: number): Mention | null {
  let j = from;
  while (j < tokens.length && !isStop(tokens[j]) && !CLAUSE_BOUNDARY_WORDS.has((tokens[j] as WordToken).key))
    j++;
  if (j === from) return null;
  const end = Math.min(j, from + MAX_SOURCE_WORDS);
  return { start: (tokens[from] as WordToken).start, end: (tokens[end - 1] as WordToken).end };
}

/** What ends a quote or clause before an inverted reporting verb: "…,” said X", "…, said X". */
const INVERSION_MARKS: ReadonlySet<string> = new Set([",", "”", '"', "’"]);

/** Inverted order: "“…,” said the ministry." — the verb after a comma or quote, its subject after it. */
function isInverted(tokens: readonly WordToken[], v: number, last: number): boolean {
  const before = tokens[v - 1];
  const after = tokens[last];
  if (!before || !after || !INVERSION_MARKS.has(before.key)) return false;
  if (CLAUSE_BOUNDARY_WORDS.has(after.key) || PRONOUN_SOURCES.has(after.key) || isStop(after)) return false;
  let j = last;
  while (j < tokens.length && !isStop(tokens[j])) j++;
  return j - last <= MAX_SOURCE_WORDS && (j === tokens.length || isStop(tokens[j]));
}

interface SourceFound {
  source: string;
  sourceActor: string | null;
}

function sourceFrom(text: string, span: Mention, actors: readonly Actor[]): SourceFound {
  const hit = actorAt(actors, span.start, span.end);
  return { source: text.slice(span.start, span.end), sourceActor: hit ? hit.actor.id : null };
}

function withPrevious(found: SourceFound, previous: Attribution | undefined): SourceFound {
  if (PRONOUN_SOURCES.has(found.source.toLowerCase()) && previous && !isOutlet(previous))
    return { source: previous.source, sourceActor: previous.sourceActor };
  return found;
}

/** The source of a reporting cue, or null when the cue is not a reporting use (an adjective). */
function sourceOfCue(
  text: string,
  tokens: readonly WordToken[],
  cue: CueMatch,
  actors: readonly Actor[],
  previous: Attribution | undefined,
): SourceFound | "passive" | null {
  if (cue.entry.group === "source-prep") {
    const span = objectAfter(tokens, cue.last);
    return span ? withPrevious(sourceFrom(text, span, actors), previous) : null;
  }
  if (isInverted(tokens, cue.first, cue.last)) {
    const span = objectAfter(tokens, cue.last);
    if (span) return withPrevious(sourceFrom(text, span, actors), previous);
  }
  const subject = subjectOf(tokens, cue.first);
  if (subject.kind === "not-reporting" || subject.kind === "none") return null;
  if (subject.kind === "passive") {
    // "… was claimed by Amaq": the agent after "by".
    if (tokens[cue.last]?.key === "by") {
      const span = objectAfter(tokens, cue.last + 1);
      if (span) return sourceFrom(text, span, actors);
    }
    return "passive";
  }
  return withPrevious(sourceFrom(text, subject.span, actors), previous);
}

/** A reporting verb's trailing complementiser is not part of the cue: "claim that" → "claim". */
const TRAILING_THAT = /\s+that$/iu;

function cueOf(text: string, m: CueMatch): Pick<Attribution, "cue" | "cueSpan"> {
  let end = m.end;
  if (m.entry.group === "speech-verb")
    end = m.start + text.slice(m.start, m.end).replace(TRAILING_THAT, "").length;
  return { cue: text.slice(m.start, end), cueSpan: { start: m.start, end } };
}

/** The reporting cue that governs `focus`: the last one before it, else the first after it. */
function governing(cues: readonly CueMatch[], focus: Mention | undefined): CueMatch | undefined {
  if (!focus) return cues[0];
  let before: CueMatch | undefined;
  for (const c of cues) if (c.start <= focus.start) before = c;
  return before ?? cues[0];
}

/** Hedges that scope over a whole report unit ("allegedly", "no indications that"). */
const UNIT_HEDGE_GROUPS: ReadonlySet<string> = new Set(["hedge", "evidential"]);
/** Hedges that scope over their own clause only ("may", "will"). */
const CLAUSE_HEDGE_GROUPS: ReadonlySet<string> = new Set(["modal", "future"]);
/** Tokens that open a subordinate clause: a modal after one is not the main clause's ("…, which can be …"). */
const SUBORDINATE_OPENERS: ReadonlySet<string> = new Set([",", ";", ":", ...CLAUSE_BOUNDARY_WORDS]);

/** Is there a clause opener among tokens [from, to)? */
function opensClause(tokens: readonly WordToken[], from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < to; k++)
    if (SUBORDINATE_OPENERS.has((tokens[k] as WordToken).key)) return true;
  return false;
}

/**
 * The hedge that governs the unit (or its focus): an evidential adverb or phrase anywhere before the focus
 * (anywhere in the unit without one); else a modal or future marker in the focus's clause within
 * SCOPE_WINDOW_WORDS before it, or — without a focus — in the main clause, before any clause opener.
 * A leading adverbial ("Recently, …", "In fact, …") is not a clause.
 */
function governingHedge(
  tokens: readonly WordToken[],
  matches: readonly CueMatch[],
  focus: Mention | undefined,
): CueMatch | undefined {
  const p = focus ? tokens.findIndex((t) => t.end > focus.start) : tokens.length;
  const unitHedge = matches.find((m) => UNIT_HEDGE_GROUPS.has(m.entry.group) && m.first < p);
  if (unitHedge) return unitHedge;
  const clauseHedges = matches.filter((m) => CLAUSE_HEDGE_GROUPS.has(m.entry.group));
  if (focus) {
    return clauseHedges
      .filter((m) => m.last <= p && p - m.last <= SCOPE_WINDOW_WORDS && !opensClause(tokens, m.last, p))
      .at(-1);
  }
  const comma = tokens.findIndex((t) => t.key === ",");
  const lead = comma >= 0 && comma <= LEADING_ADVERBIAL_WORDS ? comma + 1 : 0;
  return clauseHedges.find((m) => !opensClause(tokens, lead, m.first));
}

/** The attribution of one report unit. */
function attributeUnit(
  text: string,
  unit: Mention,
  actors: readonly Actor[],
  previous: Attribution | undefined,
  lexicon: CueLexicon,
  focus: Mention | undefined,
): Attribution {
  const tokens = wordTokens(text, unit.start, unit.end);
  const matches = matchCues(tokens, lexicon);
  // 2. A reporting verb or phrase with its source.
  const reporting = matches.filter((m) => m.entry.group === "speech-verb" || m.entry.group === "source-prep");
  const usable: { cue: CueMatch; found: SourceFound | "passive" }[] = [];
  for (const cue of reporting) {
    const found = sourceOfCue(text, tokens, cue, actors, previous);
    if (found) usable.push({ cue, found });
  }
  const chosen = governing(
    usable.map((u) => u.cue),
    focus,
  );
  const entry = usable.find((u) => u.cue === chosen);
  if (entry?.cue.entry.certainty) {
    const certainty = entry.cue.entry.certainty;
    if (entry.found === "passive") {
      const carried = !isOutlet(previous) && previous ? previous : outlet();
      return {
        ...cueOf(text, entry.cue),
        source: carried.source,
        sourceActor: carried.sourceActor,
        certainty,
      };
    }
    return { ...cueOf(text, entry.cue), ...entry.found, certainty };
  }
  // 3–4. The outlet's voice, hedged or not; an "allegedly" continues another source's report.
  const hedge = governingHedge(tokens, matches, focus);
  if (!hedge?.entry.certainty) return outlet();
  const certainty = hedge.entry.certainty;
  if (CONTINUING_CERTAINTIES.has(certainty) && previous && !isOutlet(previous))
    return { ...cueOf(text, hedge), source: previous.source, sourceActor: previous.sourceActor, certainty };
  return { ...cueOf(text, hedge), source: OUTLET_SOURCE, sourceActor: null, certainty };
}

/** Attributions of every report unit of a sentence, in order; each unit sees the one before as `previous`. */
export function attributeUnits(
  text: string,
  sentence: Mention,
  actors: readonly Actor[],
  previous?: Attribution,
  options: AttributeOptions = {},
): { unit: Mention; attribution: Attribution }[] {
  const lexicon = options.lexicon ?? loadCues();
  const out: { unit: Mention; attribution: Attribution }[] = [];
  let prev = previous;
  for (const unit of reportUnits(text, sentence)) {
    const focus =
      options.focus && options.focus.start >= unit.start && options.focus.start < unit.end
        ? options.focus
        : undefined;
    const attribution = attributeUnit(text, unit, actors, prev, lexicon, focus);
    out.push({ unit, attribution });
    prev = attribution;
  }
  return out;
}

/**
 * Who says the sentence (or, with `options.focus`, the part of it around the focus), with which cue, how
 * surely. `previous` is the attribution of the sentence before, so a continued report keeps its source.
 */
export function attributeSentence(
  text: string,
  sentence: Mention,
  actors: readonly Actor[],
  previous?: Attribution,
  options: AttributeOptions = {},
): Attribution {
  const units = attributeUnits(text, sentence, actors, previous, options);
  const focus = options.focus;
  const hit = focus ? units.find((u) => focus.start >= u.unit.start && focus.start < u.unit.end) : undefined;
  return (hit ?? units[0])?.attribution ?? outlet();
}

/**
 * The kind of claim a non-event sentence makes, or null when it is a plain statement in the outlet's voice
 * (nothing to check beyond the fact itself). Order: denial, accusation, evidential assessment; then, for
 * another source's words, a forecast or a hedge in what it says (after the cue) makes a prediction or an
 * assessment, else a statement; for the outlet's, the governing hedge's certainty decides.
 */
export function claimKind(
  text: string,
  sentence: Mention,
  attribution: Attribution,
  lexicon: CueLexicon = loadCues(),
): ClaimKind | null {
  const matches = matchCues(wordTokens(text, sentence.start, sentence.end), lexicon);
  const has = (group: string, after = -1) => matches.some((m) => m.entry.group === group && m.start > after);
  if (attribution.certainty === "denied") return "denial";
  if (has("accusation")) return "accusation";
  if (has("evidential")) return "assessment";
  if (!isOutlet(attribution)) {
    // What the source says: a forecast, an assessment or a plain statement.
    const cueEnd = attribution.cueSpan?.end ?? -1;
    if (attribution.certainty === "predicted" || has("future", cueEnd)) return "prediction";
    if (attribution.certainty === "speculative" || has("modal", cueEnd) || has("conditional", cueEnd))
      return "assessment";
    return "statement";
  }
  if (attribution.certainty === "predicted") return "prediction";
  if (attribution.certainty === "speculative") return "assessment";
  return attribution.certainty === "asserted" ? null : "statement";
}

/**
 * The claims of an article: every sentence that is not an event sentence and that makes a statement worth a
 * check (see `claimKind`), in order, ids "c1", "c2"… Attribution carries from each sentence to the next.
 */
export function findClaims(
  text: string,
  sentences: readonly Span[],
  actors: readonly Actor[],
  eventSentences: ReadonlySet<number>,
  lexicon: CueLexicon = loadCues(),
): ClaimRecord[] {
  const claims: ClaimRecord[] = [];
  let previous: Attribution | undefined;
  sentences.forEach((sentence, i) => {
    const units = attributeUnits(text, sentence, actors, previous, { lexicon });
    const first = units[0]?.attribution ?? outlet();
    previous = units[units.length - 1]?.attribution;
    if (eventSentences.has(i)) return;
    const kind = claimKind(text, sentence, first, lexicon);
    if (!kind) return;
    const evidence = {
      start: sentence.start,
      end: sentence.end,
      text: text.slice(sentence.start, sentence.end),
    };
    claims.push({ id: `c${claims.length + 1}`, kind, text: evidence.text, attribution: first, evidence });
  });
  return claims;
}

/** Indexes of the sentences an event's evidence lies in (when an events stage ran before this one). */
export function eventSentenceIndexes(doc: Doc): Set<number> {
  const out = new Set<number>();
  const sentences = doc.layers.sentences;
  const mark = (start: number) => {
    const i = sentences.findIndex((s) => start >= s.start && start < s.end);
    if (i >= 0) out.add(i);
  };
  for (const event of doc.layers.events ?? []) {
    for (const e of event.evidence) mark(e.start);
    for (const s of event.sources) mark(s.evidence.start);
  }
  return out;
}

/** Attribution of every sentence in order, each unit's source carried into the next where it continues. */
function attributeAll(doc: Doc): Attribution[] {
  const out: Attribution[] = [];
  let previous: Attribution | undefined;
  for (const sentence of doc.layers.sentences) {
    const a = attributeSentence(doc.text, sentence, doc.layers.actors, previous);
    out.push(a);
    previous = a;
  }
  return out;
}

export const claimsStage: Stage = defineStage({
  name: "claims",
  requires: ["sentences", "actors", "events"],
  assigns: ["claims", "attribution"],
  run(doc: Doc) {
    // Who says each event, and how surely: each source entry (one version of it) gets its own; the first leads.
    const bySentence = attributeAll(doc);
    const sentenceOf = (start: number) =>
      doc.layers.sentences.findIndex((s) => start >= s.start && start < s.end);
    for (const event of doc.layers.events) {
      for (const source of event.sources) {
        const i = sentenceOf(source.evidence.start);
        // attributeAll has attributed this sentence already, with its predecessor carried in.
        const attribution = bySentence[i];
        if (attribution) source.attribution = attribution;
      }
      if (event.sources[0]) event.attribution = event.sources[0].attribution;
    }
    doc.layers.claims = findClaims(
      doc.text,
      doc.layers.sentences,
      doc.layers.actors,
      eventSentenceIndexes(doc),
    );
    return doc;
  },
});
