/**
 * The `extract` stage: from a decoded input to a Doc holding the clean article.
 *
 * Cascade (recorded on `doc.provenance`):
 *   1. HTML input → parse once, main text (src/extract/html) + metadata (src/extract/metadata).
 *   2. Text input → block scoring over the scraped text (src/extract/text).
 *   3. Container hints (JSON Lines "title", "published", "url") override what the page says; a "published"
 *      hint that is no date is dropped.
 */
import type { ArticleMeta } from "../core/article.js";
import { createDoc, type Doc, type Extraction, type SourceDocument } from "../core/doc.js";
import { extractMainText } from "./html/index.js";
import { parseHtml } from "./html/parse.js";
import { extractHtmlMetadata, parseDate } from "./metadata/index.js";
import { extractText } from "./text/index.js";

export { detectLanguage, normaliseLanguageTag } from "./language.js";

type Hints = NonNullable<SourceDocument["hints"]>;

/** Extract the article of one decoded input into a new Doc. */
export function extractArticle(input: SourceDocument): Doc {
  const hints = usableHints(input.hints);
  const extraction = input.format === "html" ? extractFromHtml(input) : extractFromText(input, hints);
  applyHints(extraction.meta, input, hints);
  return createDoc(input, extraction, input.format === "html" ? "html" : "text");
}

/**
 * Container hints as the article needs them: a "published" hint is a date as written by someone else (a JSON
 * Lines field, a feed's pubDate), so it is read as one and given in ISO 8601 like every `published`; a hint
 * that is no date ("yesterday", "") is dropped, and the page's own date stands.
 */
function usableHints(hints: SourceDocument["hints"]): Hints | undefined {
  if (!hints) return undefined;
  const usable: Hints = {};
  if (hints.title) usable.title = hints.title;
  const published = parseDate(hints.published);
  if (published) usable.published = published;
  return usable;
}

function extractFromHtml(input: SourceDocument): Extraction {
  const document = parseHtml(input.content);
  const meta = extractHtmlMetadata(document, { url: input.url });
  const main = extractMainText(document, input.content, { url: input.url, title: meta.title ?? undefined });
  return { meta, ...main };
}

function extractFromText(input: SourceDocument, hints: Hints | undefined): Extraction {
  return extractText(input.content, { url: input.url, hints });
}

function applyHints(meta: ArticleMeta, input: SourceDocument, hints: Hints | undefined): void {
  if (hints?.title) meta.title = hints.title;
  if (hints?.published) meta.published = hints.published;
  if (!meta.url && input.url) meta.url = input.url;
}
