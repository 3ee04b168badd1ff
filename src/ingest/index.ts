/**
 * The ingest stage: command-line inputs (files, folders, "-" for stdin, http(s) URLs) → decoded
 * SourceDocuments, one at a time and in input order. Every bad input becomes a failed item with a
 * diagnostic code; a batch never stops for one.
 */
import { SitrepError } from "../core/diagnostics.js";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from "./constants.js";
import { readDocuments } from "./documents.js";
import { openUrl } from "./fetch.js";
import { URL_INPUT } from "./patterns.js";
import { expandPath, openFile, openStdin } from "./read.js";
import type { ByteSource, IngestFailure, IngestItem, IngestOptions } from "./types.js";

export { type Decoded, type DecodeOptions, decodeBytes, normalizeEncoding } from "./decode.js";
export { JsonlRecord } from "./jsonl.js";
export { sniffBinary, sniffFormat } from "./sniff.js";
export type { IngestFormat, IngestItem, IngestOptions, IngestWarning } from "./types.js";

const STDIN_INPUT = "-";

/** Read every input, yielding its documents (or failures) as they are read. */
export async function* readInputs(
  inputs: readonly string[],
  options: IngestOptions = {},
): AsyncGenerator<IngestItem> {
  const settings = {
    from: options.from,
    maxBytes: positive(options.maxBytes, "maxBytes") ?? DEFAULT_MAX_BYTES,
  };
  const timeoutMs = positive(options.timeoutMs, "timeoutMs") ?? DEFAULT_TIMEOUT_MS;
  for (const input of inputs) {
    for await (const opened of openInput(input, { ...options, timeoutMs })) {
      if ("ok" in opened) yield opened;
      else yield* readDocuments(opened, settings);
    }
  }
}

/** The sources an input stands for: one, or one per file under a folder (with failures along the way). */
async function* openInput(input: string, options: IngestOptions): AsyncGenerator<ByteSource | IngestFailure> {
  if (input === STDIN_INPUT) {
    yield openStdin(options.stdin ?? process.stdin);
    return;
  }
  if (URL_INPUT.test(input)) {
    yield await openUrl(input, {
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    return;
  }
  for await (const entry of expandPath(input)) {
    yield entry.ok ? await openFile(entry.path) : entry;
  }
}

/** A misused option is a programmer error, thrown before anything is read. */
function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(value > 0) || !Number.isFinite(value))
    throw new SitrepError("usage", `${name} must be a positive number, got ${value}`);
  return value;
}
