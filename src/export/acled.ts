/**
 * ACLED-style rows (issue #5): one row per event of an `AnalysisRecord`, with ACLED's column names, order and
 * codes, then sitrep's own columns (certainty, source, cue, evidence offsets…) after them.
 *
 * Column order is ACLED's current export order (the acledR sample's columns: `event_id_cnty, event_date, year,
 * time_precision, disorder_type, …, tags, timestamp`). The acledR codebook CSV still lists the pre-2023 layout
 * (`data_id`, `event_id_no_cnty`, `iso3`, no `disorder_type`/`civilian_targeting`/`tags`); ACLED removed and added
 * those columns in March 2023, and sitrep follows the current layout.
 *
 * Coding decisions (each a judgement; see also data/export/*.tsv):
 * - event_id_cnty: ISO alpha-3 of the event's country ("XXX" when unknown) + a 10-digit FNV-1a hash of the article
 *   (url, else input name), the event's type, date and evidence offsets: stable across runs of the same article.
 * - event_date: ISO `YYYY-MM-DD`. Day precision: `date.start` (a multi-day range at day precision is coded on its
 *   first day). Week, month and year precision: the middle day of the range, as ACLED codes an event known only
 *   to a week or a month on the middle of that period. time_precision: day 1, week 2, month 3, year 3 (ACLED has
 *   no coarser code). No date: event_date, year and time_precision are empty.
 * - disorder_type: from ACLED's event-category flags (data/export/acled-disorder-types.tsv).
 * - actor1/actor2/assoc_actor_*: ACLED's name forms for state forces, governments and generic actors
 *   (data/export/acled-actor-forms.tsv); named groups keep their canonical name. Several associated actors are
 *   joined with "; " as ACLED does.
 * - inter1/inter2: the actor's ACLED inter code; 8 (external/other forces) for state forces or a government
 *   (inter 1) of one country acting in another (actor.country ≠ the country of the event's place).
 *   interaction: smaller inter × 10 + larger inter; a lone actor gives inter × 10; no actor: empty.
 * - civilian_targeting: "Civilian targeting" for a political-violence event whose actor2 is civilians.
 * - iso (ISO numeric), country (ACLED's spelling), region: data/export/acled-countries.tsv, by the place's
 *   country code; country names fall back to `Intl.DisplayNames`. admin1: the place's admin1 (or the place itself
 *   when it is a first-level region); admin2/admin3 are empty (the gazetteer has no such levels).
 * - source: the article's outlets ("<original publisher>; <publisher>" for a republication), else the URL's host.
 *   source_scale, tags: empty. timestamp: `options.timestamp` (Unix seconds) or empty, so output is reproducible.
 * - notes: the event's evidence sentences, joined by a space, plus " (<certainty> by <source>)" when a source other
 *   than the outlet is cited, trimmed at a word to 500 characters in all.
 * - fatalities: 0 when none is given, as ACLED does.
 * - Not exported by default: background events (`includeBackground`), negated events (`includeNegated`), future
 *   or hypothetical events (`includeUnrealised`) and sitrep's extra kinds under "Other events", which ACLED does
 *   not code (`includeOtherEvents`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AnalysisRecord } from "../analyze/index.js";
import { findDataDir } from "../core/data.js";
import type { Actor, Place } from "../core/entities.js";
import type { DatePrecision, EventRecord } from "../core/events.js";

/** ACLED's columns, in ACLED's order. */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

/** sitrep's own columns, after ACLED's. */
export const SITREP_COLUMNS = [
  "sitrep_certainty",
  "sitrep_source",
  "sitrep_cue",
  "sitrep_background",
  "sitrep_evidence_start",
  "sitrep_evidence_end",
  "sitrep_article_url",
  "sitrep_event_id",
  "sitrep_input",
  "sitrep_actor1",
  "sitrep_actor2",
  "sitrep_date_start",
  "sitrep_date_end",
  "sitrep_injuries",
] as const;

export const ACLED_EXPORT_COLUMNS = [...ACLED_COLUMNS, ...SITREP_COLUMNS] as const;
export type AcledColumn = (typeof ACLED_EXPORT_COLUMNS)[number];
export type AcledValue = string | number | boolean | null;
/** One exported event; `null` is an empty cell. Keys are in column order. */
export type AcledRow = Record<AcledColumn, AcledValue>;

