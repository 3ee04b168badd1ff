/**
 * `sitrep incidents [--db PATH] [filters] [--limit N] [--format table|jsonl|csv|geojson]`: the stored events
 * that match the filters (query-args.ts), clustered across articles with `clusterIncidents` into incidents
 * that keep every source's version.
 * 1. collect the matching events (refusing more than MAX_INCIDENT_EVENTS: clustering holds them all in memory);
 * 2. rebuild each event's IncidentInput from its article's stored record (`incidentInputsOf`);
 * 3. cluster, newest incident first, and output:
 *    - table: id, date range, type, location, sources, fatalities min–max with agree/conflict, certainty;
 *    - jsonl: the full incident a line (every source's version: numbers, certainty, evidence);
 *    - csv: one row per incident, ACLED-like columns then sitrep_sources, sitrep_fatalities_min/max and the
 *      agreement;
 *    - geojson: a FeatureCollection of the incidents with coordinates (their centroid), the csv row as properties.
 * Exit codes: 0, 2 bad flags or too many events, 4 store unusable.
 */
import { type CommandDef, defineCommand } from "citty";
import {
  clusterIncidents,
  type Incident,
  type IncidentInput,
  incidentInputsOf,
} from "../cluster/incidents.js";
import { type CsvValue, loadAcledTables, toCsv } from "../export/index.js";
import { STORE_ENV, type StoredEvent } from "../store/index.js";
import { ArticleRecords, collectEvents } from "../store/queries.js";
import { cell, formatTable, usageExit, withStore } from "./events.js";
import { type CliIo, EXIT, processIo } from "./io.js";
import { parseQueryArgs, QUERY_ARGS, type QueryOptions, type RawQueryArgs } from "./query-args.js";

/** Most events clustered in one run (all are held in memory with their candidate pairs). */
export const MAX_INCIDENT_EVENTS = 200_000;

/** The columns of the incidents CSV: ACLED-like first, then sitrep's. */
export const INCIDENT_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "event_type",
  "sub_event_type",
  "actor1",
  "actor2",
  "iso",
  "country",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "notes",
  "fatalities",
  "sitrep_date_start",
  "sitrep_date_end",
  "sitrep_date_kind",
  "sitrep_sources",
  "sitrep_fatalities_min",
  "sitrep_fatalities_max",
  "sitrep_fatalities_agreement",
  "sitrep_injuries_min",
  "sitrep_injuries_max",
  "sitrep_injuries_agreement",
  "sitrep_certainty",
  "sitrep_certainty_counts",
  "sitrep_disputed",
  "sitrep_urls",
] as const;
export type IncidentColumn = (typeof INCIDENT_COLUMNS)[number];
export type IncidentRow = Record<IncidentColumn, CsvValue>;

export interface IncidentsCommandOptions extends QueryOptions {
  env?: NodeJS.ProcessEnv;
  /** Most events clustered; default MAX_INCIDENT_EVENTS (tests lower it). */
  maxEvents?: number;
}

/** The IncidentInputs of stored events, rebuilt from their articles' records (events whose record is gone are skipped). */
export function incidentInputsOfEvents(
  events: readonly StoredEvent[],
  records: ArticleRecords,
): IncidentInput[] {
  const wanted = new Map<number, Set<string>>();
  for (const e of events) {
    const ids = wanted.get(e.article_id) ?? new Set<string>();
    ids.add(e.event_id);
    wanted.set(e.article_id, ids);
  }
  const inputs: IncidentInput[] = [];
  for (const [articleId, ids] of wanted) {
    const stored = records.article(articleId);
    if (!stored) continue;
    const r = stored.record;
    inputs.push(
      ...incidentInputsOf(
        String(articleId),
        {
          publisher: r.article.publisher,
          published: r.article.published,
          url: r.article.url ?? stored.canonicalUrl,
        },
        r.events.filter((e) => ids.has(e.id)),
        r.places,
        r.actors,
      ),
    );
  }
  return inputs;
}

/** Run `incidents`; returns the exit code. */
export function runIncidents(options: IncidentsCommandOptions, io: CliIo = processIo()): Promise<number> {
  const format = options.format ?? (io.stdout.isTTY ? "table" : "jsonl");
  const max = options.maxEvents ?? MAX_INCIDENT_EVENTS;
  return withStore("incidents", options.db, options.env ?? process.env, io, async (store) => {
    const { events, truncated } = await collectEvents(store, options.filter, options.certainties, max);
    if (truncated) {
      io.stderr.write(
        `sitrep incidents: more than ${max} events match; narrow them with --from-date/--to-date, --country, --bbox or --type\n`,
      );
      return EXIT.usage;
    }
    const inputs = incidentInputsOfEvents(events, await ArticleRecords.load(store, events));
    const incidents = clusterIncidents(inputs).reverse();
    const shown = options.limit === undefined ? incidents : incidents.slice(0, options.limit);
    if (format === "jsonl") {
      for (const i of shown) io.stdout.write(`${JSON.stringify(i)}\n`);
    } else if (format === "csv") {
      io.stdout.write(toCsv(INCIDENT_COLUMNS, shown.map(incidentRow)));
    } else if (format === "geojson") {
      const features = shown.flatMap((i) => {
        const point = pointOf(i);
        return point
          ? [
              {
                type: "Feature",
                id: i.id,
                geometry: { type: "Point", coordinates: point },
                properties: incidentRow(i),
              },
            ]
          : [];
      });
      io.stdout.write(`${JSON.stringify({ type: "FeatureCollection", features }, null, 2)}\n`);
      const skipped = shown.length - features.length;
      if (skipped > 0)
        io.stderr.write(
          `sitrep incidents: ${skipped} incident${skipped === 1 ? "" : "s"} without coordinates left out\n`,
        );
    } else {
      io.stdout.write(formatIncidentsTable(shown));
    }
    if (incidents.length === 0) io.stderr.write(`sitrep incidents: no events match in ${store.path}\n`);
    else if (shown.length < incidents.length)
      io.stderr.write(`sitrep incidents: showing ${shown.length} of ${incidents.length} incidents\n`);
    return EXIT.ok;
  });
}

