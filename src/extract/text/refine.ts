/**
 * Page shapes and body refinements around core selection: captions right after images, live blogs (time
 * stamp / headline / text / author / "Share" repeated), section heads and list runs next to the core, short
 * closing paragraphs before a teaser tail, standfirsts, pull quotes, and the article kind a page's labels or
 * Q&A transcript imply. Each is a small pure rule over the claimed units.
 */
import type { ArticleKind } from "../../core/article.js";
import { type Claimed, firstProseIndex } from "./claim.js";
import {
  AUTHOR_MAX_WORDS,
  CAPTION_ALT_OVERLAP,
  FIGURE_CONTINUATION_WEIGHT,
  HEADLINE_MAX_WORDS,
  LIST_ITEM_MIN_WORDS,
  LIST_MIN_ITEMS,
  LIVEBLOG_MIN_STAMPS,
  LIVEBLOG_SEPARATOR_WEIGHT,
  PROSE_MIN_WORDS,
  PULL_QUOTE_MAX_WORDS,
  QA_MIN_PAIRS,
  SENTENCE_CASE_MIN_SHARE,
  TITLE_MAX_LINK_DENSITY,
  TRAILING_MIN_WORDS,
} from "./constants.js";
import { isAllCaps, isMastheadLike, kindLabelOf, linkDensity, parseNames } from "./header.js";
import {
  CLOCK_TIME,
  DATELINE_SEPARATORS,
  LIST_ITEM,
  LOWER_START,
  NON_WORD_CHARS,
  QA_MARKER,
  RELATIVE_STAMP,
  STATEMENT_END,
  TERMINAL_PUNCTUATION,
  WHOLLY_QUOTED,
  WORD,
} from "./patterns.js";

/** Content words (four letters or more) that identify a caption against an image's alt text. */
const CONTENT_WORD_MIN_LETTERS = 4;

/** A line that is only a clock time ("11:52", "14:05 GMT") or a relative time ("2h ago"): an update stamp. */
export function isTimeStamp(text: string): boolean {
  if (RELATIVE_STAMP.test(text.trim())) return true;
  const rest = text.replace(CLOCK_TIME, "");
  return rest.length < text.length && rest.replace(DATELINE_SEPARATORS, "").trim() === "";
}

/** An update stamp of a live blog: a time-only line, or a date line with a clock time after the first prose. */
function isUpdateStamp(c: Claimed, afterProse: boolean): boolean {
  if (isTimeStamp(c.unit.text)) return true;
  return afterProse && c.role === "dateline" && c.unit.text.replace(CLOCK_TIME, "") !== c.unit.text;
}

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(WORD))
    if (m[0].length >= CONTENT_WORD_MIN_LETTERS) out.add(m[0]);
  return out;
}

function imageOnly(c: Claimed | undefined): boolean {
  return c !== undefined && c.unit.images.length > 0 && c.unit.text.length === 0;
}

/**
 * A plain unit right after an image-only line is its caption when a credit line ("Photo: …") follows it
 * or it repeats the image's alt text.
 */
export function markImageCaptions(claimed: Claimed[]): void {
  claimed.forEach((c, i) => {
    const prev = claimed[i - 1];
    const credit = claimed[i + 1]?.verdict?.kind === "caption";
    if (c.role === null && c.unit.images.length > 0 && c.unit.text.length > 0 && credit) {
      c.role = "boilerplate";
      c.verdict = { kind: "caption", reason: "caption beside an image, before its credit line" };
      return;
    }
    if (c.role !== null || !imageOnly(prev)) return;
    const alt = contentWords((prev as Claimed).unit.images.map((im) => im.text).join(" "));
    const words = contentWords(c.unit.text);
    const shared = [...alt].filter((w) => words.has(w)).length;
    if (!credit && (alt.size === 0 || shared / alt.size < CAPTION_ALT_OVERLAP)) return;
    c.role = "boilerplate";
    c.verdict = {
      kind: "caption",
      reason: credit
        ? "caption between an image and its credit line"
        : "caption repeating the image's alt text",
    };
  });
}

function isFigurePart(c: Claimed | undefined): boolean {
  return c !== undefined && (c.role === "media" || c.verdict?.kind === "caption");
}

/** A figure (image line, caption, credit) between paragraphs weighs as one claimed unit, not one per line:
 *  every part after the first gets FIGURE_CONTINUATION_WEIGHT. Call after weights are set. */
