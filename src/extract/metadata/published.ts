/**
 * The publication date, never a modified one: JSON-LD datePublished, published-time meta names, microdata,
 * <time> in the article, then visible dates in date-classed elements and bylines.
 */
import type { AnyNode } from "domhandler";
import { isTag } from "domhandler";
import type { Candidate, PageNodes } from "./collect.js";
import { MAX_DATE_TEXT_CHARS, METANAME_PUBLISHED } from "./constants.js";
import { type Context, metaValues, orderByArticle } from "./context.js";
import { parseDate } from "./dates.js";
import { boundedText, getAttr } from "./dom.js";

const MODIFIED_MARK = /updat|modif/i;
const PUBLISHED_MARK = /publish/i;
/** Attributes that carry a machine-readable date on time, meta, input and data elements. */
const DATE_ATTRIBUTES = [
  "datetime",
  "content",
  "value",
  "data-timestamp",
  "data-datetime",
  "data-date",
] as const;

export function findPublished(ctx: Context): string | undefined {
  const { page } = ctx;
  const fromData =
    parseDate(ctx.ld.published) ??
    firstParsed(metaValues(ctx.metas, METANAME_PUBLISHED), true) ??
    dateFromElements(page.itemprops.get("datepublished") ?? []) ??
    dateFromElements(timesInArticle(page)) ??
    dateFromElements(page.itemprops.get("datecreated") ?? []);
  return (
    fromData ?? dateFromElements(orderByArticle(page.dates)) ?? dateFromElements(orderByArticle(page.bylines))
  );
}

function firstParsed(values: readonly string[], epoch: boolean): string | undefined {
  for (const value of values) {
    const date = parseDate(value, { epoch });
    if (date) return date;
  }
  return undefined;
}

function timesInArticle(page: PageNodes): Candidate[] {
  const times = page.hasArticleRegion ? page.times.filter((t) => t.inArticle) : page.times;
  return times.filter(({ element }) => !isModifiedMarked(element) && !isModifiedMarked(element.parent));
}

/** class/itemprop say "updated"/"modified" and not also "published" ("entry-published updated" is published). */
function isModifiedMarked(node: AnyNode | null): boolean {
  if (!node || !isTag(node)) return false;
  const marks = `${node.attribs.class ?? ""} ${node.attribs.itemprop ?? ""}`;
  return MODIFIED_MARK.test(marks) && !PUBLISHED_MARK.test(marks);
}

function dateFromElements(candidates: readonly Candidate[]): string | undefined {
  for (const { element } of candidates) {
    if (isModifiedMarked(element)) continue;
    const attribute = DATE_ATTRIBUTES.map((name) => getAttr(element, name)).find((v) => v !== undefined);
    const date =
      parseDate(attribute, { epoch: true }) ?? parseDate(boundedText(element, MAX_DATE_TEXT_CHARS));
    if (date) return date;
  }
  return undefined;
}