/** [longitude, latitude] of an incident: its centroid, else its best place; null when it has none. */
export function pointOf(i: Incident): [number, number] | null {
  const loc = i.location;
  if (!loc) return null;
  if (loc.centroid) return [loc.centroid.lon, loc.centroid.lat];
  return loc.lat !== null && loc.lon !== null ? [loc.lon, loc.lat] : null;
}

function firstActor(i: Incident, role: "actor1" | "actor2"): string | null {
  return i.actors.find((a) => a.roles.includes(role))?.name ?? null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

function joinUnique(values: readonly (string | null)[]): string | null {
  const unique = [...new Set(values.filter((v): v is string => Boolean(v)))];
  return unique.length > 0 ? unique.join("; ") : null;
}

/** One CSV row of an incident. `fatalities` is the lowest figure any source gives (ACLED's conservative rule). */
export function incidentRow(i: Incident): IncidentRow {
  const cc = i.location?.countryCode ?? null;
  const country = cc ? loadAcledTables().countries.get(cc) : undefined;
  const point = pointOf(i);
  const first = i.sources[0];
  const notes = first?.evidence.map((e) => e.text.replace(/\s+/g, " ").trim()).join(" ") ?? null;
  return {
    event_id_cnty: i.id,
    event_date: i.date?.start ?? null,
    year: i.date ? Number(i.date.start.slice(0, 4)) : null,
    event_type: i.eventType,
    sub_event_type: i.subEventType,
    actor1: firstActor(i, "actor1"),
    actor2: firstActor(i, "actor2"),
    iso: country?.iso ?? null,
    country: country?.name ?? cc,
    location: i.location?.name ?? null,
    latitude: point?.[1] ?? null,
    longitude: point?.[0] ?? null,
    geo_precision: i.location?.geoPrecision ?? null,
    source: joinUnique(i.sources.map((s) => s.publisher ?? hostOf(s.url))),
    notes,
    fatalities: i.fatalities.min ?? 0,
    sitrep_date_start: i.date?.start ?? null,
    sitrep_date_end: i.date?.end ?? null,
    sitrep_date_kind: i.date?.kind ?? null,
    sitrep_sources: new Set(i.sources.map((s) => s.articleId)).size,
    sitrep_fatalities_min: i.fatalities.min,
    sitrep_fatalities_max: i.fatalities.max,
    sitrep_fatalities_agreement: i.fatalities.agreement,
    sitrep_injuries_min: i.injuries.min,
    sitrep_injuries_max: i.injuries.max,
    sitrep_injuries_agreement: i.injuries.agreement,
    sitrep_certainty: i.certainty.best,
    sitrep_certainty_counts: certaintySummary(i),
    sitrep_disputed: i.certainty.disputed,
    sitrep_urls: joinUnique(i.sources.map((s) => s.url)),
  };
}

function certaintySummary(i: Incident): string {
  return Object.entries(i.certainty.counts)
    .map(([c, n]) => `${c} ${n}`)
    .join(", ");
}

function countText(c: Incident["fatalities"]): string {
  if (c.min === null) return "-";
  const range = c.min === c.max ? String(c.min) : `${c.min}–${c.max}`;
  return c.agreement === "single" ? range : `${range} (${c.agreement})`;
}

function formatIncidentsTable(incidents: readonly Incident[]): string {
  const rows = incidents.map((i) => [
    i.id,
    i.date ? (i.date.end !== i.date.start ? `${i.date.start}..${i.date.end}` : i.date.start) : "-",
    cell(`${i.eventType} / ${i.subEventType}`),
    cell([i.location?.name, i.location?.countryCode].filter(Boolean).join(", ")),
    String(new Set(i.sources.map((s) => s.articleId)).size),
    countText(i.fatalities),
    `${i.certainty.best}${i.certainty.disputed ? " (disputed)" : ""}: ${certaintySummary(i)}`,
  ]);
  return formatTable(["INCIDENT", "DATE", "TYPE", "LOCATION", "SOURCES", "FATALITIES", "CERTAINTY"], rows);
}

/** `sitrep incidents` from its raw flags: validate them (bad ones: message and exit 2), then run. */
export async function incidentsCommand(
  args: RawQueryArgs,
  io: CliIo = processIo(),
  env?: NodeJS.ProcessEnv,
): Promise<number> {
  try {
    return await runIncidents({ ...parseQueryArgs(args), env }, io);
  } catch (error) {
    return usageExit("incidents", error, io.stderr);
  }
}

/**
 * Typed loosely so that `SUBCOMMANDS` (a union of commands with different arguments) still type-checks at
 * `runCommand(sub, …)` in index.ts.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; citty infers the args of the first subcommand only.
const command: CommandDef<any> = defineCommand({
  meta: {
    name: "incidents",
    description: `Cluster stored events across articles into incidents (--db, else $${STORE_ENV}, else ./sitrep.db)`,
  },
  args: QUERY_ARGS,
  run({ args }) {
    return incidentsCommand(args as RawQueryArgs);
  },
});

export default command;