export interface AcledExportOptions {
  /** Export background events (told as history, not news). Default false. */
  includeBackground?: boolean;
  /** Export events the article says did not happen. Default false. */
  includeNegated?: boolean;
  /** Export future and hypothetical events. Default false. */
  includeUnrealised?: boolean;
  /** Export sitrep's extra kinds ("Other events": claims of responsibility, disasters…). Default false. */
  includeOtherEvents?: boolean;
  /** ACLED's `timestamp` (Unix seconds) written on every row; empty when not given. */
  timestamp?: number;
}

/** Longest `notes` cell, in characters (ACLED notes are a few sentences). */
export const NOTES_MAX_CHARS = 500;
/** ACLED's time_precision codes by sitrep date precision. */
const TIME_PRECISION: Record<DatePrecision, 1 | 2 | 3> = { day: 1, week: 2, month: 3, year: 3 };
/** ACLED's inter code for external/other forces (state forces abroad). */
const INTER_EXTERNAL = 8;
const INTER_STATE = 1;
const OTHER_EVENTS = "Other events";
const UNKNOWN_ISO3 = "XXX";
const CIVILIAN_TARGETING = "Civilian targeting";
const OUTLET = "the outlet";
const DAY_MS = 86_400_000;

// ── data files ──────────────────────────────────────────────────────────────────────────────────────────

export interface CountryInfo {
  cc: string;
  iso: number;
  iso3: string;
  name: string;
  region: string | null;
}
export interface ActorForm {
  kind: string;
  match: RegExp | null;
  country: "actor" | "actor-or-event";
  form: string;
}
export interface AcledTables {
  countries: Map<string, CountryInfo>;
  actorForms: ActorForm[];
  /** sub-event type → disorder type. */
  disorder: Map<string, string>;
}

/** Rows of a TAB-separated data file with a header line; `#` lines are comments. Rejects malformed rows. */
function readTsv(text: string, file: string, columns: readonly string[], optional: readonly string[] = []) {
  const rows: Record<string, string>[] = [];
  let header: string[] | null = null;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const cols = line.split("\t");
    if (!header) {
      if (cols.join("\t") !== columns.join("\t"))
        throw new Error(`${file}:${i + 1}: expected the header "${columns.join("\\t")}"`);
      header = cols;
      return;
    }
    if (cols.length !== columns.length)
      throw new Error(`${file}:${i + 1}: expected ${columns.length} TAB-separated columns, got "${line}"`);
    const row: Record<string, string> = {};
    columns.forEach((c, j) => {
      const v = cols[j] as string;
      if (v.trim() === "" && !optional.includes(c)) throw new Error(`${file}:${i + 1}: empty column "${c}"`);
      row[c] = v;
    });
    rows.push(row);
  });
  if (rows.length === 0) throw new Error(`${file}: no rows`);
  return rows;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

export function parseCountries(text: string, file = "acled-countries.tsv"): Map<string, CountryInfo> {
  const out = new Map<string, CountryInfo>();
  for (const r of readTsv(
    text,
    file,
    ["cc", "iso", "iso3", "acled_name", "region"],
    ["acled_name", "region"],
  )) {
    const cc = r.cc as string;
    if (!/^[A-Z]{2}$/.test(cc) || !/^\d+$/.test(r.iso as string) || !/^[A-Z]{3}$/.test(r.iso3 as string))
      throw new Error(`${file}: bad codes for "${cc}"`);
    out.set(cc, {
      cc,
      iso: Number(r.iso),
      iso3: r.iso3 as string,
      name: r.acled_name || (regionNames.of(cc) ?? cc),
      region: r.region || null,
    });
  }
  return out;
}

export function parseActorForms(text: string, file = "acled-actor-forms.tsv"): ActorForm[] {
  return readTsv(text, file, ["kind", "match", "country", "form"]).map((r) => {
    if (r.country !== "actor" && r.country !== "actor-or-event")
      throw new Error(`${file}: country must be "actor" or "actor-or-event", got "${r.country}"`);
    return {
      kind: r.kind as string,
      match: r.match === "*" ? null : new RegExp(r.match as string, "i"),
      country: r.country,
      form: r.form as string,
    };
  });
}

export function parseDisorderTypes(text: string, file = "acled-disorder-types.tsv"): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of readTsv(text, file, ["event_type", "sub_event_type", "disorder_type"]))
    out.set(r.sub_event_type as string, r.disorder_type as string);
  return out;
}

