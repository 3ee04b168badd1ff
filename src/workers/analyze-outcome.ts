/**
 * `analyzeOutcome`: one document through the pipeline, as an outcome. The same function runs in the workers
 * and in-process (`threads: 0`), so both give the same outcome. Importing this module loads the pipeline.
 */
import { analyze, failureOf, toRecord } from "../analyze/index.js";
import type { SourceDocument } from "../core/doc.js";
import type { IngestWarning } from "../ingest/index.js";
import { type AnalyzeOutcome, internalFailure } from "./outcome.js";

/**
 * Analyse one document the way ingest does: read warnings go first among the diagnostics (stage "ingest",
 * in the order read), a fatal diagnostic (`failureOf`) or a throw is a failure, anything else a record.
 */
export function analyzeOutcome(doc: SourceDocument, warnings: readonly IngestWarning[] = []): AnalyzeOutcome {
  try {
    const analysed = analyze(doc);
    analysed.diagnostics.unshift(
      ...warnings.map((w) => ({ ...w, severity: "warning" as const, stage: "ingest" })),
    );
    const fatal = failureOf(analysed);
    if (fatal) return { ok: false, code: fatal.code, message: fatal.message };
    return { ok: true, record: toRecord(analysed) };
  } catch (error) {
    return internalFailure(error);
  }
}
