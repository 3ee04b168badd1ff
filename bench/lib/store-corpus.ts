/**
 * Inputs for `npm run bench:store`: the extraction-benchmark pages repeated into distinct articles, and
 * synthetic analysis records for a large event table. Everything is seeded, so runs are comparable.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { AnalysisRecord } from "../../src/analyze/index.js";
import type { EventRecord } from "../../src/core/events.js";
import { CORPUS_DIR, GROUND_TRUTH_FILE } from "./corpus.js";

/** A benchmark page as raw (gunzipped, undecoded) bytes: ingest decodes it like any file. */
export interface RawPage {
  id: string;
  bytes: Buffer;
}

/** One distinct copy of a page: its own URL, and a comment that changes the content hash, not the analysis. */
export interface PageCopy {
  name: string;
  url: string;
  bytes: Buffer;
}

/** Host of the invented copy URLs (`.invalid` is reserved: it never resolves). */
export const COPY_URL_BASE = "https://example.invalid";

/** The synthetic event dates are spread uniformly over these days (inclusive). */
export const SYNTHETIC_FIRST_DAY = "2023-01-01";
export const SYNTHETIC_DAYS = 3 * 365;
/** Synthetic event coordinates: the source event's place, moved by up to this many degrees each way. */
export const SYNTHETIC_JITTER_DEG = 1;

const DAY_MS = 86_400_000;

export function loadRawPages(): RawPage[] {
  const ids = Object.keys(
    JSON.parse(readFileSync(GROUND_TRUTH_FILE, "utf8")) as Record<string, unknown>,
  ).sort();
  return ids.map((id) => ({
    id,
    bytes: gunzipSync(readFileSync(join(CORPUS_DIR, "html", `${id}.html.gz`))),
  }));
}

/** Copy number `copy` of a page: the bytes with a trailing comment, under `https://example.invalid/<id>/<copy>`. */
export function copyPage(page: RawPage, copy: number): PageCopy {
  const url = `${COPY_URL_BASE}/${page.id}/${copy}`;
  return {
    name: url,
    url,
    bytes: Buffer.concat([page.bytes, Buffer.from(`\n<!-- sitrep bench:store copy ${copy} -->\n`)]),
  };
}

/** Article number `i` (0-based) of a run: the pages in order, then again with the next copy number. */
export function nthCopy(pages: readonly RawPage[], i: number): PageCopy {
  return copyPage(pages[i % pages.length] as RawPage, Math.floor(i / pages.length));
}

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The ISO date `days` after SYNTHETIC_FIRST_DAY. */
export function syntheticDay(days: number): string {
  return new Date(Date.parse(SYNTHETIC_FIRST_DAY) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Records that have at least one event with coordinates: the templates of the synthetic records. */
export function locatedTemplates(records: readonly AnalysisRecord[]): AnalysisRecord[] {
  return records.filter((r) => r.events.some(hasCoordinates));
}

export function hasCoordinates(e: EventRecord): boolean {
  return e.location !== null && e.location.lat !== null && e.location.lon !== null;
}

/**
 * Synthetic record number `i`: a template record (cycled) carrying `eventsPerRecord` events made from its
 * located events, each with its own id, a date spread over SYNTHETIC_DAYS and coordinates jittered by up to
 * SYNTHETIC_JITTER_DEG. Places, actors and text stay the template's, so every stored column is realistic.
 */
export function syntheticRecord(
  templates: readonly AnalysisRecord[],
  i: number,
  eventsPerRecord: number,
  random: () => number,
): AnalysisRecord {
  const template = templates[i % templates.length] as AnalysisRecord;
  const located = template.events.filter(hasCoordinates);
  const events: EventRecord[] = [];
  for (let k = 0; k < eventsPerRecord; k++) {
    const base = located[k % located.length] as EventRecord;
    const location = base.location as NonNullable<EventRecord["location"]>;
    const day = Math.floor(random() * SYNTHETIC_DAYS);
    const span = random() < 0.8 ? 0 : 1 + Math.floor(random() * 3);
    events.push({
      ...base,
      id: `${base.id}-s${k}`,
      location: {
        ...location,
        lat: clamp((location.lat as number) + jitter(random), -90, 90),
        lon: clamp((location.lon as number) + jitter(random), -180, 180),
      },
      date: {
        start: syntheticDay(day),
        end: syntheticDay(day + span),
        precision: "day",
        text: base.date?.text ?? null,
      },
    });
  }
  return { ...template, input: `${COPY_URL_BASE}/synthetic/${i}`, events };
}

function jitter(random: () => number): number {
  return (random() * 2 - 1) * SYNTHETIC_JITTER_DEG;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** The q-quantile (0..1) of the values, by nearest rank; NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}
