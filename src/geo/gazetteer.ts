/**
 * The offline gazetteer: GeoNames-derived places, admin regions, countries and curated regions/features,
 * loaded from data/geo/gazetteer.bin.gz (built by `npm run build:gazetteer`; sources and licences in
 * data/geo/LICENSES.md).
 *
 * Loading gunzips one file and makes typed-array views over it: nothing is parsed up front. Entries are
 * decoded when first returned and cached. A lookup normalises the name (src/geo/normalize.ts) and binary-
 * searches the sorted key bytes; the posting list is already in population order.
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { findDataDir } from "../core/data.js";
import { SitrepError } from "../core/diagnostics.js";
import { GAZETTEER_FORMAT_VERSION, GAZETTEER_INDEX_FILE, GAZETTEER_MAGIC } from "./constants.js";
import { normalizeToponym } from "./normalize.js";

export const FEATURE_TYPES = [
  "country",
  "admin1",
  "admin2",
  "city",
  "locality",
  "region",
  "desert",
  "river",
  "mountain",
  "water",
  "island",
  "other",
] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];
const KNOWN_FEATURE_TYPES: ReadonlySet<string> = new Set(FEATURE_TYPES);

export interface GazetteerEntry {
  /** GeoNames id (places; admin regions where Natural Earth cross-references one), or a negative id: curated
   * features (-1 … -99 999), countries (-1 000 000 - n) and admin regions without a known GeoNames id
   * (-(10 000 000 + hash of the code)); see src/geo/constants.ts. */
  id: number;
  name: string;
  asciiName: string;
  featureType: FeatureType;
  /** GeoNames feature code (PPLA, ADM1, PCLI…; curated features use GeoNames-style codes: RGN, DSRT, STM…). */
  featureCode: string;
  countryCode: string | null;
  admin1Code: string | null;
  /** Admin1 name. */
  admin1: string | null;
  /** GeoNames admin2 code (within the admin1 region), for admin2 regions and the places in one; absent when
   * unknown. */
  admin2Code?: string;
  lat: number;
  lon: number;
  /** GeoNames population; for admin regions and countries the sum over their cities500 places (a lower
   * bound, flagged by `populationIsSum`); 0 for curated features. */
  population: number;
  /** True when `population` is a sum over member places, not a stated figure (admin regions, countries). */
  populationIsSum?: boolean;
}

export interface Gazetteer {
  /** All entries any of whose names normalises to the key of `name`, most populous first (an admin region
   * whose population is a sum ranks by its largest place, just after that place). */
  lookup(name: string): readonly GazetteerEntry[];
  byId(id: number): GazetteerEntry | undefined;
  /** ISO 3166-1 alpha-2. */
  country(code: string): GazetteerEntry | undefined;
  admin1(countryCode: string, admin1Code: string): GazetteerEntry | undefined;
  /** "Syrian" / "Syrians" / "Iraqi" → country code. */
  demonym(word: string): string | null;
  readonly size: number;
}

