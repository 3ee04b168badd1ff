/**
 * Distributed work (issue #6): a queue of analysis jobs in the store's PostgreSQL database (pg-boss, schema
 * `sitrep_queue`), filled by `sitrep ingest --queue` and emptied by any number of `sitrep worker` processes
 * on any machines, each analysing on every core (the worker-thread pool) and storing each article in its own
 * transaction. It sits above the store and the workers, like the CLI.
 *
 * - queue.ts: opening pg-boss on the store's URL, the queue, enqueue/fetch/complete/fail;
 * - jobs.ts: a job's payload (one decoded document), its size limit and its id (from the content hash);
 * - enqueue.ts: inputs → jobs; worker.ts: the worker loop and its fault handling; status.ts: `sitrep status`.
 */
export * from "./constants.js";
export {
  type EnqueuedItem,
  type EnqueueInputsOptions,
  type EnqueueSummary,
  enqueueInputs,
} from "./enqueue.js";
export {
  decodeJob,
  type EncodedJob,
  encodeJob,
  type JobData,
  JobError,
  jobIdFor,
  type QueueDocument,
} from "./jobs.js";
export {
  type EnqueueResult,
  type JobOutput,
  type OpenQueueOptions,
  openQueue,
  type Queue,
  type QueueJob,
} from "./queue.js";
export {
  type FailureInfo,
  JOB_STATES,
  type JobState,
  type QueueStatus,
  queueStatus,
  type RateWindow,
  type WorkerInfo,
} from "./status.js";
export { type JobResult, type RunWorkerOptions, runWorker, type WorkerSummary } from "./worker.js";