export function weighFigures(claimed: Claimed[]): void {
  claimed.forEach((c, i) => {
    if (isFigurePart(c) && isFigurePart(claimed[i - 1])) c.weight = FIGURE_CONTINUATION_WEIGHT;
  });
}

function isHeadlineLike(c: Claimed): boolean {
  return (
    c.role === null &&
    c.unit.words > 0 &&
    c.unit.words <= HEADLINE_MAX_WORDS &&
    !TERMINAL_PUNCTUATION.test(c.unit.text) &&
    linkDensity(c.unit) < TITLE_MAX_LINK_DENSITY
  );
}

/**
 * Live blog: enough time-stamp lines. Author-name lines that close an update become bylines, and the
 * update separators (stamps, names, share buttons, update headlines) get a neutral weight so the updates
 * stay one core. Returns whether the page is a live blog. Call after weights are set.
 */
export function weighLiveblog(claimed: Claimed[], titleIndex: number): boolean {
  const firstProse = firstProseIndex(claimed);
  const stamp = claimed.map((c, i) => isUpdateStamp(c, i > firstProse));
  if (stamp.filter(Boolean).length < LIVEBLOG_MIN_STAMPS) return false;
  for (let i = titleIndex + 1; i < claimed.length; i++) {
    const c = claimed[i] as Claimed;
    const prev = claimed[i - 1];
    const next = claimed[i + 1];
    if (stamp[i] || c.verdict?.kind === "share" || c.role === "byline") {
      c.weight = LIVEBLOG_SEPARATOR_WEIGHT;
      continue;
    }
    if (!isHeadlineLike(c)) continue;
    if (stamp[i - 1]) {
      c.weight = LIVEBLOG_SEPARATOR_WEIGHT;
      continue;
    }
    // an author name closing an update: after the update's text, before a share button or the next stamp
    const names = c.unit.heading || isAllCaps(c.unit.text) ? null : parseNames(c.unit.text);
    const closesUpdate =
      prev?.role === null && TERMINAL_PUNCTUATION.test(prev.unit.text) && (!next || next.role !== null);
    if (names && c.unit.words >= 2 && c.unit.words <= AUTHOR_MAX_WORDS && closesUpdate) {
      c.role = "byline";
      c.authors = names;
      c.weight = LIVEBLOG_SEPARATOR_WEIGHT;
    }
  }
  return true;
}

/** Heads of the same style as `c` (all capitals, or a marked heading) inside [first, last]. */
function sameStyleHeadInside(claimed: readonly Claimed[], c: Claimed, first: number, last: number): boolean {
  const caps = isAllCaps(c.unit.text);
  if (!caps && !c.unit.heading) return false;
  for (let i = first; i <= last; i++) {
    const d = claimed[i] as Claimed;
    if (!isHeadlineLike(d)) continue;
    if (caps ? isAllCaps(d.unit.text) : d.unit.heading) return true;
  }
  return false;
}

export interface Span {
  first: number;
  last: number;
}

/**
 * Widen the scored core: back over a section head that matches the heads inside it (or a live-blog update
 * headline under its stamp), and forward over short closing sentences the length score left out.
 */
export function widenCore(
  claimed: readonly Claimed[],
  span: Span,
  titleIndex: number,
  cut: number,
  liveblog: boolean,
): Span {
  let { first, last } = span;
  while (first - 1 > titleIndex) {
    const p = claimed[first - 1] as Claimed;
    if (!isHeadlineLike(p)) break;
    const s = claimed[first - 2];
    const underStamp = liveblog && s !== undefined && (isTimeStamp(s.unit.text) || s.role === "dateline");
    if (!underStamp && !sameStyleHeadInside(claimed, p, first, last)) break;
    first--;
  }
  while (last + 1 < cut) {
    const n = claimed[last + 1] as Claimed;
    const closing =
      n.role === null &&
      n.unit.links.length === 0 &&
      n.unit.words >= TRAILING_MIN_WORDS &&
      TERMINAL_PUNCTUATION.test(n.unit.text) &&
      !LOWER_START.test(n.unit.text) &&
      !WHOLLY_QUOTED.test(n.unit.text);
    if (!closing) break;
    last++;
  }
  return { first, last };
}

