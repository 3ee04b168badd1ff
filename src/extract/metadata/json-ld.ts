/**
 * JSON-LD (schema.org) facts: parse every ld+json script leniently, flatten @graph and nested arrays,
 * resolve @id references, pick the node describing the article, and read its fields.
 */
import { decodeHTML } from "entities";
import type { ArticleKind } from "../../core/article.js";
import {
  ABSOLUTE_URL,
  JSONLD_ARTICLE_TYPES,
  JSONLD_MEDIA_TYPES,
  JSONLD_PERSON_TYPES,
  JSONLD_WEBSITE_TYPES,
  MAX_JSONLD_DEPTH,
  MAX_JSONLD_NODES,
} from "./constants.js";
import { squish } from "./dom.js";
import { normaliseName } from "./site.js";

type JsonObject = Record<string, unknown>;

export interface JsonLdOriginal {
  publisher?: string;
  url?: string;
  published?: string;
}

export interface JsonLdFacts {
  headline?: string;
  published?: string;
  /** Person authors by name. */
  authors: string[];
  /** Organisation authors, used only when no person is named. */
  organisationAuthors: string[];
  publisher?: string;
  language?: string;
  keywords: string[];
  section?: string;
  url?: string;
  images: string[];
  videos: string[];
  embeds: string[];
  /** The kind implied by the main node's type; null for a plain article type, undefined when no main node. */
  kind?: ArticleKind | null;
  original?: JsonLdOriginal;
}

const CDATA_OR_COMMENT = /^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g;
const TRAILING_COMMA = /,\s*([}\]])/g;
/** Raw line breaks and tabs inside JSON strings (a common breakage in hand-built JSON-LD). */
const RAW_CONTROL = /[\n\r\t]+/g;
const TYPE_PREFIX = /^.*[/:#]/;

export interface ReadJsonLdOptions {
  /**
   * The page says it is an article (og:type): then a media node (VideoObject …) without an article node is an
   * embedded clip, not the page, and only its URLs are read.
   */
  pageIsArticle?: boolean;
}

/** Read the facts from the text of every JSON-LD script on the page. */
export function readJsonLd(scripts: readonly string[], options: ReadJsonLdOptions = {}): JsonLdFacts {
  const nodes = flattenNodes(scripts.map(parseLeniently));
  const byId = indexById(nodes);
  const picked = pickMainNode(nodes);
  const main =
    picked && !(options.pageIsArticle && JSONLD_MEDIA_TYPES.has(typesOf(picked.node)[0] ?? ""))
      ? picked
      : undefined;
  const facts: JsonLdFacts = {
    authors: [],
    organisationAuthors: [],
    keywords: [],
    images: [],
    videos: [],
    embeds: [],
  };
  if (main) readMainNode(facts, main.node, byId);
  if (main) facts.kind = main.kind;
  facts.publisher ??= findWebsiteName(nodes);
  for (const node of nodes)
    if (node !== main?.node && typesOf(node).includes("VideoObject")) readVideo(facts, node);
  return facts;
}

/** JSON.parse, then a second try with comment wrappers, raw control characters and trailing commas removed. */
function parseLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(
        text.replace(CDATA_OR_COMMENT, "").replace(RAW_CONTROL, " ").replace(TRAILING_COMMA, "$1"),
      );
    } catch {
      return undefined;
    }
  }
}

/** Top-level objects, @graph members and mainEntity objects, iteratively, with a node budget. */
function flattenNodes(roots: readonly unknown[]): JsonObject[] {
  const nodes: JsonObject[] = [];
  const stack: { value: unknown; depth: number }[] = roots.map((value) => ({ value, depth: 0 })).reverse();
  while (stack.length > 0 && nodes.length < MAX_JSONLD_NODES) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (depth > MAX_JSONLD_DEPTH) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1 });
    } else if (isObject(value)) {
      nodes.push(value);
      for (const key of ["mainEntity", "@graph"])
        if (key in value) stack.push({ value: value[key], depth: depth + 1 });
    }
  }
  return nodes;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function indexById(nodes: readonly JsonObject[]): Map<string, JsonObject> {
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node["@id"];
    if (typeof id === "string" && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  return byId;
}

/** "NewsArticle", ["Article","NewsArticle"], "schema:NewsArticle", "http://schema.org/NewsArticle" → names. */
function typesOf(node: JsonObject): string[] {
  const raw = node["@type"];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.replace(TYPE_PREFIX, ""));
}

interface MainNode {
  node: JsonObject;
  kind: ArticleKind | null;
}

/** The first article-typed node; else the first media node (VideoObject …). */
function pickMainNode(nodes: readonly JsonObject[]): MainNode | undefined {
  let media: MainNode | undefined;
  for (const node of nodes) {
    const types = typesOf(node);
    const specific = types.map((t) => JSONLD_ARTICLE_TYPES.get(t)).find((k) => k !== undefined && k !== null);
    if (specific) return { node, kind: specific };
    if (types.some((t) => JSONLD_ARTICLE_TYPES.has(t))) return { node, kind: null };
    const mediaKind = types.map((t) => JSONLD_MEDIA_TYPES.get(t)).find((k) => k !== undefined);
    if (mediaKind && !media) media = { node, kind: mediaKind };
  }
  return media;
}

