/**
 * Near-duplicate articles: crossposts, republications, syndicated wire copies and lightly edited versions.
 *
 * 1. `sketch(text)`: the text is cut into word tokens (Unicode letters and digits, lower-cased; Chinese and
 *    Japanese characters count one token each), the tokens into overlapping SHINGLE_SIZE-word shingles, and
 *    each shingle is hashed twice with MurmurHash3 (a 64-bit key in two 32-bit halves). NUM_PERMUTATIONS seeded
 *    hash functions over that key give the MinHash signature; the number of distinct shingles is kept too.
 * 2. `NearDuplicateIndex`: signatures are split into LSH_BANDS bands; texts sharing a band are candidates,
 *    and each candidate is scored on its whole signature (Jaccard estimate, and overlap derived from it).
 * 3. `chooseOriginal(a, b)`: which of two near-duplicates is the original — what a page says about its
 *    original first, then the earlier publication date.
 *
 * Everything is deterministic: the hash functions are drawn from a fixed seed at module load.
 */
import { SitrepError } from "../core/diagnostics.js";
import {
  DUPLICATE_MEASURE,
  DUPLICATE_THRESHOLD,
  type DuplicateMeasure,
  LSH_BANDS,
  MAX_SIGNATURE_TOKENS,
  MIN_OVERLAP_SIZE_RATIO,
  MINHASH_SEED,
  NUM_PERMUTATIONS,
  SHINGLE_HASH_SEEDS,
  SHINGLE_SIZE,
  TOKEN_HASH_SEED,
} from "./constants.js";

export type { DuplicateMeasure } from "./constants.js";

/** A signature slot no shingle reached (the signature of an empty text is all EMPTY_SLOT). */
const EMPTY_SLOT = 0xffffffff;

/** One token: a single Han/Hiragana/Katakana character, or a run of other letters, digits and underscores. */
const TOKEN =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}_])+/gu;

// ---------------------------------------------------------------------------------------------------------
// Hashing

