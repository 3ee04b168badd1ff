/**
 * Article metadata from an HTML page: title, kind, authors, publisher, dates, canonical URL, republication
 * source, language, tags and media.
 *
 * Workflow:
 *   1. One pass over the DOM gathers meta/link/JSON-LD/time/byline/media nodes (collect.ts).
 *   2. JSON-LD is parsed leniently and its article node read (json-ld.ts).
 *   3. Each field is resolved by a cascade, strongest source first: JSON-LD and OpenGraph, then other meta
 *      names (METANAME_* in constants.ts), then microdata and visible page elements, then the URL.
 *      URL, publisher, title, kind, original and language are resolved here; authors (authors.ts),
 *      published (published.ts), tags and media (media.ts) beside it.
 * Only fields that were found are returned; the pipeline fills the rest with defaults. Never throws.
 */
import type { Document } from "domhandler";
import type { ArticleKind, ArticleMeta, Original } from "../../core/article.js";
import { findAuthors } from "./authors.js";
import { collectPageNodes } from "./collect.js";
import {
  ABSOLUTE_URL,
  MAX_TITLE_CHARS,
  METANAME_LANGUAGE,
  METANAME_ORIGINAL,
  METANAME_PUBLISHER,
  METANAME_SECTION,
  METANAME_SITE_NAME,
  METANAME_TITLE,
  METANAME_TYPE,
  METANAME_URL,
  OG_ARTICLE_TYPE,
  OG_TYPE_KIND_PATTERNS,
  REL_ORIGINAL,
  SECTION_KIND_PATTERNS,
  TITLE_KIND_PATTERNS,
  URL_KIND_PATTERNS,
} from "./constants.js";
import { type Context, firstMeta, groupMetas, linkHrefs, metaValues, pickInArticle } from "./context.js";
import { parseDate } from "./dates.js";
import { hostOf, resolveUrl, squish, textOf } from "./dom.js";
import { readJsonLd } from "./json-ld.js";
import { findMedia, findTags } from "./media.js";
import { findPublished } from "./published.js";
import { readRepublicationNotices } from "./republication.js";
import { isSameSite, siteNamesFor } from "./site.js";
import { chooseTitle, type TitleCandidate } from "./title.js";

export { parseByline } from "./byline.js";
export { parseDate } from "./dates.js";

export interface HtmlMetadataOptions {
  /** Where the page was fetched from: base for relative URLs, fallback URL and publisher. */
  url?: string;
}

const LANGUAGE_PRIMARY = /^([a-z]{2})(?:$|[-_])/i;
/** Separators between a site name and its tagline in og:site_name. */
const PUBLISHER_SEPARATOR = /\s+[|–—-]\s+|\s*[|]\s*/;

/** Extract the article metadata of a parsed page. */
export function extractHtmlMetadata(document: Document, options: HtmlMetadataOptions = {}): ArticleMeta {
  try {
    return extractMetadata(document, options);
  } catch {
    const url = resolveUrl(options.url);
    return url ? { url, publisher: hostOf(url) } : {};
  }
}

function extractMetadata(document: Document, options: HtmlMetadataOptions): ArticleMeta {
  const page = collectPageNodes(document);
  const given = resolveUrl(options.url);
  const metas = groupMetas(page);
  const ogType = firstMeta(metas, METANAME_TYPE);
  const ld = readJsonLd(page.jsonLd, { pageIsArticle: ogType !== undefined && OG_ARTICLE_TYPE.test(ogType) });
  const ctx: Context = { page, metas, ld, given, base: given, siteNames: [] };
  const url = findUrl(ctx);
  ctx.base = url ?? given;
  const publisher = findPublisher(ctx);
  ctx.siteNames = siteNamesFor(publisher, hostOf(ctx.base));
  if (ctx.ld.publisher) ctx.siteNames.push(ctx.ld.publisher);
  const title = findTitle(ctx);
  const published = findPublished(ctx);
  const original = findOriginal(ctx);
  const meta: ArticleMeta = {
    title,
    kind: findKind(ctx, title, published),
    authors: findAuthors(ctx, original),
    publisher,
    published,
    url,
    original,
    language: findLanguage(ctx),
    tags: findTags(ctx),
    media: findMedia(ctx),
  };
  return dropEmpty(meta);
}

