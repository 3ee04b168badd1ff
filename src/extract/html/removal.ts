/**
 * Removal rules beyond the hard ones in signals.ts: class/id signals judged against sizes, and the rules
 * that apply only inside the chosen container (body furniture tags, link-dense containers, link lists,
 * figures).
 */
import type { AnyNode, Element } from "domhandler";
import type { BoilerplateKind } from "../../core/article.js";
import {
  LARGE_CONTAINER_SHARE,
  LINK_LIST_MAX_ITEM_CHARS,
  LINK_LIST_MIN_DENSITY,
  MAX_CONTAINER_LINK_DENSITY,
  MAX_QUIET_SIBLINGS,
  MIN_LINK_LIST_ITEMS,
  WEAK_SIGNAL_MAX_SHARE,
} from "./constants.js";
import { isBlock, isElement, isTextNode } from "./dom.js";
import { BODY_FURNITURE_TAGS, BODY_TITLE_TAGS } from "./patterns.js";
import { classVerdict, isProtected, looksLikeContent, type Removal } from "./signals.js";
import { linkDensity, type StatsTable } from "./stats.js";

/** Containers that hold lists of links when link-dense (navigation, related stories). */
const LINK_CONTAINER_TAGS: ReadonlySet<string> = new Set([
  "ul",
  "ol",
  "dl",
  "div",
  "section",
  "table",
  "nav",
  "li",
]);
/**
 * Kinds that class/id signals may remove from inline elements too. Others (byline, date, tags…) on an
 * inline element inside running text would cut words out of a sentence; the block-level text checks
 * catch them when they stand alone.
 */
const INLINE_REMOVABLE_KINDS: ReadonlySet<BoilerplateKind> = new Set(["other", "ads", "share", "caption"]);
const LIST_TAGS: ReadonlySet<string> = new Set(["ul", "ol"]);

/**
 * Class/id removal of `el`, judged against `within` (the page's or the container's text length): weak
 * signals only remove small elements without content words. An element holding a large share of the text
 * is never removed: on the page ("page" scope) whatever its class, since an unlucky wrapper class
 * ("ad-free", "has-comments") must not hide the article; inside the body only when it looks like content,
 * so that a long comments section inside the container still goes.
 */
export function classRemoval(
  el: Element,
  table: StatsTable,
  within: number,
  scope: "page" | "body",
): Removal | null {
  const verdict = classVerdict(el);
  if (!verdict || isProtected(el)) return null;
  const s = table.stats.get(el);
  const inline = !isBlock(el) && (s?.blockChildren ?? 0) === 0;
  if (inline && !INLINE_REMOVABLE_KINDS.has(verdict.kind) && !standsAlone(el, table)) return null;
  const content = looksLikeContent(el);
  const chars = s?.chars ?? 0;
  if (!verdict.strong && (content || chars > within * WEAK_SIGNAL_MAX_SHARE)) return null;
  if (chars >= within * LARGE_CONTAINER_SHARE && (scope === "page" || content)) return null;
  return { kind: verdict.kind, reason: verdict.reason, silent: false };
}

/**
 * Whether an inline element forms a line of its own (a date in a <span> between blocks): no text or
 * text-bearing inline sibling next to it, up to its enclosing block.
 */
function standsAlone(el: Element, table: StatsTable): boolean {
  let cur: Element = el;
  for (;;) {
    if (!siblingIsQuiet(cur.prev, table, "prev") || !siblingIsQuiet(cur.next, table, "next")) return false;
    const parent = cur.parent;
    if (!isElement(parent) || isBlock(parent)) return true;
    cur = parent;
  }
}

/**
 * Walk siblings in one direction: true when the nearest meaningful one is a block, a <br> or nothing. Past
 * MAX_QUIET_SIBLINGS empty siblings it gives up and says false (the element is then kept): walking them all,
 * for each of thousands of empty inline siblings, was quadratic.
 */
function siblingIsQuiet(start: AnyNode | null, table: StatsTable, direction: "prev" | "next"): boolean {
  let node = start;
  for (let walked = 0; node; walked++) {
    if (walked >= MAX_QUIET_SIBLINGS) return false;
    if (isTextNode(node)) {
      if (node.data.trim().length > 0) return false;
    } else if (isElement(node)) {
      if (isBlock(node) || node.name === "br") return true;
      if ((table.stats.get(node)?.chars ?? 0) > 0) return false;
    }
    node = direction === "prev" ? node.prev : node.next;
  }
  return true;
}

/** Removal rules that apply only inside the chosen container of `containerChars` characters. */
export function insideRemoval(el: Element, table: StatsTable, containerChars: number): Removal | null {
  const s = table.stats.get(el);
  const chars = s?.chars ?? 0;
  const titleKind = BODY_TITLE_TAGS.get(el.name);
  if (titleKind) return { kind: titleKind, reason: `<${el.name}> in body`, silent: false };
  const tagKind = BODY_FURNITURE_TAGS.get(el.name);
  if (tagKind && chars < containerChars * WEAK_SIGNAL_MAX_SHARE)
    return { kind: tagKind, reason: `<${el.name}> in body`, silent: false };
  const byClass = classRemoval(el, table, containerChars, "body");
  if (byClass) return byClass;
  const holdsBlocks = s !== undefined && (s.blockChildren > 0 || LIST_TAGS.has(el.name));
  if (holdsBlocks && LINK_CONTAINER_TAGS.has(el.name) && linkDensity(s) > MAX_CONTAINER_LINK_DENSITY)
    return {
      kind: el.name === "nav" ? "navigation" : "related",
      reason: "link-dense container",
      silent: false,
    };
  if (isLinkList(el, table)) return { kind: "related", reason: "list of links", silent: false };
  return null;
}

/**
 * A list whose every item carries a link and short text, with a fair share of link text overall: the
 * shape of "more stories" lists, whatever the language.
 */
function isLinkList(el: Element, table: StatsTable): boolean {
  if (!LIST_TAGS.has(el.name)) return false;
  const s = table.stats.get(el);
  if (!s || linkDensity(s) < LINK_LIST_MIN_DENSITY) return false;
  let items = 0;
  for (const child of el.children) {
    if (!isElement(child) || child.name !== "li") continue;
    const cs = table.stats.get(child);
    if (!cs || cs.chars === 0) continue;
    if (cs.linkChars === 0 || cs.chars > LINK_LIST_MAX_ITEM_CHARS) return false;
    items++;
  }
  return items >= MIN_LINK_LIST_ITEMS;
}
