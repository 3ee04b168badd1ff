/**
 * The cue lexicon of the claims stage (`data/claims/cues.en.tsv`), loaded once and validated, and a matcher
 * that finds cues as whole words in a stretch of text. Word tokens keep their offsets so that every cue
 * found leads back to the text (`text.slice(start, end)` is the cue as written).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDataDir } from "../core/data.js";
import { CERTAINTIES, type Certainty } from "../core/events.js";
import { CUES_FILE } from "./constants.js";

export const CUE_GROUPS = [
  "speech-verb",
  "source-prep",
  "hedge",
  "modal",
  "future",
  "evidential",
  "accusation",
  "negation",
  "conditional",
  "implicative",
] as const;
export type CueGroup = (typeof CUE_GROUPS)[number];

export interface CueEntry {
  group: CueGroup;
  phrase: string;
  /** Lower-case words of the phrase. */
  words: readonly string[];
  /** The certainty the cue gives, or null ("-": the cue does not set one). */
  certainty: Certainty | null;
  /** The cue denies or negates what follows ("denied", "no indications that"). */
  negates: boolean;
}

export interface CueLexicon {
  entries: readonly CueEntry[];
  /** First word → entries of every group starting with it, longest first. */
  byFirstWord: ReadonlyMap<string, readonly CueEntry[]>;
}

/** A word of the text: lower-case key and offsets. */
export interface WordToken {
  start: number;
  end: number;
  /** Lower case, curly apostrophes made straight. */
  key: string;
  /** Written with an initial capital. */
  capital: boolean;
}

export interface CueMatch {
  entry: CueEntry;
  start: number;
  end: number;
  /** Index of the first and one past the last word in the token list it was found in. */
  first: number;
  last: number;
}

/** Words (with inner hyphens/apostrophes), the clitics "n't" and "'ll", numbers, and single marks. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|['’][\p{L}]+|[^\s]/gu;
/** "didn't" → "did" + "n't"; "they'll" → "they" + "'ll". */
const CLITIC = /(n['’]t|['’]ll)$/iu;
const CURLY_APOSTROPHE = /’/gu;
const CAPITAL = /^\p{Lu}/u;
/** Groups whose one-word cues are also names or nouns: "in May", "Will Smith", "the will of the people". */
const NOUN_PRONE_GROUPS: ReadonlySet<CueGroup> = new Set(["modal", "future"]);
/** A determiner before a one-word modal makes it a noun ("the will", "a may-fly"). */
const NOUN_DETERMINERS: ReadonlySet<string> = new Set([
  "the",
  "a",
  "an",
  "his",
  "her",
  "their",
  "its",
  "our",
  "of",
]);

/** A one-word modal or future cue used as a name or a noun: capitalised inside a sentence, or after a determiner. */
function isNounUse(tokens: readonly WordToken[], i: number, entry: CueEntry): boolean {
  if (entry.words.length !== 1 || !NOUN_PRONE_GROUPS.has(entry.group)) return false;
  const token = tokens[i] as WordToken;
  const before = tokens[i - 1];
  if (!before) return false;
  return (token.capital && /[\p{L}\p{N},]/u.test(before.key)) || NOUN_DETERMINERS.has(before.key);
}

export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(CURLY_APOSTROPHE, "'");
}

/** Word tokens of text[start, end), with clitics split off. */
export function wordTokens(text: string, start = 0, end = text.length): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.slice(start, end).matchAll(WORD)) {
    const s = start + (m.index ?? 0);
    const word = m[0];
    const clitic = CLITIC.exec(word);
    if (clitic && clitic.index > 0) {
      const cut = s + clitic.index;
      const capital = CAPITAL.test(word);
      out.push({ start: s, end: cut, key: normaliseWord(word.slice(0, clitic.index)), capital });
      out.push({ start: cut, end: s + word.length, key: normaliseWord(clitic[0]), capital: false });
    } else
      out.push({ start: s, end: s + word.length, key: normaliseWord(word), capital: CAPITAL.test(word) });
  }
  return out;
}

export function parseCues(text: string, file = CUES_FILE): CueLexicon {
  const entries: CueEntry[] = [];
  const counts = new Map<CueGroup, number>(CUE_GROUPS.map((g) => [g, 0]));
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [group, phrase, certainty, polarity] = line.split("\t");
    const known = counts.has(group as CueGroup);
    const certaintyOk = certainty === "-" || (CERTAINTIES as readonly string[]).includes(certainty ?? "");
    if (!known || !phrase || !certaintyOk || (polarity !== "affirm" && polarity !== "negate")) {
      throw new Error(
        `${file}:${i + 1}: expected "<group>\\t<phrase>\\t<certainty|->\\t<affirm|negate>" with a known group ` +
          `(${CUE_GROUPS.join(", ")}) and certainty (${CERTAINTIES.join(", ")}), got "${line}"`,
      );
    }
    const g = group as CueGroup;
    counts.set(g, (counts.get(g) ?? 0) + 1);
    entries.push({
      group: g,
      phrase,
      words: wordTokens(phrase).map((t) => t.key),
      certainty: certainty === "-" ? null : (certainty as Certainty),
      negates: polarity === "negate",
    });
  });
  for (const [g, n] of counts) if (n === 0) throw new Error(`${file}: group "${g}" is empty`);
  const byFirstWord = new Map<string, CueEntry[]>();
  for (const e of entries) {
    const key = e.words[0] as string;
    const list = byFirstWord.get(key) ?? [];
    list.push(e);
    byFirstWord.set(key, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { entries, byFirstWord };
}

let cached: CueLexicon | undefined;
/** The bundled lexicon (`data/claims/cues.en.tsv`), parsed once. */
export function loadCues(): CueLexicon {
  if (!cached) {
    const path = join(findDataDir(), CUES_FILE);
    cached = parseCues(readFileSync(path, "utf8"), path);
  }
  return cached;
}

/**
 * Cues of the given groups among `tokens`: at each word, the longest phrase of each group that starts there;
 * a match does not start inside an earlier match of the same group. Sorted by position.
 */
export function matchCues(
  tokens: readonly WordToken[],
  lexicon: CueLexicon,
  groups: readonly CueGroup[] = CUE_GROUPS,
): CueMatch[] {
  const wanted = new Set(groups);
  const out: CueMatch[] = [];
  const busyUntil = new Map<CueGroup, number>();
  for (let i = 0; i < tokens.length; i++) {
    const candidates = lexicon.byFirstWord.get((tokens[i] as WordToken).key);
    if (!candidates) continue;
    const taken = new Set<CueGroup>();
    for (const entry of candidates) {
      if (!wanted.has(entry.group) || taken.has(entry.group)) continue;
      if ((busyUntil.get(entry.group) ?? 0) > i) continue;
      const n = entry.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = (tokens[i + k] as WordToken).key === entry.words[k];
      if (!ok || isNounUse(tokens, i, entry)) continue;
      taken.add(entry.group);
      busyUntil.set(entry.group, i + n);
      out.push({
        entry,
        start: (tokens[i] as WordToken).start,
        end: (tokens[i + n - 1] as WordToken).end,
        first: i,
        last: i + n,
      });
    }
  }
  return out;
}
