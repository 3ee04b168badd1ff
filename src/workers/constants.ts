/**
 * Defaults of the analysis pool. Each is a knob of `createAnalysisPool`; the notes say what it was chosen
 * against, so that a change is made knowingly.
 */

/**
 * Cores left to the calling thread: it reads, decodes and hashes inputs and writes the store (ingest) or
 * serves requests (server) while the workers analyse.
 */
export const RESERVED_THREADS = 1;

/**
 * Documents waiting for a worker (not yet running) before `analyze` refuses with "pool/busy". A bound, not a
 * target: ingest keeps far fewer in flight through `mapOrdered`; the server should pass a lower one (each
 * waiting body holds up to its size in memory).
 */
export const DEFAULT_MAX_QUEUE = 256;

/**
 * Old-generation heap limit of each worker (MB). A normal run peaks at about 150–400 MB per worker (181
 * benchmark pages, gazetteer loaded); the limit is there so that one runaway document kills its worker
 * (and fails that document with "pipeline/out-of-memory") instead of the process.
 */
export const DEFAULT_WORKER_HEAP_MB = 2048;

/**
 * Longest analysis of one document (ms) before its worker is stopped and the document fails with
 * "pipeline/timeout". A benchmark page takes about 25 ms on average and a 4 MiB text report 0.7 s (dev
 * machine), so at ingest's 20 MiB size limit 5 minutes only stops runaways. 0 turns the limit off.
 */
export const DEFAULT_TIMEOUT_MS = 300_000;

/** Results kept in flight per thread by `mapOrdered` callers (ingest): one running, one waiting. */
export const IN_FLIGHT_PER_THREAD = 2;

/**
 * Analysed by each worker before it reports ready, so that lazily loaded data (gazetteer, actor
 * dictionary, event model) is loaded at start-up, where a failure is a start-up failure, not a document's.
 */
export const WARMUP_TEXT =
  "Militants attacked an army post near Menaka on Sunday, killing four soldiers, officials said.";
