/**
 * Choosing the article container: paragraph-level scores (length and clause punctuation, any script)
 * propagate to ancestors; the best-scoring ancestor, corrected for link density, is the top candidate; its
 * qualifying siblings join it.
 */
import type { AnyNode, Element } from "domhandler";
import {
  ALTERNATIVE_SCORE_RATIO,
  CHARS_PER_LENGTH_POINT,
  CLASS_WEIGHT,
  DEEP_LEVEL_DIVISOR,
  MAX_LENGTH_POINTS,
  MIN_ALTERNATIVES_FOR_ANCESTOR,
  MIN_SCORED_BLOCK_CHARS,
  MIN_SIBLING_SCORE,
  PARENT_SCORE_STOP_RATIO,
  SCORE_PROPAGATION_LEVELS,
  SIBLING_PARAGRAPH_MAX_LINK_DENSITY,
  SIBLING_PARAGRAPH_MIN_CHARS,
  SIBLING_SCORE_RATIO,
  TOP_CANDIDATES,
  TWIN_SECTION_MAX_LEVELS,
} from "./constants.js";
import { classSignature, contains, isBlock, isElement, isTextNode } from "./dom.js";
import { CANDIDATE_TAG_SCORES, SCORABLE_TAGS } from "./patterns.js";
import { classVerdict, looksLikeContent } from "./signals.js";
import { linkDensity, measureText, type NodeStats, type StatsTable } from "./stats.js";

/** Block containers whose inline-only content counts as a paragraph (a <div> used as a <p>). */
const PARAGRAPH_LIKE_CONTAINERS: ReadonlySet<string> = new Set(["div", "section", "article"]);

/** A paragraph for scoring: a <p>-like element, or a container that holds only inline content. */
function isScorable(el: Element, s: NodeStats): boolean {
  if (SCORABLE_TAGS.has(el.name)) return true;
  return s.blockChildren === 0 && PARAGRAPH_LIKE_CONTAINERS.has(el.name);
}

/** Initial score of a candidate: its tag and its class/id signals. */
function initialScore(el: Element): number {
  let score = CANDIDATE_TAG_SCORES.get(el.name) ?? 0;
  if (classSignature(el).length > 0 || el.attribs.itemprop !== undefined) {
    const verdict = classVerdict(el);
    if (verdict) score -= CLASS_WEIGHT;
    if (looksLikeContent(el)) score += CLASS_WEIGHT;
  }
  return score;
}

function paragraphScore(s: NodeStats): number {
  return 1 + s.commas + Math.min(Math.floor(s.chars / CHARS_PER_LENGTH_POINT), MAX_LENGTH_POINTS);
}

/** Raw scores of every candidate ancestor of a scorable paragraph. */
export function scoreCandidates(table: StatsTable): Map<Element, number> {
  const scores = new Map<Element, number>();
  for (const el of table.order) {
    const s = table.stats.get(el) as NodeStats;
    if (s.chars < MIN_SCORED_BLOCK_CHARS) continue;
    if (isScorable(el, s)) propagate(scores, el.parent, paragraphScore(s));
    else if (s.blockChildren > 0 && !SCORABLE_TAGS.has(el.name)) {
      for (const run of inlineRuns(el, table)) propagate(scores, el, paragraphScore(run));
    }
  }
  for (const [el, score] of scores) scores.set(el, score * (1 - linkDensity(table.stats.get(el))));
  return scores;
}

/** Add a paragraph's score to its container (level 0) and, decaying, to the container's ancestors. */
function propagate(scores: Map<Element, number>, container: AnyNode | null, score: number): void {
  let ancestor = container;
  for (let level = 0; level < SCORE_PROPAGATION_LEVELS && isElement(ancestor); level++) {
    if (ancestor.name === "html") break;
    const divisor = level === 0 ? 1 : level === 1 ? 2 : level * DEEP_LEVEL_DIVISOR;
    const current = scores.get(ancestor) ?? initialScore(ancestor);
    scores.set(ancestor, current + score / divisor);
    ancestor = ancestor.parent;
  }
}

/**
 * Runs of inline content directly inside an element that also has block children (text typed straight
 * into a <div> between other blocks, or paragraphs separated by <br><br>): each run is scored as a paragraph.
 */
function inlineRuns(el: Element, table: StatsTable): NodeStats[] {
  const runs: NodeStats[] = [];
  let run = emptyRun();
  let lastBr = false;
  const close = () => {
    if (run.chars >= MIN_SCORED_BLOCK_CHARS) runs.push(run);
    run = emptyRun();
  };
  for (const child of el.children) {
    if (isTextNode(child)) {
      const m = measureText(child.data);
      run.chars += m.chars;
      run.commas += m.commas;
      if (m.chars > 0) lastBr = false;
      continue;
    }
    if (!isElement(child)) continue;
    if (child.name === "br") {
      if (lastBr) close();
      lastBr = true;
      continue;
    }
    const cs = table.stats.get(child);
    if (!cs) continue;
    if (isBlock(child)) {
      close();
      continue;
    }
    run.chars += cs.chars;
    run.linkChars += cs.linkChars;
    run.commas += cs.commas;
    if (cs.chars > 0) lastBr = false;
  }
  close();
  return runs;
}

