import type { Doc, Span } from "../core/doc.js";
import type { Quantity, QuantityQualifier } from "../core/events.js";
import { defineStage } from "../core/stage.js";
import {
  loadQuantityLexicon,
  type NounKind,
  nounKind,
  numberWordValue,
  type QuantityLexicon,
  quantityLexicon,
} from "../lexicon/quantities.js";
import {
  CURRENCY_BEFORE,
  DIGITS,
  EXPONENT,
  GROUPED_INTEGER,
  IDENTIFIER_BEFORE,
  MAX_COUNT,
  MAX_DIGITS,
  MAX_NUMBER_WORDS,
  MAX_QUANTITIES_PER_DOC,
  MAX_QUANTITIES_PER_SENTENCE,
  MAX_WINDOW_CHARS,
  MONTH,
  NOUN_SKIP,
  NOUN_STOP,
  NOUN_WINDOW,
  ORDINAL_SUFFIX,
  PLAIN_INTEGER,
  TOKEN,
  UNSPECIFIED_COUNT,
  WORD,
  YEAR_LIKE,
} from "./constants.js";

// ---------------------------------------------------------------------------------------------------------
// Tokens

interface Tok {
  start: number;
  end: number;
  text: string;
  lower: string;
}

function tokenizeWindow(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN)) {
    const s = start + (m.index ?? 0);
    out.push({ start: s, end: s + m[0].length, text: m[0], lower: m[0].toLowerCase() });
  }
  return out;
}

/** Do tokens i and i+1 touch (no space between)? */
function glued(toks: Tok[], i: number): boolean {
  const a = toks[i];
  const b = toks[i + 1];
  return a !== undefined && b !== undefined && a.end === b.start;
}

