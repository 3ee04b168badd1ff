/**
 * One iterative pass over the document that gathers every node metadata extraction reads: meta, link and
 * JSON-LD script elements, <title>, headings, <time>, byline and date candidates, media elements and
 * republication notices. Nothing later walks the whole DOM again.
 */
import type { AnyNode, Document, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import {
  ARTICLE_ITEMPROPS,
  ARTICLE_TAGS,
  BLOCK_TAGS,
  BOILERPLATE_CLASS,
  BOILERPLATE_TAGS,
  BYLINE_CLASS,
  BYLINE_CLASS_EXCLUDED,
  DATE_CLASS,
  DATE_CLASS_EXCLUDED,
  EMBED_HOST,
  MAX_BLOCK_CLIMB,
  MAX_CANDIDATES,
  REPUBLICATION_HINT,
} from "./constants.js";
import { getAttr, INVISIBLE_TAGS } from "./dom.js";

export interface MetaEntry {
  key: string;
  content: string;
}

export interface LinkEntry {
  rels: readonly string[];
  element: Element;
}

export interface Candidate {
  element: Element;
  /** Inside <article>, <main> or itemprop=articleBody. */
  inArticle: boolean;
}

export interface MediaEntry {
  type: "video" | "audio" | "embed";
  src: string;
  inArticle: boolean;
}

export interface PageNodes {
  htmlLang?: string;
  metas: MetaEntry[];
  links: LinkEntry[];
  jsonLd: string[];
  title?: Element;
  headings: Candidate[];
  times: Candidate[];
  itemprops: Map<string, Candidate[]>;
  bylines: Candidate[];
  dates: Candidate[];
  media: MediaEntry[];
  notices: Element[];
  hasArticleRegion: boolean;
}

/** Containers whose class lists describe the whole post ("author-jane" on a WordPress <article>). */
const CONTAINER_TAGS = new Set(["html", "body", "article", "main", "section"]);
const IN_ARTICLE = 1;
const IN_BOILERPLATE = 2;
const IN_HEAD = 4;

const JSONLD_TYPE = /^application\/ld\+json$/i;
const WHITESPACE = /\s+/;
/** itemprops kept for microdata fallbacks. */
const ITEMPROPS_KEPT = new Set([
  "headline",
  "name",
  "author",
  "datepublished",
  "datecreated",
  "publisher",
  "inlanguage",
]);

interface Frame {
  node: AnyNode;
  flags: number;
}

/** Gather the metadata-bearing nodes of a document in one pass, in document order. */
export function collectPageNodes(document: Document): PageNodes {
  const page: PageNodes = {
    metas: [],
    links: [],
    jsonLd: [],
    headings: [],
    times: [],
    itemprops: new Map(),
    bylines: [],
    dates: [],
    media: [],
    notices: [],
    hasArticleRegion: false,
  };
  const stack: Frame[] = [];
  pushChildren(stack, document.children, 0);
  while (stack.length > 0) {
    const { node, flags } = stack.pop() as Frame;
    if (isText(node)) {
      if (!(flags & IN_HEAD)) noteTextNode(page, node);
      continue;
    }
    if (!isTag(node)) continue;
    const childFlags = visitElement(page, node, flags);
    if (childFlags !== undefined) pushChildren(stack, node.children, childFlags);
  }
  return page;
}

function pushChildren(stack: Frame[], children: readonly AnyNode[], flags: number): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as AnyNode, flags });
}

/** Record what an element holds; return the flags for its children, or undefined to skip them. */
function visitElement(page: PageNodes, element: Element, flags: number): number | undefined {
  const name = element.name;
  switch (name) {
    case "html":
      page.htmlLang ??= getAttr(element, "lang") ?? getAttr(element, "xml:lang");
      return flags;
    case "head":
      return flags | IN_HEAD;
    case "meta":
      noteMeta(page, element);
      return undefined;
    case "link":
      noteLink(page, element);
      return undefined;
    case "script":
      noteScript(page, element);
      return undefined;
    case "title":
      if (!page.title && !(flags & IN_BOILERPLATE)) page.title = element;
      return undefined;
    default:
      if (INVISIBLE_TAGS.has(name)) return undefined;
  }
  const childFlags = regionFlags(page, element, flags);
  if (!(childFlags & IN_BOILERPLATE)) noteBodyElement(page, element, childFlags);
  return childFlags;
}

