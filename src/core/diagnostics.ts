/**
 * Diagnostics: data problems are collected on the Doc (or on a batch), never thrown.
 * Misuse and I/O failures are `SitrepError`s with a stable `code`.
 */

export type Severity = "error" | "warning" | "info";

/** Stable, grep-able codes. Add new ones here; a code never changes meaning. */
export type DiagnosticCode =
  | "ingest/empty"
  | "ingest/binary"
  | "ingest/too-large"
  | "ingest/gzip-truncated"
  | "ingest/gzip-corrupt"
  | "ingest/not-found"
  | "ingest/unreadable"
  | "ingest/encoding-guessed"
  | "ingest/invalid-utf8"
  | "ingest/fetch-failed"
  | "ingest/fetch-timeout"
  | "ingest/bad-jsonl"
  | "ingest/bad-feed"
  | "ingest/bad-warc"
  | "ingest/unsupported-format"
  | "extract/no-article"
  | "extract/short-article"
  | "extract/fallback"
  | "extract/language-unknown"
  | "extract/language-mismatch"
  | "pipeline/stage-failed";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** The stage (or "ingest") that raised it. */
  stage: string;
  message: string;
  /** Optional span in the clean text. */
  span?: { start: number; end: number };
}

/** The one error family: misuse, I/O and fatal per-input failures. */
export class SitrepError extends Error {
  readonly code: DiagnosticCode | "usage" | "internal";
  readonly input?: string;
  constructor(code: SitrepError["code"], message: string, options?: { input?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SitrepError";
    this.code = code;
    this.input = options?.input;
  }
}

export function isSitrepError(error: unknown): error is SitrepError {
  return error instanceof SitrepError;
}
