/**
 * The filter and output flags shared by `sitrep events` and `sitrep incidents` (issue #5), and their
 * validation: every bad value is a SitrepError("usage") whose message names the flag, what it expects and
 * what it got (the commands turn it into exit 2).
 */
import type { ArgsDef } from "citty";
import { SitrepError } from "../core/diagnostics.js";
import { CERTAINTIES, type Certainty } from "../core/events.js";
import { loadOntology } from "../events/ontology.js";
import { type EventFilter, STORE_ENV } from "../store/index.js";

export const QUERY_FORMATS = ["table", "jsonl", "csv", "geojson"] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];

/** A calendar date as the flags take it. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 3166-1 alpha-2. */
const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const MAX_LAT = 90;
const MAX_LON = 180;

/** The filters and output choices of one query, validated. */
export interface QueryOptions {
  /** Store file or PostgreSQL URL as given (`--db`); the default is resolved by the command. */
  db?: string;
  /** The store filter, without certainty, limit and offset (see `certainties`, `limit`). */
  filter: Omit<EventFilter, "certainty" | "limit" | "offset" | "articleId">;
  /** Events of any of these certainties; null: any certainty. */
  certainties: Certainty[] | null;
  /** Most rows output; undefined: the command's default. */
  limit?: number;
  /** undefined: table on a terminal, jsonl otherwise. */
  format?: QueryFormat;
}

/** The citty argument definitions of the shared flags. */
export const QUERY_ARGS = {
  db: {
    type: "string",
    description: `Store file or postgres:// URL (default: $${STORE_ENV}, else ./sitrep.db)`,
    valueHint: "path|url",
  },
  "from-date": { type: "string", description: "Events on or after this day", valueHint: "YYYY-MM-DD" },
  "to-date": { type: "string", description: "Events on or before this day", valueHint: "YYYY-MM-DD" },
  country: { type: "string", description: "ISO 3166-1 alpha-2 code of the event's place", valueHint: "CC" },
  admin1: { type: "string", description: "First-level region of the event's place", valueHint: "name" },
  bbox: {
    type: "string",
    description: "Events inside this box (minLon > maxLon crosses the antimeridian)",
    valueHint: "minLon,minLat,maxLon,maxLat",
  },
  type: {
    type: "string",
    description: 'Event type or sub-event type, e.g. "Battles", "Peaceful protest"',
    valueHint: "type",
  },
  actor: {
    type: "string",
    description: "An actor of the event (canonical name or as written)",
    valueHint: "name",
  },
  certainty: {
    type: "string",
    description: `Comma-separated: ${CERTAINTIES.join(", ")}`,
    valueHint: "list",
  },
  source: { type: "string", description: "Publisher or cited source (substring)", valueHint: "name" },
  all: {
    type: "boolean",
    description: "Include background, negated, future and hypothetical events (default: only what happened)",
  },
  limit: { type: "string", description: "Most rows output", valueHint: "N" },
  format: {
    type: "string",
    alias: "f",
    description: "Output: table (default on a terminal) | jsonl (default otherwise) | csv | geojson",
    valueHint: "format",
  },
} as const satisfies ArgsDef;

/** The raw flag values (strings as citty parses them). */
export interface RawQueryArgs {
  db?: string;
  "from-date"?: string;
  "to-date"?: string;
  country?: string;
  admin1?: string;
  bbox?: string;
  type?: string;
  actor?: string;
  certainty?: string;
  source?: string;
  all?: boolean;
  limit?: string;
  format?: string;
}

const usage = (message: string) => new SitrepError("usage", message);

/** A real calendar day `YYYY-MM-DD`, or a usage error. */
export function parseDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const m = ISO_DATE.exec(value.trim());
  const day = m ? new Date(`${m[0]}T00:00:00Z`) : null;
  if (!m || !day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== m[0])
    throw usage(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  return m[0];
}

