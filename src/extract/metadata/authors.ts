/**
 * Authors: JSON-LD persons, then author meta names, microdata, rel=author links and byline elements, each
 * split into clean names (byline.ts); the site's own name is never an author.
 */
import type { Original } from "../../core/article.js";
import { mergeNames, parseByline } from "./byline.js";
import type { Candidate, PageNodes } from "./collect.js";
import { MAX_BYLINE_CHARS, MAX_SITE_SUFFIX_WORDS, METANAME_AUTHOR } from "./constants.js";
import { type Context, metaValues, orderByArticle } from "./context.js";
import { boundedText, getAttr } from "./dom.js";
import { isSiteName, stripSiteSuffix } from "./site.js";

/**
 * Authors from the strongest source that names anyone. Names that are the site itself ("CBS News" on
 * cbsnews.com) or the original publisher are dropped; JSON-LD organisation authors are the last resort.
 */
export function findAuthors(ctx: Context, original: Original | undefined): string[] | undefined {
  const organisations = original?.publisher ? [...ctx.siteNames, original.publisher] : ctx.siteNames;
  const sources: (() => string[])[] = [
    () => mergeNames(ctx.ld.authors.map((a) => parseByline(a))),
    () => mergeNames(metaValues(ctx.metas, METANAME_AUTHOR).map((a) => parseByline(a))),
    () => namesFromElements(ctx.page.itemprops.get("author") ?? []),
    () => namesFromElements(authorLinks(ctx.page)),
    () => namesFromElements(orderByArticle(ctx.page.bylines)),
  ];
  for (const source of sources) {
    const names = source();
    if (names.length === 0) continue;
    const people = mergeNames([
      names
        .map((n) => stripSiteSuffix(n, organisations, MAX_SITE_SUFFIX_WORDS))
        .filter((n) => !isSiteName(n, organisations)),
    ]);
    if (people.length > 0) return people;
  }
  const organisationAuthors = mergeNames(ctx.ld.organisationAuthors.map((a) => parseByline(a)));
  return organisationAuthors.length > 0 ? organisationAuthors : undefined;
}

function authorLinks(page: PageNodes): Candidate[] {
  return page.links
    .filter((link) => link.element.name === "a" && link.rels.includes("author"))
    .map((link) => ({ element: link.element, inArticle: false }));
}

/** Names from the first element whose text reads as a byline. */
function namesFromElements(candidates: readonly Candidate[]): string[] {
  for (const { element } of candidates) {
    const text = getAttr(element, "content") ?? boundedText(element, MAX_BYLINE_CHARS);
    if (text === undefined) continue;
    const names = parseByline(text);
    if (names.length > 0) return names;
  }
  return [];
}
