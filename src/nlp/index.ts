/**
 * The `nlp` stage: sentences and tokens as span layers over the clean text.
 *
 * Sentences: ICU's sentence segmenter (Intl.Segmenter) within each paragraph — never across one — then
 * re-joined where ICU broke after an abbreviation ("Gen.", "U.S.") or an initial ("J. Smith"), and capped
 * in length. Tokens: words (with inner hyphens and apostrophes: "al-Bukamal", "don't"), numbers
 * ("3.5", "1,200", "30km" as number+unit), and single punctuation marks.
 */
import type { Doc, Span, Token } from "../core/doc.js";
import { defineStage } from "../core/stage.js";
import { loadAbbreviations } from "../lexicon/abbreviations.js";
import { FALSE_BREAK_WINDOW_CHARS, MAX_SENTENCE_CHARS, SEGMENT_WINDOW_CHARS } from "./constants.js";

/** A word with inner hyphens/apostrophes, a number with inner separators, or one other non-space mark. */
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’‘ʼ-][\p{L}\p{M}\p{N}]+)*|\S/gu;
/**
 * The word before a break: "Gen." → "Gen", "U.S." → "U.S". The lookbehind starts a match only where a word
 * starts: without it, every position of a long run of non-space characters is tried again (quadratic).
 */
const WORD_BEFORE_DOT = /(?<!\S)(\S+)\.\s*$/u;
/** A single capital initial before a dot ("J. Smith"). */
const INITIAL = /^\p{Lu}$/u;
const STARTS_LOWER_OR_DIGIT = /^\s*[\p{Ll}\p{N}]/u;

const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: "sentence" });
    segmenters.set(language, s);
  }
  return s;
}

/**
 * ICU's sentence segments of [start, end), segmenting at most SEGMENT_WINDOW_CHARS at a time. Node 20's
 * Intl.Segmenter spends time proportional to the whole string on every segment it yields, so a long paragraph
 * of short sentences was quadratic (240,000 characters of "Gen. " took 12 s). The last segment of a window may
 * be cut short by the window's end, so the next window starts where it starts.
 */
function icuSentences(text: string, start: number, end: number, language: string): Span[] {
  const segmenter = sentenceSegmenter(language);
  const out: Span[] = [];
  let from = start;
  while (from < end) {
    const windowEnd = Math.min(end, from + SEGMENT_WINDOW_CHARS);
    const spans: Span[] = [];
    for (const seg of segmenter.segment(text.slice(from, windowEnd))) {
      spans.push({ start: from + seg.index, end: from + seg.index + seg.segment.length });
    }
    const last = spans[spans.length - 1];
    if (windowEnd < end && last !== undefined && spans.length > 1) {
      spans.pop();
      from = last.start;
    } else from = windowEnd;
    out.push(...spans);
  }
  return out;
}

/** Should the break after `before` be undone because it follows an abbreviation or an initial? */
function isFalseBreak(before: string, after: string, abbreviations: ReadonlySet<string>): boolean {
  const m = WORD_BEFORE_DOT.exec(before);
  if (!m) return false;
  const word = (m[1] as string).replace(/^[("'“‘[]+/u, "");
  if (abbreviations.has(word)) return true;
  if (INITIAL.test(word)) return true;
  // "… killed 3 people in the U.S. army's …": a break followed by lower case or a digit is rarely real.
  return STARTS_LOWER_OR_DIGIT.test(after) && word.length <= 4;
}

/**
 * The end of a sentence that decides whether the break after it is false: its last FALSE_BREAK_WINDOW_CHARS
 * characters before any trailing whitespace. Looking at the whole sentence instead made every merge cost its
 * length, so a paragraph of many false breaks ("U.S. U.S. …") took quadratic time.
 */
function tailOf(text: string, span: Span): string {
  let end = span.end;
  while (end > span.start && /\s/u.test(text[end - 1] as string)) end--;
  return text.slice(Math.max(span.start, end - FALSE_BREAK_WINDOW_CHARS), end);
}

/** Split one paragraph [start, end) of `text` into sentence spans (trimmed of surrounding whitespace). */
export function splitSentences(text: string, start: number, end: number, language = "en"): Span[] {
  const abbreviations = loadAbbreviations();
  const raw = icuSentences(text, start, end, language);
  const merged: Span[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    if (prev && isFalseBreak(tailOf(text, prev), text.slice(span.start, span.end), abbreviations)) {
      prev.end = span.end;
    } else merged.push({ ...span });
  }
  const out: Span[] = [];
  for (const span of merged.flatMap((m) => splitBeforeNumbers(text, m, abbreviations))) {
    for (const piece of capLength(text, span)) {
      const trimmed = trimSpan(text, piece);
      if (trimmed.end > trimmed.start) out.push(trimmed);
    }
  }
  return out;
}

/**
 * ". 3 soldiers were killed": ICU does not break before a digit; news often starts a sentence with one. Matches
 * start only where a word starts (see WORD_BEFORE_DOT).
 */
const BREAK_BEFORE_NUMBER = /(?<!\S)(\S+)[.!?]["'”’)\]]?\s+(?=\p{N})/gu;
const PLAIN_WORD = /^[\p{L}]{3,}$/u;

function splitBeforeNumbers(text: string, span: Span, abbreviations: ReadonlySet<string>): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  const body = text.slice(span.start, span.end);
  for (const m of body.matchAll(BREAK_BEFORE_NUMBER)) {
    const word = (m[1] as string).replace(/^[("'“‘[]+/u, "");
    if (!PLAIN_WORD.test(word) || abbreviations.has(word)) continue;
    const cut = span.start + (m.index ?? 0) + m[0].length;
    pieces.push({ start, end: cut });
    start = cut;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}

function capLength(text: string, span: Span): Span[] {
  if (span.end - span.start <= MAX_SENTENCE_CHARS) return [span];
  const pieces: Span[] = [];
  let s = span.start;
  while (span.end - s > MAX_SENTENCE_CHARS) {
    const window = text.slice(s, s + MAX_SENTENCE_CHARS);
    const cut = window.lastIndexOf(" ");
    const e = cut > 0 ? s + cut : s + MAX_SENTENCE_CHARS;
    pieces.push({ start: s, end: e });
    s = e;
  }
  pieces.push({ start: s, end: span.end });
  return pieces;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** Tokenise [start, end) of `text`. */
export function tokenize(text: string, start = 0, end = text.length, sentence = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN)) {
    const s = start + (m.index ?? 0);
    tokens.push({ start: s, end: s + m[0].length, sentence });
  }
  return tokens;
}

export const nlpStage = defineStage({
  name: "nlp",
  requires: ["text", "paragraphs"],
  assigns: ["sentences", "tokens"],
  run(doc: Doc) {
    const sentences: Span[] = [];
    const tokens: Token[] = [];
    const language = doc.article.language ?? "en";
    for (const p of doc.layers.paragraphs) {
      for (const s of splitSentences(doc.text, p.start, p.end, language)) {
        tokens.push(...tokenize(doc.text, s.start, s.end, sentences.length));
        sentences.push(s);
      }
    }
    doc.layers.sentences = sentences;
    doc.layers.tokens = tokens;
    return doc;
  },
});