export function parseCountry(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!COUNTRY_CODE.test(value.trim()))
    throw usage(`--country must be a two-letter ISO 3166-1 code such as ML or UA, got "${value}"`);
  return value.trim().toUpperCase();
}

export function parseBbox(value: string | undefined): EventFilter["bbox"] {
  if (value === undefined) return undefined;
  const parts = value.split(",").map((p) => p.trim());
  const nums = parts.map((p) => (p === "" ? Number.NaN : Number(p)));
  const expected = "--bbox must be minLon,minLat,maxLon,maxLat in degrees";
  if (nums.length !== 4 || nums.some((n) => !Number.isFinite(n))) throw usage(`${expected}, got "${value}"`);
  const [minLon, minLat, maxLon, maxLat] = nums as [number, number, number, number];
  if (Math.abs(minLon) > MAX_LON || Math.abs(maxLon) > MAX_LON)
    throw usage(`${expected}: longitudes lie in -180..180, got "${value}"`);
  if (Math.abs(minLat) > MAX_LAT || Math.abs(maxLat) > MAX_LAT)
    throw usage(`${expected}: latitudes lie in -90..90, got "${value}"`);
  if (minLat > maxLat) throw usage(`${expected}: minLat (${minLat}) is above maxLat (${maxLat})`);
  return [minLon, minLat, maxLon, maxLat];
}

/** An event type or sub-event type of the ontology, in its own spelling (matching is case-insensitive). */
export function parseType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ontology = loadOntology();
  const known = [...ontology.eventTypes.keys(), ...ontology.entries.map((e) => e.subEventType)];
  const wanted = value.trim().toLowerCase();
  const found = known.find((k) => k.toLowerCase() === wanted);
  if (!found)
    throw usage(
      `--type must be an event type (${[...ontology.eventTypes.keys()].join(", ")}) or a sub-event type such as "Armed clash", got "${value}"`,
    );
  return found;
}

export function parseCertainties(value: string | undefined): Certainty[] | null {
  if (value === undefined) return null;
  const parts = value
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== "");
  const bad = parts.filter((p) => !(CERTAINTIES as readonly string[]).includes(p));
  if (parts.length === 0 || bad.length > 0)
    throw usage(`--certainty must be a comma-separated list of ${CERTAINTIES.join(", ")}, got "${value}"`);
  return [...new Set(parts)] as Certainty[];
}

export function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n <= 0)
    throw usage(`--limit must be a positive integer, got "${value}"`);
  return n;
}

export function parseFormat(value: string | undefined): QueryFormat | undefined {
  if (value === undefined) return undefined;
  if (!(QUERY_FORMATS as readonly string[]).includes(value))
    throw usage(`--format must be one of ${QUERY_FORMATS.join(", ")}, got "${value}"`);
  return value as QueryFormat;
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "") throw usage(`${flag} must not be empty`);
  return value.trim();
}

/** Validate the shared flags; throws SitrepError("usage") on the first bad value. */
export function parseQueryArgs(args: RawQueryArgs): QueryOptions {
  const from = parseDate(args["from-date"], "--from-date");
  const to = parseDate(args["to-date"], "--to-date");
  if (from && to && from > to) throw usage(`--from-date (${from}) is after --to-date (${to})`);
  const filter: QueryOptions["filter"] = {
    from,
    to,
    country: parseCountry(args.country),
    admin1: nonEmpty(args.admin1, "--admin1"),
    bbox: parseBbox(args.bbox),
    type: parseType(args.type),
    actor: nonEmpty(args.actor, "--actor"),
    source: nonEmpty(args.source, "--source"),
    occurredOnly: !args.all,
  };
  for (const key of Object.keys(filter) as (keyof typeof filter)[])
    if (filter[key] === undefined) delete filter[key];
  return {
    db: args.db,
    filter,
    certainties: parseCertainties(args.certainty),
    limit: parseLimit(args.limit),
    format: parseFormat(args.format),
  };
}