/** The JSON header of the index file (written by scripts/build-gazetteer.ts). */
export interface IndexHeader {
  version: number;
  builtFrom: Record<string, string>;
  entryCount: number;
  keyCount: number;
  /** Country code → entry index. */
  countries: Record<string, number>;
  /** "CC.ADMIN1" → entry index. */
  admin1: Record<string, number>;
  /** Folded demonym → country code. */
  demonyms: Record<string, string>;
  /** "CC.ADMIN1" → admin1 name (all GeoNames admin1 codes, also those without an entry). */
  admin1Names: Record<string, string>;
  /** Section name → [offset after the padded header, byte length]. */
  sections?: Record<string, [number, number]>;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance (haversine, R = 6371 km). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const DEMONYM_MARKS = /\p{M}/gu;
/** Longest word `demonym` looks at. */
const MAX_DEMONYM_LENGTH = 40;

/** The demonym key: trimmed, lower case, diacritics dropped ("Ivoirien" ≡ "ivoirien"). */
export function foldDemonym(word: string): string {
  return word.slice(0, MAX_DEMONYM_LENGTH).trim().toLowerCase().normalize("NFKD").replace(DEMONYM_MARKS, "");
}

// ---------------------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------------------

const _dataDirCache: string | null = null;

/** The repository's (or installed package's) data/geo directory, found by walking up from this file. */
/** The repository's (or installed package's) data/geo directory; it must hold the built index. */
export function findGeoDataDir(): string {
  const dir = findDataDir("geo");
  if (!existsSync(join(dir, GAZETTEER_INDEX_FILE))) {
    throw new SitrepError(
      "internal",
      `gazetteer index ${join(dir, GAZETTEER_INDEX_FILE)} not found (run npm run build:gazetteer)`,
    );
  }
  return dir;
}

const EMPTY: readonly GazetteerEntry[] = Object.freeze([]);

class BinaryGazetteer implements Gazetteer {
  readonly size: number;
  private readonly header: IndexHeader;
  private readonly entryText: Buffer;
  private readonly entryStart: Uint32Array;
  private readonly keyBytes: Buffer;
  private readonly keyStart: Uint32Array;
  private readonly postStart: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly idSorted: Int32Array;
  private readonly idOrder: Uint32Array;
  private readonly decoded: Array<GazetteerEntry | undefined>;
  private readonly demonyms: ReadonlyMap<string, string>;

  constructor(file: Buffer) {
    if (file.length < 12 || file.toString("latin1", 0, 4) !== GAZETTEER_MAGIC) {
      throw new SitrepError("internal", "gazetteer index: bad magic (not a sitrep gazetteer file)");
    }
    const version = file.readUInt32LE(4);
    if (version !== GAZETTEER_FORMAT_VERSION) {
      throw new SitrepError(
        "internal",
        `gazetteer index: format version ${version}, expected ${GAZETTEER_FORMAT_VERSION} (run npm run build:gazetteer)`,
      );
    }
    const headerLength = file.readUInt32LE(8);
    this.header = JSON.parse(file.toString("utf8", 12, 12 + headerLength)) as IndexHeader;
    const base = 12 + headerLength + ((4 - ((12 + headerLength) % 4)) % 4);
    // Typed-array views need 4-byte alignment in the underlying ArrayBuffer.
    const aligned = (file.byteOffset + base) % 4 === 0 ? file : Buffer.from(file);
    const section = (name: string): [number, number] => {
      const s = this.header.sections?.[name];
      if (!s) throw new SitrepError("internal", `gazetteer index: missing section ${name}`);
      return [aligned.byteOffset + base + s[0], s[1]];
    };
    const bytes = (name: string) => {
      const [offset, length] = section(name);
      return Buffer.from(aligned.buffer, offset, length);
    };
    const u32 = (name: string) => {
      const [offset, length] = section(name);
      return new Uint32Array(aligned.buffer, offset, length / 4);
    };
    this.entryText = bytes("entryText");
    this.entryStart = u32("entryStart");
    this.keyBytes = bytes("keyBytes");
    this.keyStart = u32("keyStart");
    this.postStart = u32("postStart");
    this.postings = u32("postings");
    const [idOffset, idLength] = section("idSorted");
    this.idSorted = new Int32Array(aligned.buffer, idOffset, idLength / 4);
    this.idOrder = u32("idOrder");
    this.size = this.header.entryCount;
    if (this.entryStart.length !== this.size + 1 || this.idSorted.length !== this.size) {
      throw new SitrepError("internal", "gazetteer index: section sizes disagree with the header");
    }
    this.decoded = new Array(this.size);
    this.demonyms = new Map(Object.entries(this.header.demonyms));
  }

  /** Builder package versions the index was made from. */
  get builtFrom(): Readonly<Record<string, string>> {
    return this.header.builtFrom;
  }

  get keyCount(): number {
    return this.header.keyCount;
  }