function emptyRun(): NodeStats {
  return { chars: 0, linkChars: 0, commas: 0, blockChildren: 0 };
}

export interface TopCandidate {
  /** The container: the best candidate, moved up through wrappers that hold nothing else. */
  el: Element;
  score: number;
  /** The best candidate before that move (its class is what twin sections share). */
  core: Element;
  coreScore: number;
}

/** The best candidate, moved up to a shared ancestor or a better-scoring parent when the scores say so. */
export function chooseTop(scores: Map<Element, number>): TopCandidate | null {
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES);
  const first = ranked[0];
  if (!first || first[1] <= 0) return null;
  let [top, topScore] = first;
  top = promoteToSharedAncestor(top, topScore, ranked);
  topScore = scores.get(top) ?? topScore;
  let lastScore = topScore;
  let parent = top.parent;
  while (isElement(parent) && parent.name !== "body" && parent.name !== "html") {
    const ps = scores.get(parent);
    if (ps === undefined) {
      parent = parent.parent;
      continue;
    }
    if (ps < lastScore * PARENT_SCORE_STOP_RATIO) break;
    if (ps > lastScore) {
      top = parent;
      topScore = ps;
      break;
    }
    lastScore = ps;
    parent = parent.parent;
  }
  const core = top;
  const coreScore = topScore;
  while (isElement(top.parent) && top.parent.name !== "body" && onlyElementChild(top)) top = top.parent;
  return { el: top, score: scores.get(top) ?? topScore, core, coreScore };
}

function onlyElementChild(el: Element): boolean {
  const parent = el.parent;
  if (!parent) return false;
  let count = 0;
  for (const child of parent.children) if (isElement(child) && ++count > 1) return false;
  return true;
}

function promoteToSharedAncestor(top: Element, topScore: number, ranked: [Element, number][]): Element {
  const alternatives = ranked
    .slice(1)
    .filter(([, s]) => s >= topScore * ALTERNATIVE_SCORE_RATIO)
    .map(([el]) => el);
  if (alternatives.length < MIN_ALTERNATIVES_FOR_ANCESTOR) return top;
  let ancestor = top.parent;
  while (isElement(ancestor) && ancestor.name !== "body") {
    const inside = alternatives.filter((alt) => contains(ancestor as Element, alt)).length;
    if (inside >= MIN_ALTERNATIVES_FOR_ANCESTOR) return ancestor;
    ancestor = ancestor.parent;
  }
  return top;
}

/** Siblings of the top candidate that belong to the article too (continuations split by markup). */
export function joinSiblings(
  top: Element,
  topScore: number,
  scores: Map<Element, number>,
  table: StatsTable,
): Element[] {
  const parent = top.parent;
  if (!isElement(parent)) return [top];
  const threshold = Math.max(MIN_SIBLING_SCORE, topScore * SIBLING_SCORE_RATIO);
  const topClass = top.attribs.class ?? "";
  const roots: Element[] = [];
  for (const child of parent.children) {
    if (!isElement(child)) continue;
    if (child === top) {
      roots.push(child);
      continue;
    }
    const s = table.stats.get(child);
    if (!s || s.chars === 0) continue;
    const bonus =
      topClass.length > 0 && child.attribs.class === topClass ? topScore * SIBLING_SCORE_RATIO : 0;
    const score = scores.get(child);
    if (score !== undefined && score + bonus >= threshold) {
      roots.push(child);
      continue;
    }
    if (child.name === "p" || (s.blockChildren === 0 && PARAGRAPH_LIKE_CONTAINERS.has(child.name))) {
      const density = linkDensity(s);
      if (s.chars >= SIBLING_PARAGRAPH_MIN_CHARS && density < SIBLING_PARAGRAPH_MAX_LINK_DENSITY)
        roots.push(child);
    }
  }
  return roots;
}

/**
 * Sections of one article split by the page template into separate wrappers (text, then a figure or video
 * block in its own wrapper, then more text): elements with the top candidate's tag and class list that
 * score as content and sit under a nearby common ancestor. Returned with the roots, in document order.
 */
export function joinTwinSections(
  roots: Element[],
  top: TopCandidate,
  scores: Map<Element, number>,
): Element[] {
  const core = top.core;
  const cls = core.attribs.class;
  if (!cls) return roots;
  const threshold = Math.max(MIN_SIBLING_SCORE, top.coreScore * SIBLING_SCORE_RATIO);
  const scope = ancestorAt(top.el, TWIN_SECTION_MAX_LEVELS);
  const twins: Element[] = [];
  for (const [el, score] of scores) {
    if (el === core || el.name !== core.name || el.attribs.class !== cls || score < threshold) continue;
    if (roots.some((r) => contains(r, el) || contains(el, r)) || !contains(scope, el)) continue;
    twins.push(el);
  }
  if (twins.length === 0) return roots;
  return [...roots, ...twins].sort((a, b) => (a.startIndex ?? 0) - (b.startIndex ?? 0));
}

function ancestorAt(el: Element, levels: number): Element {
  let cur = el;
  for (let i = 0; i < levels && isElement(cur.parent) && cur.parent.name !== "body"; i++) cur = cur.parent;
  return cur;
}
