/**
 * `sitrep events [--db PATH] [filters] [--limit N] [--format table|jsonl|csv|geojson]`: the stored events that
 * match the filters (query-args.ts), newest first.
 * - table: date, type/sub-type, actor1 → actor2, location, fatalities, certainty, source, evidence (truncated);
 * - jsonl: one stored event row a line (ACLED's column names where ACLED has one);
 * - csv: the ACLED export of src/export (ACLED's 31 columns in ACLED's order, then sitrep_*), rebuilt from the
 *   stored article records so that every column is filled;
 * - geojson: a FeatureCollection of those rows ([longitude, latitude]; rows without coordinates are skipped).
 * Exit codes: 0 (also when nothing matches: "no event" is a result), 2 bad flags, 4 store unusable.
 */
import { type CommandDef, defineCommand } from "citty";
import { SitrepError } from "../core/diagnostics.js";
import {
  ACLED_EXPORT_COLUMNS,
  type AcledExportOptions,
  type AcledRow,
  formatGeoJson,
  toAcledRows,
  toCsv,
  toGeoJson,
} from "../export/index.js";
import {
  defaultStorePath,
  isStoreError,
  openStore,
  STORE_ENV,
  type Store,
  type StoredEvent,
} from "../store/index.js";
import { ArticleRecords, collectEvents } from "../store/queries.js";
import { type CliIo, EXIT, processIo } from "./io.js";
import { parseQueryArgs, QUERY_ARGS, type QueryOptions, type RawQueryArgs } from "./query-args.js";

/** Events output when --limit is not given. */
export const DEFAULT_EVENTS_LIMIT = 1000;
/** Widest evidence cell in the table, in characters. */
const EVIDENCE_WIDTH = 60;
/** Widest other table cell, in characters. */
const CELL_WIDTH = 40;
/** Every stored event becomes a row: the filters (and --all) already chose them. */
export const EXPORT_ALL: AcledExportOptions = {
  includeBackground: true,
  includeNegated: true,
  includeUnrealised: true,
  includeOtherEvents: true,
};

export interface EventsCommandOptions extends QueryOptions {
  env?: NodeJS.ProcessEnv;
}

/** Open the store read-only and run `body`; a StoreError is reported as `sitrep <name>: …` and exit 4. */
export async function withStore(
  name: string,
  db: string | undefined,
  env: NodeJS.ProcessEnv,
  io: CliIo,
  body: (store: Store) => Promise<number>,
): Promise<number> {
  const path = defaultStorePath(db, env);
  let store: Store;
  try {
    store = await openStore(path, { readonly: true });
  } catch (error) {
    if (!isStoreError(error)) throw error;
    io.stderr.write(`sitrep ${name}: ${error.message} [${error.code}]\n`);
    return EXIT.store;
  }
  try {
    return await body(store);
  } catch (error) {
    if (!isStoreError(error)) throw error;
    io.stderr.write(`sitrep ${name}: ${error.message} [${error.code}]\n`);
    return EXIT.store;
  } finally {
    await store.close();
  }
}

/** The ACLED-style rows of stored events, in their order; events whose record is gone are skipped. */
export function acledRowsOf(events: readonly StoredEvent[], records: ArticleRecords): AcledRow[] {
  const byArticle = new Map<number, Map<string, AcledRow>>();
  const rows: AcledRow[] = [];
  for (const e of events) {
    let rowsById = byArticle.get(e.article_id);
    if (!rowsById) {
      const record = records.record(e.article_id);
      rowsById = new Map(
        (record ? toAcledRows(record, EXPORT_ALL) : []).map((r) => [String(r.sitrep_event_id), r]),
      );
      byArticle.set(e.article_id, rowsById);
    }
    const row = rowsById.get(e.event_id);
    if (row) rows.push(row);
  }
  return rows;
}

