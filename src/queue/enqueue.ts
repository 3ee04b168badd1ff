/**
 * Inputs → jobs in the queue (`sitrep ingest --queue`). For each document `readInputs` yields, in order:
 * 1. stop (marking the run interrupted) when the signal is aborted: what was enqueued stays enqueued;
 * 2. a read failure is counted with its reason;
 * 3. hash the decoded content; content already in the store counts as "unchanged" and is not enqueued;
 * 4. encode the job (a document over the job size limit fails with "queue/too-large");
 * 5. enqueue in chunks; content already queued (the same job id) counts as "already queued".
 * A StoreError (the database unreachable) ends the run: it is not a problem of one input.
 */
import { type IngestOptions, readInputs } from "../ingest/index.js";
import { contentHash, type Store } from "../store/index.js";
import { ENQUEUE_CHUNK_BYTES, ENQUEUE_CHUNK_JOBS, MAX_JOB_BYTES } from "./constants.js";
import { type EncodedJob, encodeJob, JobError } from "./jobs.js";
import type { Queue } from "./queue.js";

export interface EnqueueInputsOptions extends IngestOptions {
  /** Abort to stop reading; what was enqueued stays. */
  signal?: AbortSignal;
  /** Called for each document once its fate is known (progress reporting). */
  onItem?: (item: EnqueuedItem) => void;
  /** Largest job payload in bytes. Default MAX_JOB_BYTES. */
  maxJobBytes?: number;
}

export type EnqueuedItem =
  | { input: string; status: "queued" | "already-queued" | "unchanged" }
  | { input: string; status: "failed"; code: string; message: string };

export interface EnqueueSummary {
  /** Documents read (each JSON Lines record counts), failed ones included. */
  total: number;
  queued: number;
  alreadyQueued: number;
  /** Already in the store: not enqueued. */
  unchanged: number;
  failed: { input: string; code: string; message: string }[];
  interrupted: boolean;
}

export async function enqueueInputs(
  queue: Queue,
  store: Store,
  inputs: readonly string[],
  options: EnqueueInputsOptions = {},
): Promise<EnqueueSummary> {
  const { signal, onItem, maxJobBytes = MAX_JOB_BYTES, ...readOptions } = options;
  const summary: EnqueueSummary = {
    total: 0,
    queued: 0,
    alreadyQueued: 0,
    unchanged: 0,
    failed: [],
    interrupted: false,
  };
  const report = (item: EnqueuedItem) => {
    summary.total++;
    if (item.status === "failed")
      summary.failed.push({ input: item.input, code: item.code, message: item.message });
    else if (item.status === "queued") summary.queued++;
    else if (item.status === "already-queued") summary.alreadyQueued++;
    else summary.unchanged++;
    onItem?.(item);
  };
  let pending: { input: string; job: EncodedJob }[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const { added } = await queue.enqueue(pending.map((p) => p.job));
    const seen = new Set<string>();
    for (const { input, job } of pending) {
      // The first document of a job id that was new is "queued"; any other with that id was already there.
      const fresh = added.has(job.id) && !seen.has(job.id);
      seen.add(job.id);
      report({ input, status: fresh ? "queued" : "already-queued" });
    }
    pending = [];
    pendingBytes = 0;
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
    if (await store.markSeen(contentHash(item.doc.content))) {
      report({ input: item.doc.name, status: "unchanged" });
      continue;
    }
    let job: EncodedJob;
    try {
      job = encodeJob(item, maxJobBytes);
    } catch (error) {
      if (!(error instanceof JobError)) throw error;
      report({ input: item.doc.name, status: "failed", code: error.code, message: error.message });
      continue;
    }
    pending.push({ input: item.doc.name, job });
    pendingBytes += job.bytes;
    if (pending.length >= ENQUEUE_CHUNK_JOBS || pendingBytes >= ENQUEUE_CHUNK_BYTES) await flush();
  }
  await flush();
  return summary;
}