function matchPhrase(toks: Tok[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (toks[i + k]?.lower !== words[k]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Counts

type CountKind = "digits" | "words" | "vague" | "article" | "none";

interface Count {
  /** Token index after the count. */
  next: number;
  value: number | null;
  kind: CountKind;
  /** Set when the count is a range ("3-5", "two or three"). */
  range?: boolean;
  /** Set when the figure was rejected as a number at all (too many digits, "1e309"). */
  invalid?: boolean;
}

/** Why a token run is not a count; the scan skips past it. */
interface NotCount {
  skip: number;
}

/** Parse a digit token: "3" → 3, "1,200" → 1200, "3.5" → 3.5, too many digits → null, other shapes → undefined. */
function parseDigits(raw: string): number | null | undefined {
  if (PLAIN_INTEGER.test(raw)) return raw.length > MAX_DIGITS ? null : Number(raw);
  if (GROUPED_INTEGER.test(raw)) {
    const digits = raw.replaceAll(",", "");
    return digits.length > MAX_DIGITS ? null : Number(digits);
  }
  if (/^\d+\.\d+$/.test(raw)) return raw.length > MAX_DIGITS ? null : Number(raw);
  return undefined; // "18.12.20", "1,2": a date or a locale we do not read
}

function readDigits(toks: Tok[], i: number): Count | NotCount | null {
  const t = toks[i] as Tok;
  if (!DIGITS.test(t.text)) return null;
  const after = toks[i + 1];
  if (after && glued(toks, i)) {
    if (EXPONENT.test(after.text)) return { next: i + 2, value: null, kind: "digits", invalid: true };
    if (ORDINAL_SUFFIX.test(after.text)) return { skip: i + 2 };
    if (WORD.test(after.text) || after.text === "%") return { skip: i + 2 }; // "30km", "5%"
    if (after.text === ":" || after.text === "/") return { skip: i + 3 }; // "10:30", "18/12"
    if ((after.text === "-" || after.text === "–") && glued(toks, i + 1)) {
      const third = toks[i + 2] as Tok;
      if (WORD.test(third.text)) return { skip: i + 3 }; // "15-year-old", "15-member"
    }
  }
  const before = toks[i - 1];
  if (before && glued(toks, i - 1) && (before.text === ":" || before.text === "/" || before.text === ".")) {
    return { skip: i + 1 };
  }
  let value = parseDigits(t.text);
  if (value === undefined) return { skip: i + 1 };
  let next = i + 1;
  const multiplier = toks[next] && quantityLexicon().numbers.get((toks[next] as Tok).lower);
  if (multiplier?.multiplier) {
    value = value === null ? null : value * multiplier.value;
    next++;
  }
  if (value !== null && !Number.isInteger(value)) return { skip: next }; // "3.5 km", "2.5"
  return { next, value, kind: "digits", invalid: value === null };
}

/** Number words: "three", "twenty-five", "two hundred and ten", "a dozen". */
function readWords(toks: Tok[], i: number): Count | null {
  const numbers = quantityLexicon().numbers;
  let total = 0;
  let current = 0;
  let used = 0;
  let k = i;
  let lastWasMultiplier = false;
  const first = toks[i] as Tok;
  if ((first.lower === "a" || first.lower === "an") && numbers.get(toks[i + 1]?.lower ?? "")?.multiplier) {
    current = 1;
    k++;
  }
  while (k < toks.length && used < MAX_NUMBER_WORDS) {
    const tok = toks[k] as Tok;
    const parts = tok.lower.split("-");
    const entries = parts.map((p) => numbers.get(p));
    if (entries.every((e) => e !== undefined)) {
      for (const e of entries) {
        if (e === undefined) continue;
        if (!e.multiplier) current += e.value;
        else if (e.value >= 1000) {
          total += (current || 1) * e.value;
          current = 0;
        } else current = (current || 1) * e.value;
        lastWasMultiplier = e.multiplier;
      }
      used++;
      k++;
      continue;
    }
    if (tok.lower === "and" && lastWasMultiplier && numbers.has(toks[k + 1]?.lower.split("-")[0] ?? "")) {
      k++;
      continue;
    }
    break;
  }
  if (used === 0) return null;
  return { next: k, value: total + current, kind: "words" };
}

function readVague(toks: Tok[], i: number): Count | null {
  for (const v of quantityLexicon().vague) {
    if (matchPhrase(toks, i, v.words)) return { next: i + v.words.length, value: v.value, kind: "vague" };
  }
  return null;
}

function readCount(toks: Tok[], i: number): Count | NotCount | null {
  const t = toks[i];
  if (!t) return null;
  const vague = readVague(toks, i);
  if (vague) return vague;
  const digits = readDigits(toks, i);
  if (digits) return digits;
  const words = readWords(toks, i);
  if (words) {
    // "one" alone counts only before a counted noun (checked by the caller), like "a"/"an".
    return words.next === i + 1 && t.lower === "one" ? { ...words, kind: "article" } : words;
  }
  if (t.lower === "a" || t.lower === "an") return { next: i + 1, value: 1, kind: "article" };
  if (t.lower === "no") return { next: i + 1, value: 0, kind: "none" };
  return null;
}

/** "3-5", "3 to 5", "two or three", "between 3 and 5": extend a count to a range, keeping the lower end. */
function readRange(toks: Tok[], start: number, count: Count): Count {
  if (count.kind !== "digits" && count.kind !== "words") return count;
  const joiner = toks[count.next]?.lower;
  const between = toks[start - 1]?.lower === "between";
  const ok =
    joiner === "-" || joiner === "–" || joiner === "to" || joiner === "or" || (between && joiner === "and");
  if (!ok) return count;
  const second = count.kind === "digits" ? readDigits(toks, count.next + 1) : readWords(toks, count.next + 1);
  if (!second || "skip" in second || second.kind !== count.kind) return count;
  const values = [count.value, second.value].filter((v): v is number => v !== null);
  return {
    next: second.next,
    value: values.length === 2 ? Math.min(...values) : null,
    kind: count.kind,
    range: true,
    invalid: count.invalid || second.invalid,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Nouns and exclusions

interface NounMatch {
  noun: Tok | null;
  listed: boolean;
}

/** The counted noun after a count: a listed noun within NOUN_WINDOW words, else the first plain word. */
function findNoun(toks: Tok[], from: number): NounMatch {
  const { nouns, numbers } = quantityLexicon();
  let fallback: Tok | null = null;
  let words = 0;
  for (let k = from; k < toks.length && words < NOUN_WINDOW; k++) {
    const tok = toks[k] as Tok;
    if (!WORD.test(tok.text)) break;
    if (nouns.has(tok.lower)) return { noun: tok, listed: true };
    if (numbers.has(tok.lower.split("-")[0] ?? "")) break; // another count begins ("a workshop two men")
    if (NOUN_STOP.test(tok.lower)) break;
    if (NOUN_SKIP.test(tok.lower)) {
      if (fallback && tok.lower === "of") break;
      continue;
    }
    words++;
    const capitalised = tok.text[0] !== tok.lower[0];
    if (!fallback && !capitalised) fallback = tok;
  }
  return { noun: fallback, listed: false };
}

function isDateNeighbour(toks: Tok[], start: number, next: number): boolean {
  return MONTH.test(toks[start - 1]?.text ?? "") || MONTH.test(toks[next]?.text ?? "");
}

// ---------------------------------------------------------------------------------------------------------
// Values

/** The most conservative figure for a stated number under a qualifier (see the header). */
export function conservativeValue(n: number | null, qualifier: QuantityQualifier): number | null {
  if (n === null || !Number.isFinite(n) || n < 0 || n > MAX_COUNT) return null;
  switch (qualifier) {
    case "up-to":
      return Math.min(n, UNSPECIFIED_COUNT);
    case "fewer-than":
      return Math.max(0, Math.min(n - 1, UNSPECIFIED_COUNT));
    default:
      return n;
  }
}

function readQualifier(toks: Tok[], i: number): { qualifier: QuantityQualifier; next: number } | null {
  for (const q of quantityLexicon().qualifiers) {
    if (matchPhrase(toks, i, q.words)) return { qualifier: q.qualifier, next: i + q.words.length };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Scan

function scanWindow(text: string, toks: Tok[], out: Quantity[], limit: number): void {
  const { units } = quantityLexicon();
  let i = 0;
  let found = 0;
  while (i < toks.length && found < MAX_QUANTITIES_PER_SENTENCE && out.length < limit) {
    const qual = readQualifier(toks, i);
    const at = qual ? qual.next : i;
    const count0 = readCount(toks, at);
    if (!count0 || "skip" in count0) {
      i = count0 && "skip" in count0 ? Math.max(count0.skip, i + 1) : i + 1;
      continue;
    }
    const articleWord = count0.kind === "none" || (count0.kind === "article" && toks[at]?.lower !== "one");
    if (qual && articleWord) {
      i = at; // "under a truck", "less than a week": the qualifier word is a preposition here
      continue;
    }
    const count = readRange(toks, at, count0);
    const start = count.range && toks[at - 1]?.lower === "between" && !qual ? at - 1 : i;
    const first = toks[at] as Tok;
    const next = toks[count.next];
    // Not a count: a date, an identifier, money, a measure.
    const before = toks[at - 1];
    const rejected =
      isDateNeighbour(toks, at, count.next) ||
      (before !== undefined && (IDENTIFIER_BEFORE.test(before.text) || CURRENCY_BEFORE.test(before.text))) ||
      (next !== undefined && units.has(next.lower));
    if (rejected) {
      i = Math.max(count.next, i + 1);
      continue;
    }
    const { noun, listed } = findNoun(toks, count.next);
    const needsListedNoun = count.kind === "article" || count.kind === "none";
    const yearLike = count.kind === "digits" && !count.range && YEAR_LIKE.test(first.text);
    // "Become a Member of …": a title-case noun after "a"/"one" is a name or a heading, not a count.
    const titleCase = noun !== null && /^\p{Lu}\p{Ll}/u.test(noun.text);
    if ((needsListedNoun || yearLike) && (!listed || (needsListedNoun && titleCase))) {
      i = Math.max(count.next, i + 1);
      continue;
    }
    if (noun && units.has(noun.lower)) {
      i = Math.max(count.next, i + 1);
      continue;
    }
    let qualifier: QuantityQualifier = qual?.qualifier ?? "exact";
    if (count.kind === "vague" && !qual) qualifier = "vague";
    if (count.range && !qual) qualifier = "at-least";
    const value = count.invalid ? null : conservativeValue(count.value, qualifier);
    const startTok = toks[start] as Tok;
    const endOffset = noun ? noun.end : (toks[count.next - 1] as Tok).end;
    out.push({
      id: `q${out.length + 1}`,
      start: startTok.start,
      end: endOffset,
      text: text.slice(startTok.start, endOffset),
      value,
      qualifier,
      noun: noun ? noun.text : null,
    });
    found++;
    i = noun ? toks.indexOf(noun, count.next) + 1 : count.next;
  }
}

/** Cut [start, end) into windows of at most MAX_WINDOW_CHARS, at a space where there is one. */
function windows(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let s = span.start;
  while (span.end - s > MAX_WINDOW_CHARS) {
    const cut = text.lastIndexOf(" ", s + MAX_WINDOW_CHARS);
    const e = cut > s ? cut : s + MAX_WINDOW_CHARS;
    out.push({ start: s, end: e });
    s = e;
  }
  out.push({ start: s, end: span.end });
  return out;
}

/**
 * Every count in `text`, sentence by sentence (the whole text when `sentences` is empty). Pure; never
 * throws on odd input; the output is bounded by MAX_QUANTITIES_PER_DOC.
 */
export function findQuantities(text: string, sentences: readonly Span[]): Quantity[] {
  const out: Quantity[] = [];
  const spans = sentences.length > 0 ? sentences : [{ start: 0, end: text.length }];
  for (const sentence of spans) {
    for (const w of windows(text, sentence)) {
      if (out.length >= MAX_QUANTITIES_PER_DOC) return out;
      scanWindow(text, tokenizeWindow(text, w.start, w.end), out, MAX_QUANTITIES_PER_DOC);
    }
  }
  return out;
}

export { loadQuantityLexicon, type NounKind, nounKind, numberWordValue, type QuantityLexicon };

export const quantitiesStage = defineStage({
  name: "quantities",
  requires: ["sentences", "tokens"],
  assigns: ["quantities"],
  run(doc: Doc) {
    doc.layers.quantities = findQuantities(doc.text, doc.layers.sentences);
    return doc;
  },
});