/** Run `events`; returns the exit code. Data to stdout, notes to stderr. */
export function runEvents(options: EventsCommandOptions, io: CliIo = processIo()): Promise<number> {
  const format = options.format ?? (io.stdout.isTTY ? "table" : "jsonl");
  const limit = options.limit ?? DEFAULT_EVENTS_LIMIT;
  return withStore("events", options.db, options.env ?? process.env, io, async (store) => {
    const { events, truncated } = await collectEvents(store, options.filter, options.certainties, limit);
    const records =
      format === "csv" || format === "geojson" ? await ArticleRecords.load(store, events) : null;
    if (format === "jsonl") {
      for (const e of events) io.stdout.write(`${JSON.stringify(e)}\n`);
    } else if (records) {
      const rows = acledRowsOf(events, records);
      const missing = events.length - rows.length;
      if (missing > 0)
        io.stderr.write(`sitrep events: ${plural(missing, "event")} without a stored record left out\n`);
      if (format === "csv") io.stdout.write(toCsv(ACLED_EXPORT_COLUMNS, rows));
      else {
        const { collection, skipped } = toGeoJson(rows);
        io.stdout.write(formatGeoJson(collection));
        if (skipped > 0)
          io.stderr.write(`sitrep events: ${plural(skipped, "event")} without coordinates left out\n`);
      }
    } else {
      io.stdout.write(formatEventsTable(events));
    }
    if (events.length === 0) io.stderr.write(`sitrep events: no events match in ${store.path}\n`);
    if (truncated)
      io.stderr.write(
        `sitrep events: showing the first ${limit} events; raise --limit or narrow the filters\n`,
      );
    return EXIT.ok;
  });
}

/** "1 event", "2 events". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** A cell: whitespace collapsed, cut at `width` with an ellipsis. */
export function cell(value: string | number | null | undefined, width = CELL_WIDTH): string {
  if (value === null || value === undefined || value === "") return "-";
  const text = String(value).replace(/\s+/g, " ").trim();
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** Fixed-width columns separated by two spaces; the last column is not padded. */
export function formatTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) =>
    `${r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd()}\n`;
  return [line(header), ...rows.map(line)].join("");
}

function dateRange(start: string | null, end: string | null): string {
  if (!start) return "-";
  return end && end !== start ? `${start}..${end}` : start;
}

function formatEventsTable(events: readonly StoredEvent[]): string {
  const rows = events.map((e) => [
    dateRange(e.event_date, e.event_date_end),
    cell(`${e.event_type} / ${e.sub_event_type}`),
    cell(`${e.actor1 ?? "?"} → ${e.actor2 ?? "-"}`),
    cell([e.location, e.admin1, e.iso].filter(Boolean).join(", ")),
    e.fatalities === null ? "-" : String(e.fatalities),
    e.certainty,
    cell(
      e.attribution_source === "the outlet" || !e.attribution_source
        ? e.source
        : `${e.source ?? "?"} (${e.attribution_source})`,
    ),
    cell(e.notes, EVIDENCE_WIDTH),
  ]);
  return formatTable(
    ["DATE", "TYPE", "ACTORS", "LOCATION", "FATALITIES", "CERTAINTY", "SOURCE", "EVIDENCE"],
    rows,
  );
}

/** `sitrep events` from its raw flags: validate them (bad ones: message and exit 2), then run. */
export async function eventsCommand(
  args: RawQueryArgs,
  io: CliIo = processIo(),
  env?: NodeJS.ProcessEnv,
): Promise<number> {
  try {
    return await runEvents({ ...parseQueryArgs(args), env }, io);
  } catch (error) {
    return usageExit("events", error, io.stderr);
  }
}

/** A usage error as `sitrep <name>: <message>` and exit 2; anything else is rethrown. */
export function usageExit(name: string, error: unknown, stderr: NodeJS.WritableStream): number {
  if (error instanceof SitrepError && error.code === "usage") {
    stderr.write(`sitrep ${name}: ${error.message}\n`);
    return EXIT.usage;
  }
  throw error;
}

/**
 * Typed loosely so that `SUBCOMMANDS` (a union of commands with different arguments) still type-checks at
 * `runCommand(sub, …)` in index.ts.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; citty infers the args of the first subcommand only.
const command: CommandDef<any> = defineCommand({
  meta: {
    name: "events",
    description: `List stored events matching filters (--db, else $${STORE_ENV}, else ./sitrep.db)`,
  },
  args: QUERY_ARGS,
  run({ args }) {
    return eventsCommand(args as RawQueryArgs);
  },
});

export default command;
