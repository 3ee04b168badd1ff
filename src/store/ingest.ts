/**
 * Inputs → analysed articles in a store. For each document `readInputs` yields, in order:
 * 1. stop (marking the run interrupted) when the signal is aborted: the previous article is committed;
 * 2. hash the decoded content; content already stored counts as "unchanged" without analysing it again
 *    (this makes resuming an interrupted run cheap);
 * 3. analyse it — on the worker-thread pool (src/workers) when `threads` > 0, a window of documents at a
 *    time, results taken in input order; a read or analysis failure is counted with its reason, and the
 *    batch goes on;
 * 4. put the record in the store, in one transaction (on this thread, in input order).
 * A StoreError (locked, read-only, corrupt store) ends the run: it is not a problem of one input.
 */
import { type IngestItem, type IngestOptions, readInputs } from "../ingest/index.js";
import {
  type AnalysisPool,
  type AnalyzeOutcome,
  createAnalysisPool,
  IN_FLIGHT_PER_THREAD,
  mapOrdered,
} from "../workers/index.js";
import { canonicalUrl, contentHash } from "./identity.js";
import type { PutStatus, Store } from "./types.js";

export interface IngestToStoreOptions extends IngestOptions {
  /** Abort to stop after the current article's transaction. */
  signal?: AbortSignal;
  /** Called after each document, whatever its outcome (progress reporting). */
  onItem?: (item: IngestedItem) => void;
  /**
   * Worker threads for analysis; 0 (the default) analyses on this thread, which is quicker for a handful of
   * documents (no workers to start). `sitrep ingest` picks every core but one for larger batches.
   */
  threads?: number;
  /** A pool to use instead of starting one (it is not closed here). */
  pool?: AnalysisPool;
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

type ReadItem = Extract<IngestItem, { ok: true }>;

/** One document after steps 2–3: read failure, already stored, or analysed. */
type Step =
  | { kind: "failed"; input: string; code: string; message: string }
  | { kind: "seen"; item: ReadItem; seen: { articleId: number; revision: number } }
  | { kind: "analysed"; item: ReadItem; hash: string; outcome: AnalyzeOutcome };

export async function ingestToStore(
  store: Store,
  inputs: readonly string[],
  options: IngestToStoreOptions = {},
): Promise<IngestSummary> {
  const { signal, onItem, threads = 0, pool: given, ...readOptions } = options;
  const summary = emptySummary();
  const report = (item: IngestedItem) => {
    countItem(summary, item);
    onItem?.(item);
  };
  if (signal?.aborted) return { ...summary, interrupted: true };
  const pool = given ?? createAnalysisPool({ threads });
  const window = Math.max(1, pool.threads * IN_FLIGHT_PER_THREAD);
  const step = async (item: IngestItem): Promise<Step> => {
    if (!item.ok) return { kind: "failed", input: item.input, code: item.code, message: item.message };
    const hash = contentHash(item.doc.content);
    const seen = await store.markSeen(hash);
    if (seen) return { kind: "seen", item, seen };
    return {
      kind: "analysed",
      item,
      hash,
      outcome: await pool.analyze(item.doc, { warnings: item.warnings }),
    };
  };
  try {
    for await (const done of mapOrdered(readInputs(inputs, readOptions), step, { window })) {
      if (signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      if (done.kind === "failed") {
        report({ input: done.input, status: "failed", code: done.code, message: done.message });
        continue;
      }
      const input = done.item.doc.name;
      if (done.kind === "seen") {
        report({ input, status: "unchanged", ...done.seen });
        continue;
      }
      if (!done.outcome.ok) {
        report({ input, status: "failed", code: done.outcome.code, message: done.outcome.message });
        continue;
      }
      // Two copies of one document inside the window both passed markSeen before either was stored;
      // putAnalysis answers "unchanged" for the second (same content hash).
      const record = done.outcome.record;
      const meta = {
        contentHash: done.hash,
        canonicalUrl: canonicalUrl(record.article.url ?? done.item.doc.url),
      };
      const put = await store.putAnalysis(record, meta);
      report({ input, ...put });
    }
  } finally {
    if (!given) await pool.close();
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
