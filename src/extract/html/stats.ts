/**
 * Per-element text statistics, computed once per attempt in one iterative pass (no repeated getText):
 * normalised text length, text inside links, clause punctuation and whether the element has block children.
 */
import type { AnyNode, Element, ParentNode } from "domhandler";
import { isBlock, isElement, isTextNode } from "./dom.js";

export interface NodeStats {
  /** Characters of whitespace-collapsed text (approximate: one char per whitespace run). */
  chars: number;
  /** Of which inside <a>. */
  linkChars: number;
  /** Commas and other clause separators (several scripts). */
  commas: number;
  /** Number of block-level element children (0 → the element holds a paragraph of inline content). */
  blockChildren: number;
}

export interface StatsTable {
  stats: Map<Element, NodeStats>;
  /** Elements in document order (pre-order) that were not excluded. */
  order: Element[];
}

/** Clause separators counted as commas: , ， 、 ، ; ；  (Latin, CJK full-width and ideographic, Arabic). */
const CLAUSE_CODES: ReadonlySet<number> = new Set([0x2c, 0xff0c, 0x3001, 0x060c, 0x3b, 0xff1b]);
/** Whitespace codes collapsed when measuring: space, \n, \t, \r, \f, no-break space. */
const SPACE_CODES: ReadonlySet<number> = new Set([0x20, 0x0a, 0x09, 0x0d, 0x0c, 0xa0]);

/** Collapsed length and clause punctuation of one text. */
export function measureText(data: string): { chars: number; commas: number } {
  let chars = 0;
  let commas = 0;
  let inSpace = true;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (SPACE_CODES.has(c)) {
      if (!inSpace) chars++;
      inSpace = true;
    } else {
      chars++;
      inSpace = false;
      if (CLAUSE_CODES.has(c)) commas++;
    }
  }
  return { chars, commas };
}

/**
 * Compute stats for every element under `root` that `excluded` does not reject (rejected subtrees count
 * for nothing in their ancestors).
 */
export function computeStats(root: ParentNode, excluded: (el: Element) => boolean): StatsTable {
  const stats = new Map<Element, NodeStats>();
  const order: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as AnyNode);
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isTextNode(node)) {
      const parent = node.parent;
      const ps = isElement(parent) ? stats.get(parent) : undefined;
      if (ps) {
        const m = measureText(node.data);
        ps.chars += m.chars;
        ps.commas += m.commas;
      }
      continue;
    }
    if (!isElement(node) || excluded(node)) continue;
    stats.set(node, { chars: 0, linkChars: 0, commas: 0, blockChildren: 0 });
    order.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i] as Element;
    const s = stats.get(el) as NodeStats;
    if (el.name === "a") s.linkChars = s.chars;
    const parent = el.parent;
    const ps = isElement(parent) ? stats.get(parent) : undefined;
    if (!ps) continue;
    ps.chars += s.chars;
    ps.linkChars += s.linkChars;
    ps.commas += s.commas;
    if (isBlock(el)) ps.blockChildren++;
  }
  return { stats, order };
}

export function linkDensity(s: NodeStats | undefined): number {
  if (!s || s.chars === 0) return 0;
  return Math.min(1, s.linkChars / s.chars);
}