let cached: AcledTables | undefined;
export function loadAcledTables(): AcledTables {
  if (!cached) {
    const dir = findDataDir("export");
    const read = (f: string) => readFileSync(join(dir, f), "utf8");
    cached = {
      countries: parseCountries(read("acled-countries.tsv")),
      actorForms: parseActorForms(read("acled-actor-forms.tsv")),
      disorder: parseDisorderTypes(read("acled-disorder-types.tsv")),
    };
  }
  return cached;
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────

/** 32-bit FNV-1a over UTF-16 code units, as a 10-digit decimal string. */
function hash10(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return String(h).padStart(10, "0");
}

/** The day ACLED codes for a date range of the given precision. */
export function acledEventDate(date: NonNullable<EventRecord["date"]>): string {
  if (date.precision === "day" || date.start === date.end) return date.start;
  const a = Date.parse(`${date.start}T00:00:00Z`);
  const b = Date.parse(`${date.end}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return date.start;
  const days = Math.round((b - a) / DAY_MS);
  return new Date(a + Math.floor(days / 2) * DAY_MS).toISOString().slice(0, 10);
}

function countryName(cc: string | null, tables: AcledTables): string | null {
  if (!cc) return null;
  return tables.countries.get(cc)?.name ?? regionNames.of(cc) ?? cc;
}

/** ACLED's name for an actor (state forces, governments and generic actors in ACLED's forms). */
export function acledActorName(actor: Actor, eventCountry: string | null, tables: AcledTables): string {
  for (const f of tables.actorForms) {
    if (f.kind !== actor.kind) continue;
    if (f.match && !f.match.test(actor.canonical) && !f.match.test(actor.name)) continue;
    const cc = f.country === "actor" ? actor.country : (actor.country ?? eventCountry);
    const name = countryName(cc, tables);
    if (!name) return actor.canonical;
    return f.form.replaceAll("{country}", name);
  }
  return actor.canonical;
}

/** ACLED's inter code for an actor in an event in `eventCountry`: 8 for state forces abroad. */
export function acledInter(actor: Actor, eventCountry: string | null): number | null {
  if (actor.inter === null) return null;
  if (actor.inter === INTER_STATE && actor.country && eventCountry && actor.country !== eventCountry)
    return INTER_EXTERNAL;
  return actor.inter;
}

/** ACLED's interaction code: smaller inter × 10 + larger; one actor: inter × 10. */
export function acledInteraction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 === null && inter2 === null) return null;
  if (inter1 === null || inter2 === null) return (inter1 ?? inter2 ?? 0) * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

function trimAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A short description: the evidence sentences, then who says so when it is not the outlet. */
export function acledNotes(event: EventRecord): string {
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const e of event.evidence) {
    const t = e.text.replace(/\s+/g, " ").trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      sentences.push(t);
    }
  }
  const a = event.attribution;
  const suffix = a.source !== OUTLET ? ` (${a.certainty} by ${a.source})` : "";
  return trimAtWord(sentences.join(" "), NOTES_MAX_CHARS - suffix.length) + suffix;
}

function outlets(record: AnalysisRecord): string | null {
  const a = record.article;
  const names = [a.original?.publisher, a.publisher].filter((x): x is string => Boolean(x?.trim()));
  const unique = [...new Set(names.map((n) => n.trim()))];
  if (unique.length > 0) return unique.join("; ");
  const url = a.url ?? a.original?.url;
  if (url) {
    try {
      return new URL(url).hostname.replace(/^www\./, "");
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether an event becomes an ACLED row under these options. */
export function isExported(event: EventRecord, options: AcledExportOptions = {}): boolean {
  if (event.background && !options.includeBackground) return false;
  if (event.negated && !options.includeNegated) return false;
  if ((event.future || event.hypothetical) && !options.includeUnrealised) return false;
  if (event.eventType === OTHER_EVENTS && !options.includeOtherEvents) return false;
  return true;
}

// ── rows ────────────────────────────────────────────────────────────────────────────────────────────────

/** One ACLED-style row per exported event of a record, in the record's event order. */
export function toAcledRows(
  record: AnalysisRecord,
  options: AcledExportOptions = {},
  tables: AcledTables = loadAcledTables(),
): AcledRow[] {
  const actors = new Map(record.actors.map((a) => [a.id, a]));
  const places = new Map(record.places.map((p) => [p.id, p]));
  const source = outlets(record);
  return record.events
    .filter((e) => isExported(e, options))
    .map((e) => toAcledRow(record, e, { actors, places, source, options, tables }));
}

interface RowContext {
  actors: Map<string, Actor>;
  places: Map<string, Place>;
  source: string | null;
  options: AcledExportOptions;
  tables: AcledTables;
}

function toAcledRow(record: AnalysisRecord, e: EventRecord, ctx: RowContext): AcledRow {
  const { tables } = ctx;
  const place = e.location ? (ctx.places.get(e.location.place) ?? null) : null;
  const cc = place?.countryCode ?? null;
  const country = cc ? tables.countries.get(cc) : undefined;
  const actor = (id: string | null) => (id ? (ctx.actors.get(id) ?? null) : null);
  const a1 = actor(e.actor1);
  const a2 = actor(e.actor2);
  const name = (a: Actor | null) => (a ? acledActorName(a, cc, tables) : null);
  const inter = (a: Actor | null) => (a ? acledInter(a, cc) : null);
  const inter1 = inter(a1);
  const inter2 = inter(a2);
  const assoc = e.assocActors
    .map((id) => actor(id))
    .filter((a): a is Actor => a !== null)
    .map((a) => acledActorName(a, cc, tables))
    .filter((n, i, all) => all.indexOf(n) === i && n !== name(a1));
  const disorder = tables.disorder.get(e.subEventType) ?? null;
  const eventDate = e.date ? acledEventDate(e.date) : null;
  const evidenceStart = e.evidence.length > 0 ? Math.min(...e.evidence.map((x) => x.start)) : null;
  const evidenceEnd = e.evidence.length > 0 ? Math.max(...e.evidence.map((x) => x.end)) : null;
  const articleKey = record.article.url ?? record.input;
  const id = `${country?.iso3 ?? UNKNOWN_ISO3}${hash10(
    [
      articleKey,
      e.eventType,
      e.subEventType,
      e.date?.start ?? "",
      evidenceStart ?? "",
      evidenceEnd ?? "",
    ].join("\u0001"),
  )}`;
  const admin1 =
    place?.admin1 ?? (place?.precision === "admin1" ? (place.resolvedName ?? place.name) : null) ?? null;
  const lat = e.location?.lat ?? place?.lat ?? null;
  const lon = e.location?.lon ?? place?.lon ?? null;
  return {
    event_id_cnty: id,
    event_date: eventDate,
    year: eventDate ? Number(eventDate.slice(0, 4)) : null,
    time_precision: e.date ? TIME_PRECISION[e.date.precision] : null,
    disorder_type: disorder,
    event_type: e.eventType,
    sub_event_type: e.subEventType,
    actor1: name(a1),
    assoc_actor_1: assoc.length > 0 ? assoc.join("; ") : null,
    inter1,
    actor2: name(a2),
    assoc_actor_2: null,
    inter2,
    interaction: acledInteraction(inter1, inter2),
    civilian_targeting:
      disorder?.startsWith("Political violence") && a2?.kind === "civilians" ? CIVILIAN_TARGETING : null,
    iso: country?.iso ?? null,
    region: country?.region ?? null,
    country: countryName(cc, tables),
    admin1,
    admin2: null,
    admin3: null,
    location: place ? (place.resolvedName ?? place.name) : null,
    latitude: lat,
    longitude: lon,
    geo_precision: e.location?.geoPrecision ?? null,
    source: ctx.source,
    source_scale: null,
    notes: acledNotes(e),
    fatalities: e.fatalities ?? 0,
    tags: null,
    timestamp: ctx.options.timestamp ?? null,
    sitrep_certainty: e.attribution.certainty,
    sitrep_source: e.attribution.source,
    sitrep_cue: e.attribution.cue,
    sitrep_background: e.background,
    sitrep_evidence_start: evidenceStart,
    sitrep_evidence_end: evidenceEnd,
    sitrep_article_url: record.article.url,
    sitrep_event_id: e.id,
    sitrep_input: record.input,
    sitrep_actor1: a1?.canonical ?? null,
    sitrep_actor2: a2?.canonical ?? null,
    sitrep_date_start: e.date?.start ?? null,
    sitrep_date_end: e.date?.end ?? null,
    sitrep_injuries: e.injuries,
  };
}
