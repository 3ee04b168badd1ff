/**
 * The `extract` stage: from a decoded input to a Doc holding the clean article.
 *
 * Cascade (recorded on `doc.provenance`):
 *   1. HTML input → parse once, main text (src/extract/html) + metadata (src/extract/metadata).
 *   2. Text input → block scoring over the scraped text (src/extract/text).
 *   3. Container hints (JSON Lines "title", "published", "url") override what the page says.
 */
import type { ArticleMeta } from "../core/article.js";
import { createDoc, type Doc, type Extraction, type SourceDocument } from "../core/doc.js";
import { extractMainText } from "./html/index.js";
import { parseHtml } from "./html/parse.js";
import { extractHtmlMetadata } from "./metadata/index.js";
import { extractText } from "./text/index.js";

export { detectLanguage, normaliseLanguageTag } from "./language.js";

/** Extract the article of one decoded input into a new Doc. */
export function extractArticle(input: SourceDocument): Doc {
  const extraction = input.format === "html" ? extractFromHtml(input) : extractFromText(input);
  applyHints(extraction.meta, input);
  return createDoc(input, extraction, input.format === "html" ? "html" : "text");
}

function extractFromHtml(input: SourceDocument): Extraction {
  const document = parseHtml(input.content);
  const meta = extractHtmlMetadata(document, { url: input.url });
  const main = extractMainText(document, input.content, { url: input.url, title: meta.title ?? undefined });
  return { meta, ...main };
}

function extractFromText(input: SourceDocument): Extraction {
  return extractText(input.content, { url: input.url, hints: input.hints });
}

function applyHints(meta: ArticleMeta, input: SourceDocument): void {
  if (input.hints?.title) meta.title = input.hints.title;
  if (input.hints?.published) meta.published = input.hints.published;
  if (!meta.url && input.url) meta.url = input.url;
}
