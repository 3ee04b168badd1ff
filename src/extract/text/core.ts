/**
 * Scoring and contiguous-core selection.
 *
 * Each unit gets a weight: plain units score on length, sentence punctuation and link density minus a
 * threshold, so prose is positive and labels, menus and link lists are negative; units that a boilerplate
 * pattern or a header reader claimed get fixed negative weights. The body is the contiguous run of units
 * with the highest total weight (maximum-sum subarray), cut at the first end marker ("Comments", "Note to
 * readers", "©") that follows enough body text. Claimed units inside that run are removed afterwards, so an
 * "Advertisement" line between two paragraphs neither splits the body nor stays in it.
 */
import type { BoilerplateVerdict } from "../boilerplate/index.js";
import type { Unit } from "./blocks.js";
import {
  BOILERPLATE_WEIGHT,
  CORE_THRESHOLD,
  END_MARKER_MIN_BODY_WORDS,
  END_MARKER_RESUME_UNITS,
  LINK_DENSITY_PENALTY,
  META_WEIGHT,
  NON_TERMINAL_PENALTY,
  PLAIN_MIN_WEIGHT,
  PROSE_MIN_WORDS,
  SHORT_PENALTY,
  TERMINAL_BONUS,
  TITLE_WEIGHT,
  WORD_SCORE_CAP,
  WORDS_PER_POINT,
} from "./constants.js";
import { linkDensity } from "./header.js";
import { TERMINAL_PUNCTUATION } from "./patterns.js";

/** What claimed a unit before scoring (null: a plain unit, scored on its features). */
export type Role =
  | "title"
  | "byline"
  | "dateline"
  | "tags"
  | "media"
  | "url"
  | "linkline"
  | "boilerplate"
  | null;

export interface Scored {
  unit: Unit;
  role: Role;
  verdict: BoilerplateVerdict | null;
  weight: number;
}

/** Feature score of a plain unit, threshold already subtracted: > 0 means body-like. */
export function proseWeight(unit: Unit): number {
  const length = Math.min(unit.words, WORD_SCORE_CAP) / WORDS_PER_POINT;
  const punctuation = TERMINAL_PUNCTUATION.test(unit.text) ? TERMINAL_BONUS : -NON_TERMINAL_PENALTY;
  const links = linkDensity(unit) * LINK_DENSITY_PENALTY;
  const short = unit.words < PROSE_MIN_WORDS ? SHORT_PENALTY : 0;
  return length + punctuation - links - short - CORE_THRESHOLD;
}

export function weightOf(unit: Unit, role: Role): number {
  switch (role) {
    case null:
      return Math.max(PLAIN_MIN_WEIGHT, proseWeight(unit));
    case "title":
      return TITLE_WEIGHT;
    case "boilerplate":
    case "linkline":
      return BOILERPLATE_WEIGHT;
    default:
      return META_WEIGHT;
  }
}

/**
 * A "related" end marker inside the article: the box it heads (link lines, other boilerplate) is followed
 * by at least END_MARKER_RESUME_UNITS plain body-like units in a row, so the article resumes after it.
 * A real end-of-page teaser list alternates links and summaries and does not pass.
 */
function resumesAfter(scored: readonly Scored[], marker: number): boolean {
  let i = marker + 1;
  while (i < scored.length && (scored[i] as Scored).role !== null) i++;
  for (let k = 0; k < END_MARKER_RESUME_UNITS; k++) {
    const s = scored[i + k];
    if (!s || s.role !== null || s.weight <= 0) return false;
  }
  return true;
}

/** Index of the first end marker preceded by enough body-like words; the core may not reach it. */
export function findEndCut(scored: readonly Scored[]): number {
  let bodyWords = 0;
  for (let i = 0; i < scored.length; i++) {
    const s = scored[i] as Scored;
    if (s.verdict?.endsArticle && bodyWords >= END_MARKER_MIN_BODY_WORDS) {
      if (!(s.verdict.kind === "related" && resumesAfter(scored, i))) return i;
    }
    if (s.weight > 0) bodyWords += s.unit.words;
  }
  return scored.length;
}

export interface Core {
  /** Inclusive first and last unit index. */
  first: number;
  last: number;
  score: number;
}

/** Maximum-sum contiguous run of weights in [0, limit), or null when no unit has positive weight. */
export function selectCore(scored: readonly Scored[], limit: number): Core | null {
  let best: Core | null = null;
  let runStart = 0;
  let run = 0;
  for (let i = 0; i < limit; i++) {
    const w = (scored[i] as Scored).weight;
    if (run <= 0) {
      run = w;
      runStart = i;
    } else {
      run += w;
    }
    if (run > 0 && (!best || run > best.score)) best = { first: runStart, last: i, score: run };
  }
  return best;
}