/** MurmurHash3's 32-bit finaliser. */
function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixBlock(h: number, block: number): number {
  let k = Math.imul(block, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3 x86_32 of a string's UTF-16 code units (two code units per 32-bit block). */
export function murmur3(text: string, seed: number): number {
  let h = seed | 0;
  const pairs = text.length >>> 1;
  for (let i = 0; i < pairs; i++) {
    h = mixBlock(h, text.charCodeAt(2 * i) | (text.charCodeAt(2 * i + 1) << 16));
  }
  if (text.length & 1) {
    let k = Math.imul(text.charCodeAt(text.length - 1), C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ (text.length * 2));
}

/** MurmurHash3 x86_32 over `count` 32-bit blocks (token hashes) starting at `start`. */
function hashBlocks(blocks: Uint32Array, start: number, count: number, seed: number): number {
  let h = seed | 0;
  for (let i = start; i < start + count; i++) h = mixBlock(h, blocks[i] as number);
  return fmix32(h ^ (count * 4));
}

/** mulberry32: a small seeded generator, used only to draw the permutation hash functions. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Permutation i maps a shingle key (h1, h2) to fmix32(A[i]·h1 + B[i]·h2 + C[i]); A and B are odd. */
const PERMUTATIONS = (() => {
  const next = seededRandom(MINHASH_SEED);
  const a = new Int32Array(NUM_PERMUTATIONS);
  const b = new Int32Array(NUM_PERMUTATIONS);
  const c = new Int32Array(NUM_PERMUTATIONS);
  for (let i = 0; i < NUM_PERMUTATIONS; i++) {
    a[i] = next() | 1;
    b[i] = next() | 1;
    c[i] = next();
  }
  return { a, b, c };
})();

// ---------------------------------------------------------------------------------------------------------
// Signatures

/** A text's MinHash signature and its number of distinct shingles (needed for the overlap measure). */
export interface Sketch {
  readonly signature: Uint32Array;
  readonly shingles: number;
  /** Words per shingle it was made with; only sketches with the same size compare. */
  readonly shingleSize: number;
}

export interface SketchOptions {
  /** Words per shingle (default SHINGLE_SIZE). */
  shingleSize?: number;
}

/** Token hashes of the first MAX_SIGNATURE_TOKENS tokens (NFKC, lower-cased). */
function tokenHashes(text: string): Uint32Array {
  const hashes: number[] = [];
  const normalized = text.normalize("NFKC").toLowerCase();
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(normalized); match !== null; match = TOKEN.exec(normalized)) {
    hashes.push(murmur3(match[0], TOKEN_HASH_SEED));
    if (hashes.length >= MAX_SIGNATURE_TOKENS) break;
  }
  return Uint32Array.from(hashes);
}

/** The MinHash sketch of a text. A text shorter than SHINGLE_SIZE words is one shorter shingle; empty, none. */
export function sketch(text: string, options: SketchOptions = {}): Sketch {
  const shingleSize = options.shingleSize ?? SHINGLE_SIZE;
  if (!Number.isInteger(shingleSize) || shingleSize < 1) {
    throw new SitrepError("usage", `shingleSize must be a positive integer; got ${shingleSize}`);
  }
  const signature = new Uint32Array(NUM_PERMUTATIONS).fill(EMPTY_SLOT);
  const tokens = tokenHashes(text);
  if (tokens.length === 0) return { signature, shingles: 0, shingleSize };
  const width = Math.min(shingleSize, tokens.length);
  const [seed1, seed2] = SHINGLE_HASH_SEEDS;
  const seen = new Set<number>();
  const { a, b, c } = PERMUTATIONS;
  for (let start = 0; start + width <= tokens.length; start++) {
    const h1 = hashBlocks(tokens, start, width, seed1);
    const h2 = hashBlocks(tokens, start, width, seed2);
    // A repeated shingle cannot lower any slot; the 32-bit h1 alone is a good enough identity for this.
    const key = h1 ^ Math.imul(h2, 0x9e3779b1);
    if (seen.has(key)) continue;
    seen.add(key);
    for (let i = 0; i < NUM_PERMUTATIONS; i++) {
      const value = fmix32(
        (Math.imul(a[i] as number, h1) + Math.imul(b[i] as number, h2) + (c[i] as number)) | 0,
      );
      if (value < (signature[i] as number)) signature[i] = value;
    }
  }
  return { signature, shingles: seen.size, shingleSize };
}

/** The MinHash signature of a text (NUM_PERMUTATIONS unsigned 32-bit slots). */
export function signature(text: string, options: SketchOptions = {}): Uint32Array {
  return sketch(text, options).signature;
}

/** Jaccard estimate: the share of slots two signatures agree on (0 when either text had no shingles). */
export function estimateJaccard(x: Uint32Array, y: Uint32Array): number {
  if (x.length !== y.length) {
    throw new SitrepError("usage", `signatures differ in length (${x.length} vs ${y.length})`);
  }
  let equal = 0;
  for (let i = 0; i < x.length; i++) {
    const value = x[i] as number;
    if (value === y[i] && value !== EMPTY_SLOT) equal++;
  }
  return x.length === 0 ? 0 : equal / x.length;
}

/** Both measures for two sketches. Overlap = |A∩B| / min(|A|,|B|), with |A∩B| = J(|A|+|B|)/(1+J). */
export function compareSketches(x: Sketch, y: Sketch): { jaccard: number; overlap: number } {
  if (x.shingleSize !== y.shingleSize) {
    throw new SitrepError("usage", `sketches differ in shingle size (${x.shingleSize} vs ${y.shingleSize})`);
  }
  const jaccard = estimateJaccard(x.signature, y.signature);
  const smaller = Math.min(x.shingles, y.shingles);
  const larger = Math.max(x.shingles, y.shingles);
  if (smaller === 0 || jaccard === 0) return { jaccard, overlap: 0 };
  if (smaller / larger < MIN_OVERLAP_SIZE_RATIO) return { jaccard, overlap: jaccard };
  const intersection = (jaccard * (x.shingles + y.shingles)) / (1 + jaccard);
  return { jaccard, overlap: Math.min(1, intersection / smaller) };
}

function score(measures: { jaccard: number; overlap: number }, measure: DuplicateMeasure): number {
  return measure === "jaccard" ? measures.jaccard : Math.max(measures.overlap, measures.jaccard);
}

// ---------------------------------------------------------------------------------------------------------
// Index

export interface NearDuplicateOptions extends SketchOptions {
  /** Pairs scoring at least this are near-duplicates (default DUPLICATE_THRESHOLD). */
  threshold?: number;
  /** Which score the threshold applies to (default DUPLICATE_MEASURE). */
  measure?: DuplicateMeasure;
  /** LSH bands; must divide NUM_PERMUTATIONS (default LSH_BANDS). */
  bands?: number;
}

export interface NearDuplicateMatch {
  id: string;
  /** The score on the index's measure, in [0, 1]. */
  similarity: number;
  jaccard: number;
  overlap: number;
}

export interface NearDuplicatePair {
  a: string;
  b: string;
  similarity: number;
  jaccard: number;
  overlap: number;
}

/** MinHash + LSH index of texts by id. `query` and `pairs` return matches best first. */
export class NearDuplicateIndex {
  readonly threshold: number;
  readonly measure: DuplicateMeasure;
  readonly bands: number;
  readonly shingleSize: number;
  private readonly rows: number;
  private readonly ids: string[] = [];
  private readonly sketches: Sketch[] = [];
  private readonly positions = new Map<string, number>();
  /** One bucket map per band: band hash → positions of the texts in it. */
  private readonly buckets: Map<number, number[]>[];

  constructor(options: NearDuplicateOptions = {}) {
    this.threshold = options.threshold ?? DUPLICATE_THRESHOLD;
    this.measure = options.measure ?? DUPLICATE_MEASURE;
    this.bands = options.bands ?? LSH_BANDS;
    this.shingleSize = options.shingleSize ?? SHINGLE_SIZE;
    if (!Number.isInteger(this.bands) || this.bands < 1 || NUM_PERMUTATIONS % this.bands !== 0) {
      throw new SitrepError("usage", `bands must divide ${NUM_PERMUTATIONS}; got ${this.bands}`);
    }
    if (!(this.threshold >= 0 && this.threshold <= 1)) {
      throw new SitrepError("usage", `threshold must be in [0, 1]; got ${this.threshold}`);
    }
    this.rows = NUM_PERMUTATIONS / this.bands;
    this.buckets = Array.from({ length: this.bands }, () => new Map<number, number[]>());
  }

  get size(): number {
    return this.ids.length;
  }

  /** Index a text (or a sketch made earlier). An id may be added once. */
  add(id: string, text: string | Sketch): void {
    if (this.positions.has(id)) throw new SitrepError("usage", `id "${id}" is already in the index`);
    const entry = this.toSketch(text);
    const position = this.ids.length;
    this.ids.push(id);
    this.sketches.push(entry);
    this.positions.set(id, position);
    if (entry.shingles === 0) return; // an empty text is a duplicate of nothing
    this.bandKeys(entry.signature).forEach((key, band) => {
      const bucket = this.buckets[band] as Map<number, number[]>;
      const members = bucket.get(key);
      if (members) members.push(position);
      else bucket.set(key, [position]);
    });
  }

  /** Indexed texts that are near-duplicates of `text`, best first. */
  query(text: string | Sketch): NearDuplicateMatch[] {
    const probe = this.toSketch(text);
    if (probe.shingles === 0) return [];
    const candidates = new Set<number>();
    this.bandKeys(probe.signature).forEach((key, band) => {
      for (const position of this.buckets[band]?.get(key) ?? []) candidates.add(position);
    });
    const matches: NearDuplicateMatch[] = [];
    for (const position of candidates) {
      const measures = compareSketches(probe, this.sketches[position] as Sketch);
      const similarity = score(measures, this.measure);
      if (similarity >= this.threshold)
        matches.push({ id: this.ids[position] as string, similarity, ...measures });
    }
    return matches.sort((x, y) => y.similarity - x.similarity || x.id.localeCompare(y.id));
  }

  /** All near-duplicate pairs among the indexed texts (a added before b), best first. */
  pairs(threshold = this.threshold): NearDuplicatePair[] {
    const seen = new Set<number>();
    const count = this.ids.length;
    const out: NearDuplicatePair[] = [];
    for (const bucket of this.buckets) {
      for (const members of bucket.values()) {
        for (let i = 0; i < members.length; i++) {
          for (let j = i + 1; j < members.length; j++) {
            const x = members[i] as number;
            const y = members[j] as number;
            const key = x * count + y;
            if (seen.has(key)) continue;
            seen.add(key);
            const measures = compareSketches(this.sketches[x] as Sketch, this.sketches[y] as Sketch);
            const similarity = score(measures, this.measure);
            if (similarity >= threshold) {
              out.push({ a: this.ids[x] as string, b: this.ids[y] as string, similarity, ...measures });
            }
          }
        }
      }
    }
    return out.sort(
      (p, q) => q.similarity - p.similarity || p.a.localeCompare(q.a) || p.b.localeCompare(q.b),
    );
  }

  private toSketch(text: string | Sketch): Sketch {
    if (typeof text === "string") return sketch(text, { shingleSize: this.shingleSize });
    if (text.shingleSize !== this.shingleSize) {
      throw new SitrepError(
        "usage",
        `sketch of ${text.shingleSize}-word shingles given to a ${this.shingleSize}-word index`,
      );
    }
    return text;
  }

  private bandKeys(sig: Uint32Array): number[] {
    const keys: number[] = [];
    for (let band = 0; band < this.bands; band++) {
      keys.push(hashBlocks(sig, band * this.rows, this.rows, band));
    }
    return keys;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Which one is the original

/** What the metadata says about one of two near-duplicate articles (a subset of the Article record). */
export interface PublicationFacts {
  url: string | null;
  publisher: string | null;
  /** ISO 8601 date or date-time. */
  published: string | null;
  /** The page's own statement of where it was first published ("originally published on …"). */
  original?: { url: string | null; publisher: string | null } | null;
}

export type OriginalReason =
  /** One page names the other as its original. */
  | "names-the-other"
  /** One page says it is a republication (of something) and the other says nothing of the kind. */
  | "other-is-republication"
  /** Neither statement decides; the earlier publication date does. */
  | "earlier-date"
  /** Nothing decides (same date, no dates, or both name each other). */
  | "undecided";

export interface OriginalChoice {
  original: "a" | "b" | null;
  reason: OriginalReason;
}

/** Which of two near-duplicates is the original: the pages' own statements first, else the earlier date. */
export function chooseOriginal(a: PublicationFacts, b: PublicationFacts): OriginalChoice {
  const aNamesB = namesAsOriginal(a, b);
  const bNamesA = namesAsOriginal(b, a);
  if (aNamesB !== bNamesA) return { original: aNamesB ? "b" : "a", reason: "names-the-other" };
  const aRepublished = saysRepublished(a);
  const bRepublished = saysRepublished(b);
  if (!aNamesB && aRepublished !== bRepublished) {
    return { original: aRepublished ? "b" : "a", reason: "other-is-republication" };
  }
  const aDate = parseDate(a.published);
  const bDate = parseDate(b.published);
  if (aDate && bDate) {
    // Two date-times compare to the millisecond; a bare date only to the day.
    const precise = aDate.hasTime && bDate.hasTime;
    const aTime = precise ? aDate.time : aDate.day;
    const bTime = precise ? bDate.time : bDate.day;
    if (aTime !== bTime) return { original: aTime < bTime ? "a" : "b", reason: "earlier-date" };
  }
  return { original: null, reason: "undecided" };
}

/** Does `page`'s original statement point at `other` (same URL, or same publisher by name or host)? */
function namesAsOriginal(page: PublicationFacts, other: PublicationFacts): boolean {
  const stated = page.original;
  if (!stated || pointsAt(stated, page)) return false;
  return pointsAt(stated, other);
}

/** A statement pointing back at the page itself (the original page carrying the notice) says nothing. */
function saysRepublished(page: PublicationFacts): boolean {
  const stated = page.original;
  if (!stated || (stated.url === null && stated.publisher === null)) return false;
  return !pointsAt(stated, page);
}

function pointsAt(stated: { url: string | null; publisher: string | null }, page: PublicationFacts): boolean {
  const statedUrl = normalizeUrl(stated.url);
  if (statedUrl !== null && statedUrl === normalizeUrl(page.url)) return true;
  const statedPublisher = squash(stated.publisher);
  if (statedPublisher === null) return false;
  if (statedPublisher === squash(page.publisher)) return true;
  const host = siteLabel(page.url);
  return host !== null && (host === statedPublisher || host === siteLabel(stated.url));
}

/** Scheme, "www.", query, fragment and trailing slash dropped; host lower-cased. */
function normalizeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/\/+$/, "");
    return `${parsed.hostname.toLowerCase().replace(/^www\./, "")}${path}`;
  } catch {
    return null;
  }
}

/** The host's name below its public suffix, squashed ("https://theconversation.com/x" → "theconversation"). */
function siteLabel(url: string | null): string | null {
  if (!url) return null;
  try {
    const labels = new URL(url).hostname
      .toLowerCase()
      .replace(/^www\./, "")
      .split(".");
    // "bbc.co.uk" → "bbc": skip a two-letter country code and a short second-level label before it.
    let end = labels.length - 1;
    if (end >= 2 && (labels[end] as string).length === 2 && (labels[end - 1] as string).length <= 3) end--;
    return squash(labels[end - 1] ?? labels[0] ?? null);
  } catch {
    return null;
  }
}

function squash(name: string | null): string | null {
  if (!name) return null;
  const squashed = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
  return squashed === "" ? null : squashed;
}

/** A bare ISO date ("2020-12-18") has no time of day. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The publication time and its UTC day, so that a date and a date-time on the same day tie. */
function parseDate(published: string | null): { time: number; day: number; hasTime: boolean } | null {
  if (!published) return null;
  const time = Date.parse(published);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return { time, day, hasTime: !DATE_ONLY.test(published.trim()) };
}
