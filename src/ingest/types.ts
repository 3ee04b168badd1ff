/** Public types of the ingest stage (re-exported by index.ts). */

import type { DiagnosticCode } from "../core/diagnostics.js";
import type { SourceDocument } from "../core/doc.js";

export type IngestFormat = "html" | "text" | "jsonl" | "feed" | "warc";

export interface IngestOptions {
  /** Input format, instead of sniffing. */
  from?: IngestFormat;
  /** Largest document in bytes after gunzip (a JSON Lines record counts as one document). Default 20 MiB. */
  maxBytes?: number;
  /** URL fetch timeout in milliseconds, for the whole download. Default 20 s. */
  timeoutMs?: number;
  /** The fetch used for URLs (tests inject their own). Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** The stream read for the input "-". Default `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
}

/** A data problem that did not stop the document (e.g. invalid UTF-8 decoded with replacement characters). */
export interface IngestWarning {
  code: DiagnosticCode;
  message: string;
}

export type IngestItem =
  | { ok: true; doc: SourceDocument; warnings?: IngestWarning[] }
  | { ok: false; input: string; code: DiagnosticCode; message: string };

export type IngestFailure = Extract<IngestItem, { ok: false }>;

export type SourceEncoding = NonNullable<SourceDocument["encoding"]>;

/** An opened input: its bytes as a stream of chunks, plus what the container says about them. */
export interface ByteSource {
  /** The input as given (a path, a URL, "-", or a path inside a given folder). */
  name: string;
  chunks: AsyncIterable<Buffer | Uint8Array | string>;
  /** Size in bytes when known up front (file size, Content-Length without Content-Encoding). */
  size?: number;
  /** HTTP Content-Type header (URLs). */
  contentType?: string;
  /** Final URL after redirects (URLs). */
  url?: string;
  /** Format hinted by the file extension or media type; breaks ties when sniffing is undecided. */
  formatHint?: IngestFormat;
  /** Release whatever is still open (file handle, HTTP body). Safe to call twice. */
  close(): void;
}

export function failure(input: string, code: DiagnosticCode, message: string): IngestFailure {
  return { ok: false, input, code, message };
}