  lookup(name: string): readonly GazetteerEntry[] {
    if (typeof name !== "string") return EMPTY;
    const key = normalizeToponym(name);
    if (key === "") return EMPTY;
    const k = this.findKey(Buffer.from(key, "utf8"));
    if (k < 0) return EMPTY;
    const from = this.postStart[k] as number;
    const to = this.postStart[k + 1] as number;
    const out: GazetteerEntry[] = new Array(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.entry(this.postings[i] as number);
    return out;
  }

  byId(id: number): GazetteerEntry | undefined {
    let lo = 0;
    let hi = this.idSorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.idSorted[mid] as number;
      if (v === id) return this.entry(this.idOrder[mid] as number);
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  country(code: string): GazetteerEntry | undefined {
    const index = this.header.countries[code.toUpperCase()];
    return index === undefined ? undefined : this.entry(index);
  }

  admin1(countryCode: string, admin1Code: string): GazetteerEntry | undefined {
    const index = this.header.admin1[`${countryCode.toUpperCase()}.${admin1Code}`];
    return index === undefined ? undefined : this.entry(index);
  }

  demonym(word: string): string | null {
    if (typeof word !== "string") return null;
    return this.demonyms.get(foldDemonym(word)) ?? null;
  }

  /** Binary search of the sorted key bytes; -1 when absent. */
  private findKey(query: Buffer): number {
    const keys = this.keyBytes;
    const starts = this.keyStart;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = starts[mid] as number;
      const end = starts[mid + 1] as number;
      const cmp = compareBytes(query, keys, start, end);
      if (cmp === 0) return mid;
      if (cmp > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private entry(index: number): GazetteerEntry {
    const cached = this.decoded[index];
    if (cached) return cached;
    const line = this.entryText.toString(
      "utf8",
      this.entryStart[index],
      (this.entryStart[index + 1] as number) - 1,
    );
    const c = line.split("\t");
    const type = c[3] as string;
    // 10 columns (format 2 as first written) or 12 (admin2 code and flags added).
    if ((c.length !== 10 && c.length !== 12) || !KNOWN_FEATURE_TYPES.has(type)) {
      throw new SitrepError("internal", `gazetteer index: malformed entry ${index}`);
    }
    const entry: GazetteerEntry = {
      id: Number(c[0]),
      name: c[1] as string,
      asciiName: c[2] || (c[1] as string),
      featureType: type as FeatureType,
      featureCode: c[4] as string,
      countryCode: c[5] || null,
      admin1Code: c[6] || null,
      admin1: c[5] && c[6] ? (this.header.admin1Names[`${c[5]}.${c[6]}`] ?? null) : null,
      lat: Number(c[7]),
      lon: Number(c[8]),
      population: Number(c[9]),
    };
    if (c[10]) entry.admin2Code = c[10];
    if (c[11]?.includes("s")) entry.populationIsSum = true;
    Object.freeze(entry);
    this.decoded[index] = entry;
    return entry;
  }
}

/** Byte-wise comparison of `query` with `keys[start, end)`: negative, 0 or positive. */
function compareBytes(query: Buffer, keys: Buffer, start: number, end: number): number {
  const keyLength = end - start;
  const n = Math.min(query.length, keyLength);
  for (let i = 0; i < n; i++) {
    const d = (query[i] as number) - (keys[start + i] as number);
    if (d !== 0) return d;
  }
  return query.length - keyLength;
}

let singleton: BinaryGazetteer | null = null;

/** The gazetteer (loaded on first call, then cached). */
export function loadGazetteer(): Gazetteer {
  if (!singleton) singleton = readGazetteerFile(join(findGeoDataDir(), GAZETTEER_INDEX_FILE));
  return singleton;
}

/** Reads an index file (gzipped or not) without caching it; for tools and tests. */
export function readGazetteerFile(path: string): BinaryGazetteer {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (cause) {
    throw new SitrepError("internal", `gazetteer index ${path} cannot be read`, { cause });
  }
  const file = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return new BinaryGazetteer(file);
}

export type { BinaryGazetteer };