function dropEmpty(meta: ArticleMeta): ArticleMeta {
  const out: ArticleMeta = {};
  for (const [key, value] of Object.entries(meta)) {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

// ── url & publisher ────────────────────────────────────────────────────────────────────────────────

function findUrl(ctx: Context): string | undefined {
  const canonical = linkHrefs(ctx.page, (r) => r === "canonical");
  for (const raw of [...canonical, ...metaValues(ctx.metas, METANAME_URL), ctx.ld.url]) {
    const url = resolveUrl(raw, ctx.given);
    if (url) return url;
  }
  return ctx.given;
}

function findPublisher(ctx: Context): string | undefined {
  const host = hostOf(ctx.base) ?? hostOf(ctx.given);
  const siteName = cleanPublisher(firstMeta(ctx.metas, METANAME_SITE_NAME), host);
  const ldName = cleanPublisher(ctx.ld.publisher, host);
  const other = cleanPublisher(firstMeta(ctx.metas, METANAME_PUBLISHER), host);
  // og:site_name wins unless only the JSON-LD publisher looks like the host ("U.S." vs "Reuters" on reuters.com).
  const preferLd =
    siteName &&
    ldName &&
    host &&
    !isSameSite(siteName, siteNamesFor(undefined, host)) &&
    isSameSite(ldName, siteNamesFor(undefined, host));
  return (preferLd ? ldName : undefined) ?? siteName ?? ldName ?? other ?? host;
}

/** "LinkNaija | Nigeria's popular news platform" → "LinkNaija": keep the segment naming the host, else the first. */
function cleanPublisher(name: string | undefined, host: string | undefined): string | undefined {
  if (!name || ABSOLUTE_URL.test(name) || name.startsWith("@")) return undefined;
  const segments = name
    .split(PUBLISHER_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (segments.length < 2) return name;
  const hostNames = siteNamesFor(undefined, host);
  return segments.find((s) => isSameSite(s, hostNames)) ?? segments[0];
}

// ── title & kind ───────────────────────────────────────────────────────────────────────────────────

function titleCandidates(ctx: Context): TitleCandidate[] {
  const candidates: TitleCandidate[] = [];
  if (ctx.ld.headline) candidates.push({ text: ctx.ld.headline, source: "json-ld" });
  for (const name of METANAME_TITLE) {
    const source = name.startsWith("og:") ? "og" : name.startsWith("twitter:") ? "twitter" : "meta";
    for (const text of ctx.metas.get(name) ?? []) candidates.push({ text, source });
  }
  const h1 = pickInArticle(ctx.page, ctx.page.headings);
  if (h1) candidates.push({ text: textOf(h1.element, MAX_TITLE_CHARS), source: "h1" });
  const headline = ctx.page.itemprops.get("headline")?.[0];
  if (headline) candidates.push({ text: textOf(headline.element, MAX_TITLE_CHARS), source: "h1" });
  if (ctx.page.title) candidates.push({ text: textOf(ctx.page.title, MAX_TITLE_CHARS), source: "title" });
  return candidates;
}

function findTitle(ctx: Context): string | undefined {
  return chooseTitle(titleCandidates(ctx), ctx.siteNames);
}

function matchKind(
  patterns: readonly (readonly [RegExp, ArticleKind])[],
  text: string | undefined,
): ArticleKind | undefined {
  if (!text) return undefined;
  const value = text.trim();
  return patterns.find(([pattern]) => pattern.test(value))?.[1];
}

function findKind(
  ctx: Context,
  title: string | undefined,
  published: string | undefined,
): ArticleKind | undefined {
  if (ctx.ld.kind) return ctx.ld.kind;
  const ogType = firstMeta(ctx.metas, METANAME_TYPE);
  const sections = [...metaValues(ctx.metas, METANAME_SECTION), ctx.ld.section];
  const rawTitles = [
    title,
    ...metaValues(ctx.metas, ["og:title"]),
    ctx.page.title ? textOf(ctx.page.title, MAX_TITLE_CHARS) : undefined,
  ];
  // A JSON-LD article type outranks og:type ("video.other" on a text article with an embedded clip).
  const signal =
    (ctx.ld.kind === null ? undefined : matchKind(OG_TYPE_KIND_PATTERNS, ogType)) ??
    sections.map((s) => matchKind(SECTION_KIND_PATTERNS, s)).find((k) => k) ??
    rawTitles.map((t) => matchKind(TITLE_KIND_PATTERNS, t)).find((k) => k) ??
    matchKind(URL_KIND_PATTERNS, pathOf(ctx.base));
  if (signal) return signal;
  const isArticle =
    ctx.ld.kind === null ||
    (ogType !== undefined && OG_ARTICLE_TYPE.test(ogType)) ||
    ctx.page.hasArticleRegion ||
    published !== undefined;
  return isArticle ? "article" : undefined;
}

function pathOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

// ── original, language, tags, media ────────────────────────────────────────────────────────────────

function findOriginal(ctx: Context): Original | undefined {
  const found: { publisher?: string; url?: string; published?: string }[] = [];
  const linked = linkHrefs(ctx.page, (r) => REL_ORIGINAL.has(r))[0];
  if (linked) found.push({ url: resolveUrl(linked, ctx.base) });
  for (const value of metaValues(ctx.metas, METANAME_ORIGINAL)) {
    const url = resolveUrl(value, ctx.base);
    found.push(ABSOLUTE_URL.test(value) || url?.startsWith("http") ? { url } : { publisher: squish(value) });
  }
  if (ctx.ld.original) found.push({ ...ctx.ld.original, url: resolveUrl(ctx.ld.original.url, ctx.base) });
  const notice = readRepublicationNotices(ctx.page.notices, ctx.base);
  if (notice) found.push(notice);
  const merged: Original = {
    publisher: found.find((f) => f.publisher)?.publisher ?? null,
    url: found.find((f) => f.url)?.url ?? null,
    published: parseDate(found.find((f) => f.published)?.published) ?? null,
  };
  return isSelfReference(merged, ctx) ? undefined : merged;
}

function isSelfReference(original: Original, ctx: Context): boolean {
  if (!original.publisher && !original.url && !original.published) return true;
  const samePublisher = original.publisher === null || isSameSite(original.publisher, ctx.siteNames);
  const sameHost = original.url === null || hostOf(original.url) === hostOf(ctx.base);
  return samePublisher && sameHost;
}

function findLanguage(ctx: Context): string | undefined {
  const declared = [ctx.page.htmlLang, ...metaValues(ctx.metas, METANAME_LANGUAGE), ctx.ld.language];
  for (const tag of declared) {
    const match = tag ? LANGUAGE_PRIMARY.exec(tag.trim()) : null;
    if (match) return (match[1] as string).toLowerCase();
  }
  return undefined;
}
