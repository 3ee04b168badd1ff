/**
 * One document's analysis as a serialisable outcome: what crosses the thread boundary, and what ingest and
 * the server need of an analysis (the record, or why there is none). Types only and no pipeline import, so
 * that the pool's side of a process does not load the pipeline (analyze-outcome.ts runs it).
 */
import type { AnalysisRecord } from "../analyze/index.js";
import type { DiagnosticCode } from "../core/diagnostics.js";

/** Why a document has no record. */
export type AnalyzeFailureCode =
  /** The fatal diagnostic of the Doc (`failureOf`), e.g. "extract/no-article". */
  | DiagnosticCode
  /** The pipeline threw (a bug in a stage or in extraction). */
  | "internal"
  /** The worker ran out of heap on this document and was replaced. */
  | "pipeline/out-of-memory"
  /** The document took longer than the pool's timeout; its worker was stopped and replaced. */
  | "pipeline/timeout"
  /** The worker exited or crashed on this document (not a throw) and was replaced. */
  | "pipeline/worker-crashed";

export type AnalyzeOutcome =
  | { ok: true; record: AnalysisRecord }
  | { ok: false; code: AnalyzeFailureCode; message: string };

/** A throw as an outcome (a bug in a stage must not take a batch down). */
export function internalFailure(error: unknown): AnalyzeOutcome {
  return { ok: false, code: "internal", message: error instanceof Error ? error.message : String(error) };
}
