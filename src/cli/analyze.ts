/** `sitrep analyze <inputs...>`: analyse reports and print their article records. */
import { defineCommand } from "citty";
import { type AnalysisRecord, analyze, failureOf, toRecord } from "../analyze/index.js";
import { SitrepError } from "../core/diagnostics.js";
import {
  type AcledRow,
  acledCsvHeader,
  acledCsvRows,
  formatGeoJson,
  toAcledRows,
  toGeoJson,
} from "../export/index.js";
import { type IngestOptions, readInputs } from "../ingest/index.js";
import {
  type FailureRecord,
  formatJson,
  formatJsonLine,
  formatPretty,
  OUTPUT_FORMATS,
  type OutputFormat,
} from "./format.js";
import { type CliIo, EXIT, exitCodeFor, processIo } from "./io.js";

export const INPUT_FORMATS = ["html", "text", "jsonl", "feed", "warc"] as const;

export interface AnalyzeCommandOptions {
  inputs: string[];
  from?: (typeof INPUT_FORMATS)[number];
  format?: OutputFormat;
  maxBytes?: number;
  timeoutMs?: number;
}

/** Run `analyze`; returns the exit code. Records go to stdout, failures and the summary to stderr. */
export async function runAnalyze(options: AnalyzeCommandOptions, io: CliIo = processIo()): Promise<number> {
  if (options.inputs.length === 0 && ((io.stdin ?? process.stdin) as { isTTY?: boolean }).isTTY) {
    throw new SitrepError(
      "usage",
      "no inputs: give files, folders, URLs, or - (or pipe a report into stdin)",
    );
  }
  const inputs = options.inputs.length > 0 ? options.inputs : ["-"];
  const format: OutputFormat = options.format ?? (io.stdout.isTTY ? "pretty" : "jsonl");
  const ingestOptions: IngestOptions = {
    from: options.from,
    maxBytes: options.maxBytes,
    timeoutMs: options.timeoutMs,
    fetch: io.fetch,
    stdin: io.stdin,
  };
  const records: AnalysisRecord[] = [];
  const failures: FailureRecord[] = [];
  // Exports: acled-csv streams one header then each input's rows; geojson gathers one collection for all inputs.
  const geoRows: AcledRow[] = [];
  if (format === "acled-csv") io.stdout.write(acledCsvHeader());
  let total = 0;
  for await (const item of readInputs(inputs, ingestOptions)) {
    total++;
    if (!item.ok) {
      fail({ input: item.input, error: { code: item.code, message: item.message } });
      continue;
    }
    let record: AnalysisRecord;
    try {
      const doc = analyze(item.doc);
      for (const w of item.warnings ?? [])
        doc.diagnostics.unshift({ ...w, severity: "warning", stage: "ingest" });
      const fatal = failureOf(doc);
      if (fatal) {
        fail({ input: item.doc.name, error: { code: fatal.code, message: fatal.message } });
        continue;
      }
      record = toRecord(doc);
    } catch (error) {
      // A bug in a stage must not take the batch down: report it against this input and go on.
      fail({ input: item.doc.name, error: { code: "internal", message: errorMessage(error) } });
      continue;
    }
    if (format === "json") records.push(record);
    else if (format === "acled-csv") io.stdout.write(acledCsvRows(record));
    else if (format === "geojson") geoRows.push(...toAcledRows(record));
    else io.stdout.write(format === "jsonl" ? formatJsonLine(record) : formatPretty(record));
  }
  if (format === "geojson") {
    const { collection, skipped } = toGeoJson(geoRows);
    io.stdout.write(formatGeoJson(collection));
    if (skipped > 0)
      io.stderr.write(`sitrep analyze: geojson: ${skipped} events without coordinates left out\n`);
  }
  if (format === "json" && records.length > 0) {
    io.stdout.write(
      formatJson(records.length === 1 && total === 1 ? (records[0] as AnalysisRecord) : records),
    );
  }
  if (failures.length > 0 && total > 1) {
    io.stderr.write(`sitrep analyze: ${failures.length} of ${total} inputs failed:\n`);
    for (const f of failures) io.stderr.write(`  ${f.input}: ${f.error.message} [${f.error.code}]\n`);
  }
  return exitCodeFor(total, failures.length);

  function fail(record: FailureRecord): void {
    failures.push(record);
    io.stderr.write(`sitrep: ${record.input}: ${record.error.message} [${record.error.code}]\n`);
    if (format === "jsonl") io.stdout.write(formatJsonLine(record));
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parsePositiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new SitrepError("usage", `${flag} must be a positive integer, got "${value}"`);
  return n;
}

function parseEnum<T extends string>(
  value: string | undefined,
  options: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!options.includes(value as T))
    throw new SitrepError("usage", `${flag} must be one of ${options.join(", ")}, got "${value}"`);
  return value as T;
}

export default defineCommand({
  meta: {
    name: "analyze",
    description: "Analyse news reports (files, folders, URLs, - for stdin) into article records",
  },
  args: {
    from: {
      type: "string",
      description: "Input format, instead of sniffing: html | text | jsonl | feed | warc",
      valueHint: "format",
    },
    format: {
      type: "string",
      alias: "f",
      description:
        "Output: pretty (default on a terminal) | json | jsonl (default otherwise) | acled-csv | geojson",
      valueHint: "format",
    },
    "max-bytes": { type: "string", description: "Largest document accepted, in bytes (default 20 MiB)" },
    timeout: { type: "string", description: "URL fetch timeout in milliseconds (default 20000)" },
  },
  async run({ args }) {
    try {
      return await runAnalyze({
        inputs: args._,
        from: parseEnum(args.from, INPUT_FORMATS, "--from"),
        format: parseEnum(args.format, OUTPUT_FORMATS, "--format"),
        maxBytes: parsePositiveInt(args["max-bytes"], "--max-bytes"),
        timeoutMs: parsePositiveInt(args.timeout, "--timeout"),
      });
    } catch (error) {
      if (error instanceof SitrepError && error.code === "usage") {
        process.stderr.write(`sitrep analyze: ${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
  },
});
