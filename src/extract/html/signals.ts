/**
 * Why an element is not article text: tag, role, hidden state or class/id signals. Each decision carries a
 * boilerplate kind and a reason in words, so removals can be listed (and debugged) later.
 */
import type { Element } from "domhandler";
import type { BoilerplateKind } from "../../core/article.js";
import { classSignature, isHidden } from "./dom.js";
import {
  CLASS_SIGNALS,
  EMBEDDED_POST_CLASS,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  NON_CONTENT_TAGS,
  POSITIVE_CLASS,
  SHARE_WORD,
} from "./patterns.js";

export interface Removal {
  kind: BoilerplateKind;
  reason: string;
  /** Non-content removals (scripts, images…) are not listed as boilerplate. */
  silent: boolean;
}

/** schema.org microdata properties (itemprop) that mark boilerplate or the body. */
const ITEMPROP_AUTHOR = /author|creator/i;
const ITEMPROP_DATE = /date|time/i;
const ITEMPROP_HEADLINE = /^(?:headline|name|alternativeHeadline)$/i;
const ITEMPROP_CAPTION = /caption/i;
const ITEMPROP_DESCRIPTION = /description/i;
const ITEMPROP_BODY = /articleBody|text/i;
const ITEMPROP_ARTICLE_BODY = /articleBody/i;
/** A description on a large container is often the whole body (blogs); only smaller elements are standfirsts. */
const DESCRIPTION_CONTAINERS: ReadonlySet<string> = new Set(["div", "section", "article", "main"]);

/** Tags never removed by class/id signals: they wrap the page or mark the content itself. */
const PROTECTED_TAGS: ReadonlySet<string> = new Set(["html", "body", "main", "article"]);

/** Removal that holds on any page, whatever the attempt: non-content tags, hidden elements, furniture. */
export function hardRemoval(el: Element): Removal | null {
  if (NON_CONTENT_TAGS.has(el.name)) return { kind: "media", reason: `<${el.name}>`, silent: true };
  if (isHidden(el)) return { kind: "other", reason: "hidden element", silent: false };
  const tagKind = FURNITURE_TAGS.get(el.name);
  if (tagKind) return { kind: tagKind, reason: `<${el.name}> element`, silent: false };
  const role = el.attribs.role;
  if (role !== undefined) {
    const roleKind = FURNITURE_ROLES.get(role.toLowerCase());
    if (roleKind) return { kind: roleKind, reason: `role="${role}"`, silent: false };
  }
  return null;
}

export interface ClassVerdict {
  kind: BoilerplateKind;
  reason: string;
  strong: boolean;
}

/** The first class/id signal of boilerplate on this element, or null. */
export function classVerdict(el: Element): ClassVerdict | null {
  const sig = classSignature(el);
  if (sig.length === 0) return itempropVerdict(el);
  for (const signal of CLASS_SIGNALS) {
    const match = signal.pattern.exec(sig);
    if (match && signal.kind === "share" && EMBEDDED_POST_CLASS.test(sig) && !SHARE_WORD.test(sig)) continue;
    if (match)
      return {
        kind: signal.kind,
        reason: `class/id "${match[0].replace(/^[^a-z]/, "")}"`,
        strong: signal.strong,
      };
  }
  return itempropVerdict(el);
}

function itempropVerdict(el: Element): ClassVerdict | null {
  const prop = el.attribs.itemprop;
  if (prop === undefined) return null;
  if (ITEMPROP_AUTHOR.test(prop)) return { kind: "byline", reason: `itemprop="${prop}"`, strong: true };
  if (ITEMPROP_DATE.test(prop)) return { kind: "metadata", reason: `itemprop="${prop}"`, strong: true };
  if (ITEMPROP_HEADLINE.test(prop)) return { kind: "title", reason: `itemprop="${prop}"`, strong: true };
  if (ITEMPROP_CAPTION.test(prop)) return { kind: "caption", reason: `itemprop="${prop}"`, strong: true };
  if (ITEMPROP_DESCRIPTION.test(prop) && !DESCRIPTION_CONTAINERS.has(el.name))
    return { kind: "metadata", reason: `itemprop="${prop}" (standfirst)`, strong: true };
  return null;
}

/** Whether the element looks like an article container by its class/id or microdata. */
export function looksLikeContent(el: Element): boolean {
  if (PROTECTED_TAGS.has(el.name)) return true;
  const prop = el.attribs.itemprop;
  if (prop !== undefined && ITEMPROP_BODY.test(prop)) return true;
  return POSITIVE_CLASS.test(classSignature(el));
}

/** Tags that class signals never remove. */
export function isProtected(el: Element): boolean {
  if (PROTECTED_TAGS.has(el.name)) return true;
  const prop = el.attribs.itemprop;
  return prop !== undefined && ITEMPROP_ARTICLE_BODY.test(prop);
}
