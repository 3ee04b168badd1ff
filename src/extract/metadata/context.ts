/**
 * What every field resolver reads: the collected page nodes, meta values by name, JSON-LD facts, the page
 * URL and the site's names.
 */

import type { Candidate, PageNodes } from "./collect.js";
import { MAX_META_VALUES } from "./constants.js";
import { getAttr, squish } from "./dom.js";
import type { JsonLdFacts } from "./json-ld.js";

export type MetaMap = ReadonlyMap<string, readonly string[]>;

export interface Context {
  page: PageNodes;
  metas: MetaMap;
  ld: JsonLdFacts;
  /** The page URL used as base: canonical, else options.url. */
  base?: string;
  /** The URL the caller gave. */
  given?: string;
  /** Names the site goes by (publisher, host, host label); filled once the publisher is known. */
  siteNames: string[];
}

/** Meta values by name, the first MAX_META_VALUES of each (a page of thousands of og:title metas made title
 * choice, which compares every candidate with every other, quadratic). */
export function groupMetas(page: PageNodes): MetaMap {
  const metas = new Map<string, string[]>();
  for (const { key, content } of page.metas) {
    const list = metas.get(key);
    if (!list) metas.set(key, [content]);
    else if (list.length < MAX_META_VALUES) list.push(content);
  }
  return metas;
}

/** All values of the given meta names, in the order of the names. */
export function metaValues(metas: MetaMap, names: readonly string[]): string[] {
  return names.flatMap((name) => metas.get(name) ?? []);
}

export function firstMeta(metas: MetaMap, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = metas.get(name)?.[0];
    if (value) return squish(value);
  }
  return undefined;
}

export function linkHrefs(page: PageNodes, rel: (r: string) => boolean): string[] {
  return page.links
    .filter((link) => link.rels.some(rel))
    .map((link) => getAttr(link.element, "href"))
    .filter((href): href is string => href !== undefined);
}

/** First candidate inside the article region when the page marks one, else the first candidate. */
export function pickInArticle(page: PageNodes, candidates: readonly Candidate[]): Candidate | undefined {
  return (page.hasArticleRegion ? candidates.find((c) => c.inArticle) : undefined) ?? candidates[0];
}

/** Candidates inside the article region first, in document order otherwise. */
export function orderByArticle(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates.filter((c) => c.inArticle), ...candidates.filter((c) => !c.inArticle)];
}
