/**
 * Boilerplate classification shared by the HTML and text extractors: given a block of text that is not
 * article body (or might not be), say what kind of boilerplate it is and why.
 *
 * STARTER VERSION — the patterns move to data/extract/boilerplate.en.tsv (owned by the text-extraction work).
 */
import type { BoilerplateKind } from "../../core/article.js";

export interface BoilerplateHints {
  /** Lower-cased tag name of the element that held the block (HTML only). */
  tag?: string;
  /** Lower-cased class and id tokens of the element and its ancestors (HTML only). */
  tokens?: readonly string[];
}

export interface BoilerplateVerdict {
  kind: BoilerplateKind;
  reason: string;
}

/** Classify a block as boilerplate, or return null when nothing marks it as such. */
export function classifyBoilerplate(text: string, hints: BoilerplateHints = {}): BoilerplateVerdict | null {
  const t = text.trim();
  if (/^(copyright|©|\(c\))/i.test(t) || /copyright ©/i.test(t)) return { kind: "copyright", reason: "copyright notice" };
  if (/\b(donate|patreon|paypal|become a (member|supporter|patron))\b/i.test(t))
    return { kind: "donation", reason: "donation or membership appeal" };
  if (/\bshare (this|the|buttons?)\b|\bfollow us\b/i.test(t)) return { kind: "share", reason: "share/follow prompt" };
  if (hints.tag === "nav") return { kind: "navigation", reason: "<nav> element" };
  return null;
}
