/**
 * DOM helpers that never recurse: pages can nest 100k elements deep, so text is gathered with an explicit
 * stack and a character budget.
 */
import type { AnyNode, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { WWW_PREFIX } from "./constants.js";

const WHITESPACE_RUN = /\s+/g;
/** Elements whose text is never visible prose. */
export const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
]);

/** Attribute value, trimmed, or undefined when missing or blank. */
export function getAttr(element: Element, name: string): string | undefined {
  const value = element.attribs[name];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** Collapse whitespace runs and trim. */
export function squish(text: string): string {
  return text.replace(WHITESPACE_RUN, " ").trim();
}

/**
 * Visible text of a node, whitespace-collapsed, reading at most about `limit` raw characters (the result may
 * be cut short; use boundedText to reject blocks that are too long to be what the caller wants).
 */
export function textOf(node: AnyNode, limit = 1000): string {
  return readText(node, limit).text;
}

/** The whole visible text of a node when it is at most `limit` characters, else undefined. */
export function boundedText(node: AnyNode, limit: number): string | undefined {
  const { text, complete } = readText(node, limit * RAW_TEXT_ALLOWANCE);
  return complete && text.length <= limit ? text : undefined;
}

/** Raw characters read per wanted character: markup whitespace collapses a lot. */
const RAW_TEXT_ALLOWANCE = 4;

function readText(node: AnyNode, limit: number): { text: string; complete: boolean } {
  const out: string[] = [];
  let length = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && length <= limit) {
    const current = stack.pop() as AnyNode;
    if (isText(current)) {
      out.push(current.data);
      length += current.data.length;
    } else if (isTag(current)) {
      if (INVISIBLE_TAGS.has(current.name)) continue;
      if (current.name === "br" || current.name === "p" || current.name === "div") out.push(" ");
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as AnyNode);
    }
  }
  return { text: squish(out.join("")), complete: stack.length === 0 };
}

/** Anchors (with href) inside a node, in document order, visiting at most `maxNodes` nodes. */
export function anchorsIn(node: AnyNode, maxNodes = 500): Element[] {
  const anchors: Element[] = [];
  const stack: AnyNode[] = [node];
  let visited = 0;
  while (stack.length > 0 && visited++ < maxNodes) {
    const current = stack.pop() as AnyNode;
    if (!isTag(current)) continue;
    if (current.name === "a" && getAttr(current, "href")) anchors.push(current);
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as AnyNode);
  }
  return anchors;
}

/** Resolve a URL against a base; only http(s) results, undefined for anything unparsable. */
export function resolveUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  const value = raw.trim();
  if (value.length === 0 || value.startsWith("data:") || value.startsWith("javascript:")) return undefined;
  try {
    const url = base ? new URL(value, base) : new URL(value.startsWith("//") ? `https:${value}` : value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Lower-case host without "www.", or undefined for an unparsable URL. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(WWW_PREFIX, "");
  } catch {
    return undefined;
  }
}
