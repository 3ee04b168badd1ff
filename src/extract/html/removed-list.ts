/**
 * Listing what lies outside the article body as boilerplate, cheaply and merged by container: the
 * outermost hard-removed subtrees (nav, aside, hidden…), and each text-carrying sibling subtree along the
 * container's ancestor chain. Text is capped per entry, entries per page are capped.
 */
import type { Element } from "domhandler";
import type { Boilerplate } from "../../core/article.js";
import { classifyBoilerplate } from "../boilerplate/index.js";
import { removedSubtree } from "./blocks.js";
import { BOILERPLATE_TEXT_CAP, MIN_BOILERPLATE_CHARS } from "./constants.js";
import { cappedText, classTokens, isElement } from "./dom.js";
import { NON_CONTENT_TAGS } from "./patterns.js";
import { classVerdict, type Removal } from "./signals.js";
import type { StatsTable } from "./stats.js";

function hasAncestorIn(el: Element, set: ReadonlySet<Element> | ReadonlyMap<Element, unknown>): boolean {
  let cur = el.parent;
  while (isElement(cur)) {
    if (set.has(cur)) return true;
    cur = cur.parent;
  }
  return false;
}

/** Kinds that only say where a block was (a footer, a header), not what it is. */
const WHERE_NOT_WHAT: ReadonlySet<Boilerplate["kind"]> = new Set(["navigation", "metadata", "other"]);

/** Say what a removed block is when its container only said where it was: a headline, a caption, or what
 * its text says (a copyright line in the footer is "copyright", not "navigation"). */
function refineKind(entry: Boilerplate, el: Element): Boilerplate {
  if (!WHERE_NOT_WHAT.has(entry.kind)) return entry;
  if (el.name === "h1") return { ...entry, kind: "title", reason: `${entry.reason}; <h1> headline` };
  if (el.name === "figure" || el.name === "figcaption")
    return { ...entry, kind: "caption", reason: `<${el.name}> element` };
  const byText = classifyBoilerplate(entry.text);
  if (byText && byText.kind !== entry.kind && !WHERE_NOT_WHAT.has(byText.kind)) {
    return { ...entry, kind: byText.kind, reason: `${entry.reason}; ${byText.reason}` };
  }
  return entry;
}

function siblingEntry(sibling: Element): Boilerplate {
  return refineKind(rawSiblingEntry(sibling), sibling);
}

function rawSiblingEntry(sibling: Element): Boilerplate {
  const text = cappedText(sibling, BOILERPLATE_TEXT_CAP, NON_CONTENT_TAGS);
  const verdict =
    classVerdict(sibling) ?? classifyBoilerplate(text, { tag: sibling.name, tokens: classTokens(sibling) });
  return {
    kind: verdict?.kind ?? "other",
    text,
    reason: verdict ? verdict.reason : "outside the article container",
    source: { start: sibling.startIndex ?? 0, end: (sibling.endIndex ?? 0) + 1 },
  };
}

/**
 * Entries for the text outside `roots` (the body's root elements; empty when there is no body), at most
 * `budget` of them.
 */
export function listOutside(
  roots: readonly Element[],
  base: StatsTable,
  hardRemovals: ReadonlyMap<Element, Removal>,
  budget: number,
): Boilerplate[] {
  const out: Boilerplate[] = [];
  const rootSet = new Set(roots);
  const listed = new Set<Element>();
  // Sibling subtrees along the ancestor chain of the body (joined roots share one parent).
  let cur: Element | null = roots[0] ?? null;
  while (cur && isElement(cur.parent) && out.length < budget) {
    for (const sibling of cur.parent.children) {
      if (sibling === cur || !isElement(sibling) || rootSet.has(sibling) || hardRemovals.has(sibling))
        continue;
      if ((base.stats.get(sibling)?.chars ?? 0) < MIN_BOILERPLATE_CHARS) continue;
      listed.add(sibling);
      out.push(siblingEntry(sibling));
      if (out.length >= budget) return out;
    }
    cur = cur.parent;
  }
  // Outermost hard removals that are neither inside the body (listed there) nor inside a listed sibling.
  for (const [el, removal] of hardRemovals) {
    if (out.length >= budget) break;
    if (removal.silent || hasAncestorIn(el, hardRemovals) || hasAncestorIn(el, listed)) continue;
    if (rootSet.has(el) || hasAncestorIn(el, rootSet)) continue;
    const entry = removedSubtree(el, removal);
    if (entry) out.push(refineKind(entry, el));
  }
  return out;
}
