/**
 * Inputs for `npm run bench:scale`: the extraction-benchmark pages repeated into N distinct articles (as
 * bench:store does, through store-corpus.ts), and the map-view queries over a large event table.
 *
 * bench:store gives each copy its own canonical URL by passing it to `putAnalysis` itself. Here articles go
 * through the real paths (a queue job, a worker, `putAnalysis` with the URL the pipeline found), and a page's
 * own canonical URL would win over the copy's, making every copy a revision of one article. So each copy's
 * HTML has the page's own URL (as the pipeline finds it, and its JSON-escaped form) replaced by the copy's URL:
 * every copy is its own article, with the same analysis otherwise.
 */
import type { AnalysisRecord } from "../../src/analyze/index.js";
import type { SourceDocument } from "../../src/core/doc.js";
import { decodeBytes } from "../../src/ingest/index.js";
import type { EventFilter } from "../../src/store/index.js";
import { analyzeOutcome } from "../../src/workers/analyze-outcome.js";
import { COPY_URL_BASE, nthCopy, pick, type RawPage, SYNTHETIC_DAYS, syntheticDay } from "./store-corpus.js";

/** The map view's query shape, as bench:store measures it: a box of a few degrees, 30 days, a type half the time. */
export const MAP_QUERY = {
  bboxHalfMinDeg: 1.5,
  bboxHalfMaxDeg: 3,
  days: 30,
  typeShare: 0.5,
} as const;

/** What the one in-process pass over the pages gives: each page's own URL, and its record. */
export interface PageFacts {
  /** The URL the pipeline finds in the page (canonical link, og:url, JSON-LD), or null. */
  ownUrl: Map<string, string | null>;
  /** The records of the pages that analysed (templates of the synthetic events). */
  records: AnalysisRecord[];
}

/** Analyse every page once on this thread (also the warm-up of the parent process). */
export function pageFacts(pages: readonly RawPage[]): PageFacts {
  const ownUrl = new Map<string, string | null>();
  const records: AnalysisRecord[] = [];
  const probe = `${COPY_URL_BASE}/probe`;
  for (const page of pages) {
    const decoded = decodeBytes(page.bytes);
    const outcome = analyzeOutcome({ name: page.id, format: "html", content: decoded.text, url: probe });
    if (!outcome.ok) {
      ownUrl.set(page.id, null);
      continue;
    }
    records.push(outcome.record);
    const found = outcome.record.article.url;
    ownUrl.set(page.id, found && found !== probe ? found : null);
  }
  return { ownUrl, records };
}

/** Article number `i` of a run: copy `⌊i / pages⌋` of page `i mod pages`, decoded, under its own URL. */
export function distinctCopy(
  pages: readonly RawPage[],
  ownUrl: ReadonlyMap<string, string | null>,
  i: number,
): SourceDocument {
  const page = pages[i % pages.length] as RawPage;
  const copy = nthCopy(pages, i);
  const decoded = decodeBytes(copy.bytes);
  let content = decoded.text;
  const own = ownUrl.get(page.id);
  if (own) for (const form of [own, own.replaceAll("/", "\\/")]) content = content.split(form).join(copy.url);
  return { name: copy.name, format: "html", content, url: copy.url, encoding: decoded.encoding };
}

/** `count` map-view filters around the given event positions, with the given event types. */
export function mapFilters(
  centres: readonly (readonly [number, number])[],
  types: readonly string[],
  count: number,
  random: () => number,
): EventFilter[] {
  const filters: EventFilter[] = [];
  for (let q = 0; q < count; q++) {
    const [lon, lat] = pick(centres, random);
    const half = MAP_QUERY.bboxHalfMinDeg + random() * (MAP_QUERY.bboxHalfMaxDeg - MAP_QUERY.bboxHalfMinDeg);
    const day = Math.floor(random() * (SYNTHETIC_DAYS - MAP_QUERY.days));
    filters.push({
      bbox: [lon - half, lat - half, lon + half, lat + half],
      from: syntheticDay(day),
      to: syntheticDay(day + MAP_QUERY.days - 1),
      ...(random() < MAP_QUERY.typeShare ? { type: pick(types, random) } : {}),
    });
  }
  return filters;
}
