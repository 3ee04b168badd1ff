/**
 * Inputs → analysed articles in a store. For each document `readInputs` yields, in order:
 * 1. stop (marking the run interrupted) when the signal is aborted: the previous article is committed;
 * 2. hash the decoded content; content already stored counts as "unchanged" without analysing it again
 *    (this makes resuming an interrupted run cheap);
 * 3. analyse it; a read or analysis failure is counted with its reason, and the batch goes on;
 * 4. put the record in the store, in one transaction.
 * A StoreError (locked, read-only, corrupt store) ends the run: it is not a problem of one input.
 */
import { type AnalysisRecord, analyze, failureOf, toRecord } from "../analyze/index.js";
import { type IngestItem, type IngestOptions, readInputs } from "../ingest/index.js";
import { canonicalUrl, contentHash } from "./identity.js";
import type { PutStatus, Store } from "./types.js";

export interface IngestToStoreOptions extends IngestOptions {
  /** Abort to stop after the current article's transaction. */
  signal?: AbortSignal;
  /** Called after each document, whatever its outcome (progress reporting). */
  onItem?: (item: IngestedItem) => void;
}

export type IngestedItem =
  | { input: string; status: PutStatus; articleId: number; revision: number }
  | { input: string; status: "failed"; code: string; message: string };

export interface IngestFailureReason {
  input: string;
  code: string;
  message: string;
}

export interface IngestSummary {
  /** Documents read (each JSON Lines record counts), failed ones included. */
  total: number;
  ingested: number;
  revised: number;
  unchanged: number;
  failed: IngestFailureReason[];
  /** Stopped by the signal before every input was read. */
  interrupted: boolean;
}

export async function ingestToStore(
  store: Store,
  inputs: readonly string[],
  options: IngestToStoreOptions = {},
): Promise<IngestSummary> {
  const { signal, onItem, ...readOptions } = options;
  const summary = emptySummary();
  const report = (item: IngestedItem) => {
    countItem(summary, item);
    onItem?.(item);
  };
  if (signal?.aborted) return { ...summary, interrupted: true };
  for await (const item of readInputs(inputs, readOptions)) {
    if (signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    if (!item.ok) {
      report({ input: item.input, status: "failed", code: item.code, message: item.message });
      continue;
    }
    const hash = contentHash(item.doc.content);
    const seen = await store.markSeen(hash);
    if (seen) {
      report({ input: item.doc.name, status: "unchanged", ...seen });
      continue;
    }
    const analysed = analyseDocument(item);
    if ("error" in analysed) {
      report({ input: item.doc.name, status: "failed", ...analysed.error });
      continue;
    }
    const meta = {
      contentHash: hash,
      canonicalUrl: canonicalUrl(analysed.record.article.url ?? item.doc.url),
    };
    const put = await store.putAnalysis(analysed.record, meta);
    report({ input: item.doc.name, ...put });
  }
  return summary;
}

export function emptySummary(): IngestSummary {
  return { total: 0, ingested: 0, revised: 0, unchanged: 0, failed: [], interrupted: false };
}

/** Add one document's outcome to a summary. */
export function countItem(summary: IngestSummary, item: IngestedItem): void {
  summary.total++;
  if (item.status === "failed")
    summary.failed.push({ input: item.input, code: item.code, message: item.message });
  else summary[item.status]++;
}

type ReadItem = Extract<IngestItem, { ok: true }>;

function analyseDocument(
  item: ReadItem,
): { record: AnalysisRecord } | { error: { code: string; message: string } } {
  try {
    const doc = analyze(item.doc);
    for (const w of item.warnings ?? [])
      doc.diagnostics.unshift({ ...w, severity: "warning", stage: "ingest" });
    const fatal = failureOf(doc);
    if (fatal) return { error: { code: fatal.code, message: fatal.message } };
    return { record: toRecord(doc) };
  } catch (error) {
    // A bug in a stage must not take the batch down: report it against this input and go on.
    return { error: { code: "internal", message: error instanceof Error ? error.message : String(error) } };
  }
}