function readMainNode(facts: JsonLdFacts, node: JsonObject, byId: Map<string, JsonObject>): void {
  facts.headline = firstString(node.headline) ?? firstString(node.name);
  facts.published =
    firstString(node.datePublished) ?? firstString(node.dateCreated) ?? firstString(node.uploadDate);
  readAuthors(facts, node.author ?? node.creator, byId);
  facts.publisher =
    typeof node.publisher === "string" ? clean(node.publisher) : nameOf(resolve(node.publisher, byId));
  facts.language = languageOf(node.inLanguage);
  facts.keywords = keywordsOf(node.keywords);
  facts.section = firstString(node.articleSection);
  facts.url = firstString(node.url) ?? idOf(node.mainEntityOfPage);
  facts.images = urlsOf(node.image ?? node.thumbnailUrl, byId);
  if (typesOf(node).includes("VideoObject")) readVideo(facts, node);
  for (const video of asArray(node.video)) {
    const resolved = resolve(video, byId);
    if (resolved) readVideo(facts, resolved);
  }
  facts.original = readOriginal(node, facts.publisher, byId);
}

function readVideo(facts: JsonLdFacts, node: JsonObject): void {
  const content = firstString(node.contentUrl);
  const embed = firstString(node.embedUrl);
  if (content) facts.videos.push(content);
  if (embed) facts.embeds.push(embed);
}

function readAuthors(facts: JsonLdFacts, value: unknown, byId: Map<string, JsonObject>): void {
  for (const item of asArray(value)) {
    if (typeof item === "string") {
      if (!ABSOLUTE_URL.test(item)) facts.authors.push(clean(item));
      continue;
    }
    const node = resolve(item, byId);
    const name = nameOf(node);
    if (!node || !name || ABSOLUTE_URL.test(name)) continue;
    const types = typesOf(node);
    if (types.length === 0 || types.some((t) => JSONLD_PERSON_TYPES.has(t))) facts.authors.push(name);
    else facts.organisationAuthors.push(name);
  }
}

function readOriginal(
  node: JsonObject,
  publisher: string | undefined,
  byId: Map<string, JsonObject>,
): JsonLdOriginal | undefined {
  for (const item of asArray(node.isBasedOn ?? node.isBasedOnUrl)) {
    if (typeof item === "string") return { url: item };
    const work = resolve(item, byId);
    if (!work) continue;
    const original: JsonLdOriginal = {
      url: firstString(work.url) ?? idOf(work),
      publisher: nameOf(resolve(work.publisher, byId)),
      published: firstString(work.datePublished),
    };
    if (original.url || original.publisher) return original;
  }
  const source = nameOf(resolve(node.sourceOrganization, byId));
  if (source && publisher && normaliseName(source) !== normaliseName(publisher)) return { publisher: source };
  return undefined;
}

/** A WebSite or organisation node's name, else a WebPage's string publisher. */
function findWebsiteName(nodes: readonly JsonObject[]): string | undefined {
  for (const node of nodes) if (typesOf(node).some((t) => JSONLD_WEBSITE_TYPES.has(t))) return nameOf(node);
  for (const node of nodes) if (typeof node.publisher === "string") return firstString(node.publisher);
  return undefined;
}

function resolve(value: unknown, byId: Map<string, JsonObject>): JsonObject | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (!isObject(first)) return undefined;
  const id = first["@id"];
  if (typeof id === "string" && Object.keys(first).length === 1) return byId.get(id) ?? first;
  return first;
}

function nameOf(node: JsonObject | undefined): string | undefined {
  if (!node) return undefined;
  return firstString(node.name) ?? firstString(node.legalName) ?? firstString(node.alternateName);
}

function idOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return isObject(value) ? (firstString(value["@id"]) ?? firstString(value.url)) : undefined;
}

function languageOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return isObject(value) ? (firstString(value.alternateName) ?? firstString(value.name)) : undefined;
}

function keywordsOf(value: unknown): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) {
    if (typeof item === "string") {
      for (const keyword of item.split(",")) out.push(keyword); // not push(...): there may be 100,000s
    } else if (isObject(item)) {
      const name = nameOf(item);
      if (name) out.push(name);
    }
  }
  return out.map(clean).filter((k) => k.length > 0);
}

function urlsOf(value: unknown, byId: Map<string, JsonObject>): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) {
    if (typeof item === "string") out.push(item);
    else {
      const node = resolve(item, byId);
      const url = node ? (firstString(node.url) ?? firstString(node.contentUrl)) : undefined;
      if (url) out.push(url);
    }
  }
  return out;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.flat(2) : [value];
}

/** A non-empty string (first of an array), entity-decoded and whitespace-collapsed. */
function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value)
    ? value.find((v) => typeof v === "string" || typeof v === "number")
    : value;
  if (typeof first === "number") return String(first);
  if (typeof first !== "string") return undefined;
  const cleaned = clean(first);
  return cleaned.length > 0 ? cleaned : undefined;
}

function clean(text: string): string {
  return squish(text.includes("&") ? decodeHTML(text) : text);
}
