/**
 * Main-text extraction from a parsed HTML page.
 *
 * `extractMainText` reads as the workflow (the path taken is recorded in `MainText.path`):
 *   1. measure the page once with hard removals only (scripts, hidden elements, nav/aside, furniture roles);
 *   2. "main-scoring": also strip class/id boilerplate, score paragraphs, choose the container, join its
 *      siblings, emit its paragraphs with in-body filtering;
 *   3. "retry:keep-classes" when that gives under MIN_ARTICLE_CHARS: no class/id stripping before scoring
 *      (a wrapper with an unlucky class such as "has-comments" can hide the article);
 *   4. "fallback:longest-attempt" when every attempt is short but one found text;
 *      "fallback:page-paragraphs" when no container was found at all: the page's paragraphs outside furniture;
 *      "none:no-article" (with an extract/no-article error) when even that is empty;
 *   5. list what was removed around the body, merged by container.
 */
import type { Document, Element } from "domhandler";
import type { Diagnostic } from "../../core/diagnostics.js";
import { type BodyOutput, emitBody } from "./blocks.js";
import { chooseTop, joinSiblings, joinTwinSections, scoreCandidates } from "./candidates.js";
import { BOILERPLATE_TEXT_CAP, MAX_BOILERPLATE_ENTRIES, MIN_ARTICLE_CHARS } from "./constants.js";
import { cappedText, findFirst, isElement } from "./dom.js";
import type { MainText } from "./index.js";
import { NON_CONTENT_TAGS } from "./patterns.js";
import { classRemoval, insideRemoval } from "./removal.js";
import { listOutside } from "./removed-list.js";
import { hardRemoval, type Removal } from "./signals.js";
import { computeStats, type StatsTable } from "./stats.js";

const STAGE = "extract";

export interface MainTextOptions {
  /** The page URL (not used by the scoring; kept for provenance and future hints). */
  url?: string;
  /** The page title from metadata; headings that repeat it are not body. Defaults to <title>. */
  title?: string;
}

interface Attempt {
  name: string;
  body: BodyOutput;
  chars: number;
  /** The body's root elements (the top candidate and its joined siblings); empty when none. */
  roots: Element[];
}

interface Page {
  html: string;
  title: string | undefined;
  /** <body>, or the document when there is none. */
  root: Element | Document;
  /** Stats with hard removals only (used to judge sizes). */
  base: StatsTable;
  pageChars: number;
  hardRemovals: Map<Element, Removal>;
}

export function extractMainText(document: Document, html: string, options: MainTextOptions = {}): MainText {
  // 1. Measure.
  const page = measurePage(document, html, options.title);
  // 2. Strict attempt.
  const strict = runAttempt(page, true);
  if (strict.chars >= MIN_ARTICLE_CHARS) return finish(page, strict, strict.name, []);
  // 3. Retry without class/id stripping.
  const lenient = runAttempt(page, false);
  if (lenient.chars >= MIN_ARTICLE_CHARS)
    return finish(page, lenient, lenient.name, [
      fallbackDiagnostic("strict scoring found too little text; retried without class/id stripping"),
    ]);
  // 4. Fallbacks.
  const longest = lenient.chars > strict.chars ? lenient : strict;
  if (longest.chars > 0)
    return finish(page, longest, `fallback:longest-attempt(${longest.name})`, [
      fallbackDiagnostic(`every scoring attempt gave under ${MIN_ARTICLE_CHARS} chars; kept the longest`),
    ]);
  const paragraphs = pageParagraphs(page);
  if (paragraphs.chars > 0)
    return finish(page, paragraphs, "fallback:page-paragraphs", [
      fallbackDiagnostic("no article container found; kept the page's paragraphs outside furniture"),
    ]);
  return finish(page, paragraphs, "none:no-article", [
    { code: "extract/no-article", severity: "error", stage: STAGE, message: "no article body found" },
  ]);
}

function fallbackDiagnostic(message: string): Diagnostic {
  return { code: "extract/fallback", severity: "warning", stage: STAGE, message };
}

function measurePage(document: Document, html: string, title: string | undefined): Page {
  const hardRemovals = new Map<Element, Removal>();
  const base = computeStats(document, (el) => {
    const removal = hardRemoval(el);
    if (removal) hardRemovals.set(el, removal);
    return removal !== null;
  });
  const body = findFirst(document, "body");
  let pageChars = 0;
  for (const child of (body ?? document).children)
    if (isElement(child)) pageChars += base.stats.get(child)?.chars ?? 0;
  return {
    html,
    title: title ?? documentTitle(document),
    root: body ?? document,
    base,
    pageChars,
    hardRemovals,
  };
}

function documentTitle(document: Document): string | undefined {
  const title = findFirst(document, "title");
  const text = title ? cappedText(title, BOILERPLATE_TEXT_CAP, NON_CONTENT_TAGS) : "";
  return text.length > 0 ? text : undefined;
}

/** One scoring attempt: (optionally) strip class/id boilerplate, score, choose, join siblings, emit. */
function runAttempt(page: Page, stripClasses: boolean): Attempt {
  const name = stripClasses ? "main-scoring" : "retry:keep-classes";
  const removals = new Map(page.hardRemovals);
  const table = stripClasses
    ? computeStats(page.root, (el) => {
        const removal = page.hardRemovals.get(el) ?? classRemoval(el, page.base, page.pageChars, "page");
        if (removal) removals.set(el, removal);
        return removal !== null;
      })
    : page.base;
  const scores = scoreCandidates(table);
  const top = chooseTop(scores);
  if (!top) return { name, body: { paragraphs: [], boilerplate: [] }, chars: 0, roots: [] };
  const siblings = joinSiblings(top.el, top.score, scores, table);
  const roots = joinTwinSections(siblings, top, scores);
  const containerChars = roots.reduce((n, el) => n + (table.stats.get(el)?.chars ?? 0), 0);
  const remove = (el: Element): Removal | null =>
    removals.get(el) ?? insideRemoval(el, table, containerChars);
  return emitAttempt(name, roots, page, remove);
}

/** Last resort: the paragraphs of the whole page outside furniture, in document order. */
function pageParagraphs(page: Page): Attempt {
  const roots = page.root.type === "root" ? page.root.children.filter(isElement) : [page.root as Element];
  const remove = (el: Element): Removal | null =>
    page.hardRemovals.get(el) ?? insideRemoval(el, page.base, page.pageChars);
  return emitAttempt("page-paragraphs", roots, page, remove);
}

function emitAttempt(
  name: string,
  roots: Element[],
  page: Page,
  remove: (el: Element) => Removal | null,
): Attempt {
  const body = emitBody(roots, page.html, remove, page.title);
  const chars = body.paragraphs.reduce((n, b) => n + b.text.length, 0);
  return { name, body, chars, roots };
}

function finish(page: Page, attempt: Attempt, path: string, diagnostics: Diagnostic[]): MainText {
  const inside = attempt.body.boilerplate.slice(0, MAX_BOILERPLATE_ENTRIES);
  const roots = attempt.chars > 0 ? attempt.roots : [];
  const outside = listOutside(roots, page.base, page.hardRemovals, MAX_BOILERPLATE_ENTRIES - inside.length);
  return {
    paragraphs: attempt.chars > 0 ? attempt.body.paragraphs : [],
    boilerplate: [...inside, ...outside],
    diagnostics,
    path,
  };
}