function isListItem(c: Claimed): boolean {
  return (
    c.role === null &&
    c.unit.links.length === 0 &&
    c.unit.words >= LIST_ITEM_MIN_WORDS &&
    LIST_ITEM.test(c.unit.text)
  );
}

/** Runs of LIST_MIN_ITEMS or more list items between the title and the core, or right after it, are body
 *  ("Key points" bullets of a live blog, a summary list). */
export function keepListRuns(
  claimed: readonly Claimed[],
  inBody: boolean[],
  titleIndex: number,
  span: Span,
  cut: number,
): void {
  if (titleIndex < 0) return;
  let i = titleIndex + 1;
  while (i < cut) {
    if (!isListItem(claimed[i] as Claimed)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cut && isListItem(claimed[j + 1] as Claimed)) j++;
    const before = j < span.first;
    const after = i === span.last + 1;
    if (j - i + 1 >= LIST_MIN_ITEMS && (before || after)) for (let k = i; k <= j; k++) inBody[k] = true;
    i = j + 1;
  }
}

/**
 * The standfirst: the first unclaimed unit after the title and before the core, when it reads like a
 * sentence (ends as a statement, or carries no end punctuation at all as sub-headlines do) and not like a
 * title-case headline, a masthead or a list item.
 */
export function keepStandfirst(
  claimed: readonly Claimed[],
  inBody: boolean[],
  titleIndex: number,
  coreFirst: number,
): void {
  if (titleIndex < 0) return;
  for (let i = titleIndex + 1; i < coreFirst; i++) {
    const c = claimed[i] as Claimed;
    if (c.role !== null) continue;
    const text = c.unit.text;
    if (c.unit.words < PROSE_MIN_WORDS || LIST_ITEM.test(text) || isAllCaps(text) || isMastheadLike(text))
      return;
    if (linkDensity(c.unit) >= TITLE_MAX_LINK_DENSITY) return;
    const ends = STATEMENT_END.test(text) || !TERMINAL_PUNCTUATION.test(text);
    if (ends && (STATEMENT_END.test(text) || isSentenceCase(text))) inBody[i] = true;
    return;
  }
}

/** Most words after the first start in lower case (a sentence, not a Title Case headline). */
function isSentenceCase(text: string): boolean {
  const words = text
    .split(/\s+/u)
    .slice(1)
    .filter((w) => /^\p{L}/u.test(w));
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return words.length > 0 && lower / words.length > SENTENCE_CASE_MIN_SHARE;
}

function normalised(text: string): string {
  return ` ${text.toLowerCase().replace(NON_WORD_CHARS, " ").trim()} `;
}

/** A body unit that is one quotation repeating a sentence of another body unit is a pull quote. */
export function dropPullQuotes(claimed: Claimed[], inBody: boolean[]): void {
  const body = claimed.map((c, i) => (inBody[i] ? normalised(c.unit.text) : ""));
  claimed.forEach((c, i) => {
    if (!inBody[i] || c.unit.words > PULL_QUOTE_MAX_WORDS) return;
    const m = WHOLLY_QUOTED.exec(c.unit.text);
    if (!m) return;
    const quote = normalised(m[1] ?? "");
    if (quote.trim().length === 0 || !body.some((b, j) => j !== i && b.includes(quote))) return;
    inBody[i] = false;
    c.role = "boilerplate";
    c.verdict = { kind: "other", reason: "pull quote (repeats a sentence of the body)" };
  });
}

/** The kind a header label ("PRESS RELEASE") or a Q&A transcript in the body implies, or null. */
export function kindOfPage(
  claimed: readonly Claimed[],
  inBody: readonly boolean[],
  bodyStart: number,
): ArticleKind | null {
  for (let i = 0; i < bodyStart; i++) {
    const c = claimed[i] as Claimed;
    const kind = c.role === "title" || c.role === "linkline" ? null : kindLabelOf(c.unit.text);
    if (kind) return kind;
  }
  let q = 0;
  let a = 0;
  claimed.forEach((c, i) => {
    if (!inBody[i]) return;
    const letter = QA_MARKER.exec(c.unit.text)?.[1];
    if (letter === "Q") q++;
    if (letter === "A") a++;
  });
  return q >= QA_MIN_PAIRS && a >= QA_MIN_PAIRS ? "interview" : null;
}