function regionFlags(page: PageNodes, element: Element, flags: number): number {
  let result = flags;
  const itemprop = element.attribs.itemprop?.toLowerCase();
  if (ARTICLE_TAGS.has(element.name) || (itemprop !== undefined && ARTICLE_ITEMPROPS.has(itemprop))) {
    result |= IN_ARTICLE;
    page.hasArticleRegion = true;
  }
  if (BOILERPLATE_TAGS.has(element.name)) result |= IN_BOILERPLATE;
  else if (!CONTAINER_TAGS.has(element.name) && BOILERPLATE_CLASS.test(classAndId(element)))
    result |= IN_BOILERPLATE;
  return result;
}

function classAndId(element: Element): string {
  const { class: cls, id } = element.attribs;
  if (cls && id) return `${cls} ${id}`;
  return cls ?? id ?? "";
}

function noteMeta(page: PageNodes, element: Element): void {
  const content = getAttr(element, "content") ?? getAttr(element, "value");
  if (content === undefined) return;
  for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
    const key = getAttr(element, attr);
    if (key) for (const k of key.toLowerCase().split(WHITESPACE)) page.metas.push({ key: k, content });
  }
}

function noteLink(page: PageNodes, element: Element): void {
  const rel = getAttr(element, "rel");
  if (rel && getAttr(element, "href"))
    page.links.push({ rels: rel.toLowerCase().split(WHITESPACE), element });
  const itemprop = getAttr(element, "itemprop");
  if (itemprop) noteMeta(page, element);
}

function noteScript(page: PageNodes, element: Element): void {
  const type = getAttr(element, "type");
  if (!type || !JSONLD_TYPE.test(type)) return;
  const text = element.children.map((child) => (isText(child) ? child.data : "")).join("");
  if (text.trim().length > 0) page.jsonLd.push(text);
}

function pushCapped<T>(list: T[], item: T): void {
  if (list.length < MAX_CANDIDATES) list.push(item);
}

function noteBodyElement(page: PageNodes, element: Element, flags: number): void {
  const candidate: Candidate = { element, inArticle: (flags & IN_ARTICLE) !== 0 };
  const name = element.name;
  if (name === "h1") pushCapped(page.headings, candidate);
  else if (name === "time") pushCapped(page.times, candidate);
  else if (name === "a" && element.attribs.rel) noteAnchorRel(page, element);
  else if (name === "video" || name === "audio" || name === "source" || name === "iframe")
    noteMedia(page, element, candidate);
  const itemprop = element.attribs.itemprop?.toLowerCase();
  if (itemprop) noteItemprop(page, itemprop, candidate);
  const classes = classAndId(element);
  if (classes.length === 0) return;
  if (BYLINE_CLASS.test(classes) && !BYLINE_CLASS_EXCLUDED.test(classes) && !CONTAINER_TAGS.has(name))
    pushCapped(page.bylines, candidate);
  if (DATE_CLASS.test(classes) && !DATE_CLASS_EXCLUDED.test(classes)) pushCapped(page.dates, candidate);
}

function noteAnchorRel(page: PageNodes, element: Element): void {
  const rel = getAttr(element, "rel");
  if (rel) page.links.push({ rels: rel.toLowerCase().split(WHITESPACE), element });
}

function noteItemprop(page: PageNodes, itemprop: string, candidate: Candidate): void {
  for (const prop of itemprop.split(WHITESPACE)) {
    if (!ITEMPROPS_KEPT.has(prop)) continue;
    const list = page.itemprops.get(prop) ?? [];
    pushCapped(list, candidate);
    page.itemprops.set(prop, list);
  }
}

function noteMedia(page: PageNodes, element: Element, candidate: Candidate): void {
  const src = getAttr(element, "src") ?? getAttr(element, "data-src");
  if (!src) return;
  let type: MediaEntry["type"] | undefined;
  if (element.name === "iframe") type = EMBED_HOST.test(src) ? "embed" : undefined;
  else if (element.name === "source") {
    const parent = element.parent && isTag(element.parent) ? element.parent.name : "";
    type = parent === "video" ? "video" : parent === "audio" ? "audio" : undefined;
  } else type = element.name === "video" ? "video" : "audio";
  if (type && page.media.length < MAX_CANDIDATES)
    page.media.push({ type, src, inArticle: candidate.inArticle });
}

function noteTextNode(page: PageNodes, node: AnyNode & { data: string }): void {
  if (page.notices.length >= MAX_CANDIDATES || !REPUBLICATION_HINT.test(node.data)) return;
  const block = closestBlock(node);
  if (block && !page.notices.includes(block)) page.notices.push(block);
}

function closestBlock(node: AnyNode): Element | undefined {
  let current = node.parent;
  for (let steps = 0; current && steps < MAX_BLOCK_CLIMB; steps++) {
    if (isTag(current) && BLOCK_TAGS.has(current.name)) return current;
    current = current.parent;
  }
  return node.parent && isTag(node.parent) ? node.parent : undefined;
}
