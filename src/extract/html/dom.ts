/** Small DOM helpers over domhandler nodes. Traversals are iterative: deep pages must not blow the stack. */
import type { AnyNode, Element, ParentNode, Text } from "domhandler";
import { BLOCK_TAGS, HIDDEN_STYLE } from "./patterns.js";

/** domhandler ElementType values, compared directly to avoid helper calls in hot loops. */
const TEXT_TYPE = "text";
const TAG_TYPES: ReadonlySet<string> = new Set(["tag", "script", "style"]);

export function isElement(node: AnyNode | null | undefined): node is Element {
  return node !== null && node !== undefined && TAG_TYPES.has(node.type);
}

export function isTextNode(node: AnyNode): node is Text {
  return node.type === TEXT_TYPE;
}

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.name);
}

const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g;
const signatureCache = new WeakMap<Element, string>();

/** Lower-cased "class id" of an element, camelCase split into kebab-case ("relatedPosts" → "related-posts"). */
export function classSignature(el: Element): string {
  const cached = signatureCache.get(el);
  if (cached !== undefined) return cached;
  const cls = el.attribs.class ?? "";
  const id = el.attribs.id ?? "";
  const raw =
    cls.length + id.length === 0 ? "" : `${cls} ${id}`.replace(CAMEL_BOUNDARY, "$1-$2").toLowerCase().trim();
  signatureCache.set(el, raw);
  return raw;
}

/** Class and id tokens, as BoilerplateHints wants them. */
export function classTokens(el: Element): string[] {
  const sig = classSignature(el);
  return sig.length === 0 ? [] : sig.split(/\s+/);
}

export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a["aria-hidden"] === "true" && el.name !== "span" && el.name !== "i") return true;
  return a.style !== undefined && HIDDEN_STYLE.test(a.style);
}

/** Children of a parent node, as an array (domhandler keeps them in `children`). */
export function childrenOf(node: ParentNode): AnyNode[] {
  return node.children as AnyNode[];
}

/** The first element named `name` under `root` (iterative, document order), or null. */
export function findFirst(root: ParentNode, name: string): Element | null {
  const stack: AnyNode[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return null;
}

/** Whether `ancestor` contains `node` (or is it). */
export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  let cur: AnyNode | null = node;
  while (cur) {
    if (cur === ancestor) return true;
    cur = cur.parent;
  }
  return false;
}

/** Up to `cap` characters of whitespace-normalised text under `root`, skipping the tags in `skip`. */
export function cappedText(root: AnyNode, cap: number, skip: ReadonlySet<string>): string {
  const parts: string[] = [];
  let length = 0;
  const stack: AnyNode[] = [root];
  while (stack.length > 0 && length < cap) {
    const node = stack.pop() as AnyNode;
    if (isTextNode(node)) {
      parts.push(node.data);
      length += node.data.length;
    } else if (isElement(node) && !skip.has(node.name)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  const text = parts.join(" ").replace(/\s+/g, " ").trim();
  return text.length > cap ? `${text.slice(0, cap - 1)}…` : text;
}
