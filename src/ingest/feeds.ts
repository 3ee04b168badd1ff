/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feed files: each item/entry becomes its own document `<input>#<n>`.
 * The content is what the feed carries (`content:encoded` / Atom `content`, else `description` / `summary`);
 * the item's linked page is NOT fetched (ingest is offline by design for feeds). Malformed XML is parsed as
 * far as htmlparser2 recovers it (nesting capped, see core/markup.ts; entities declared in a DTD are never
 * expanded); an item without content fails alone and the other items still come.
 */
import { type Element, isTag } from "domhandler";
import { DomUtils } from "htmlparser2";
import type { SourceDocument } from "../core/doc.js";
import { parseMarkup } from "../core/markup.js";
import { HTML_MARKUP } from "./patterns.js";
import { failure, type IngestItem, type SourceEncoding } from "./types.js";

const ITEM_TAGS = new Set(["item", "entry"]);
/** Full content first, then the summary. */
const CONTENT_TAGS = ["content:encoded", "content", "description", "summary"] as const;
const FULL_CONTENT_TAGS = new Set(["content:encoded", "content"]);
const DATE_TAGS = ["pubDate", "published", "updated", "dc:date"] as const;
const ALTERNATE_REL = "alternate";

export interface FeedContext {
  /** The input the feed comes from; documents are named `<input>#<n>` (n counts items from 1). */
  input: string;
  encoding: SourceEncoding;
}

/** Every item of a decoded feed, in order; a feed with no items at all is one failure. */
export function readFeed(text: string, context: FeedContext): IngestItem[] {
  const root = parseMarkup(text, { xmlMode: true });
  const items = DomUtils.findAll((node) => ITEM_TAGS.has(localName(node.name)), root.children);
  if (items.length === 0) {
    return [failure(context.input, "ingest/bad-feed", "looks like a feed but holds no items")];
  }
  return items.map((item, i) => readItem(item, `${context.input}#${i + 1}`, context.encoding));
}

function readItem(item: Element, name: string, encoding: SourceEncoding): IngestItem {
  const content = contentOf(item);
  if (content === null) {
    return failure(name, "ingest/bad-feed", "feed item has no content (content, description or summary)");
  }
  const doc: SourceDocument = { name, format: content.format, content: content.text, encoding };
  const url = linkOf(item);
  if (url) doc.url = url;
  const hints: NonNullable<SourceDocument["hints"]> = {};
  const title = textOf(child(item, "title"));
  if (title) hints.title = title;
  const published = DATE_TAGS.map((tag) => textOf(child(item, tag))).find((value) => value);
  if (published) hints.published = toIsoDate(published);
  if (Object.keys(hints).length > 0) doc.hints = hints;
  return { ok: true, doc };
}

/** The first non-blank content element: full content is HTML; a summary is HTML when it holds markup. */
function contentOf(item: Element): { text: string; format: "html" | "text" } | null {
  for (const tag of CONTENT_TAGS) {
    const element = child(item, tag);
    if (!element) continue;
    const text =
      element.attribs.type === "xhtml" ? DomUtils.getInnerHTML(element, { xmlMode: true }) : textOf(element);
    if (!text) continue;
    const markup = FULL_CONTENT_TAGS.has(tag) && element.attribs.type !== "text";
    return { text, format: markup || HTML_MARKUP.test(text) ? "html" : "text" };
  }
  return null;
}

/** Atom `<link rel="alternate" href>` (or a link without rel), RSS `<link>` text, RDF `rdf:about`. */
function linkOf(item: Element): string | undefined {
  const links = item.children.filter((node): node is Element => isTag(node) && node.name === "link");
  const atom = links.find(
    (link) => link.attribs.href && (link.attribs.rel ?? ALTERNATE_REL) === ALTERNATE_REL,
  );
  if (atom) return atom.attribs.href;
  const rss = links.map((link) => textOf(link)).find((text) => text);
  return rss || item.attribs["rdf:about"] || undefined;
}

function child(item: Element, tag: string): Element | undefined {
  return item.children.find((node): node is Element => isTag(node) && node.name === tag);
}

function textOf(element: Element | undefined): string {
  return element ? DomUtils.textContent(element).trim() : "";
}

/** `atom:entry` → `entry`. */
function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/** RFC 822 and ISO dates → ISO 8601 (UTC); a date that does not parse is kept as written. */
function toIsoDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}
