/**
 * Knobs of the work queue (pg-boss in the store's PostgreSQL database). Each default is a knob of
 * `openQueue` / `runWorker`; the notes say what it was chosen against, so that a change is made knowingly.
 */

const KIB = 1024;
const MIB = 1024 * KIB;

/** The PostgreSQL schema pg-boss keeps its tables in, beside the store's `sitrep` schema. */
export const QUEUE_SCHEMA = "sitrep_queue";
/** The one queue: a job is one decoded input document to analyse and store. */
export const QUEUE_NAME = "sitrep-analyse";

/**
 * Tries of a job after its first, for failures that another try may get past (the store unreachable for
 * longer than a worker waits, locked, out of disk): 3 retries with backoff span about half a minute.
 * A document the pipeline cannot analyse is not retried (it would fail the same way).
 */
export const DEFAULT_RETRY_LIMIT = 3;
/**
 * Base delay of the retries (s). pg-boss doubles it per try with jitter: about 2–4 s, 4–8 s, 8–16 s.
 */
export const DEFAULT_RETRY_DELAY_S = 2;
/**
 * Lease of a job (s): a job taken by a worker that has not finished it this long after is failed by the
 * queue's maintenance and taken again (the worker died, or its machine did). A benchmark page takes about
 * 25 ms to analyse and ingest's 5-minute analysis timeout stops runaways, so 15 minutes only ever expires
 * the jobs of dead workers, even for a full batch on one slow thread.
 */
export const DEFAULT_LEASE_S = 15 * 60;
/**
 * How often a worker runs the queue's maintenance (s): expiring the leases of dead workers' jobs and
 * archiving finished ones. Every worker runs it; pg-boss makes sure one run happens per interval across
 * all of them. A dead worker's job is retaken after its lease plus at most this.
 */
export const DEFAULT_MAINTENANCE_INTERVAL_S = 30;
/** How long an idle worker waits before asking the queue for jobs again (ms). */
export const DEFAULT_POLL_INTERVAL_MS = 1000;

/**
 * Largest job payload (bytes of its JSON): above ingest's 20 MiB document limit with room for JSON
 * escaping. A larger document (`--max-bytes` raised) is refused at enqueue with "queue/too-large":
 * a worker reads each job whole, and pg-boss keeps it in one jsonb value.
 */
export const MAX_JOB_BYTES = 32 * MIB;
/** Jobs inserted per statement at enqueue, at most (one round trip each)… */
export const ENQUEUE_CHUNK_JOBS = 200;
/** …and at most this many bytes of payload per statement. */
export const ENQUEUE_CHUNK_BYTES = 16 * MIB;

/**
 * How long a worker keeps one job while the database cannot be reached (ms), trying again with backoff,
 * before it gives the job back to the queue's retries. A PostgreSQL restart takes seconds; a longer outage
 * makes the job's retries count.
 */
export const DEFAULT_RECONNECT_WAIT_MS = 60_000;
/** First and longest pause between tries while the database cannot be reached (ms). */
export const RECONNECT_BACKOFF_MIN_MS = 250;
export const RECONNECT_BACKOFF_MAX_MS = 5000;

/**
 * `application_name` of a worker's queue connections (then " <host> <pid>"): how `sitrep status` counts
 * the workers connected (pg_stat_activity).
 */
export const WORKER_APPLICATION_NAME = "sitrep-worker";
/** `application_name` of the queue connections of `ingest --queue` and `status`. */
export const CLIENT_APPLICATION_NAME = "sitrep-queue";
/** Connections of a queue client (fetch, complete and maintenance share them; the store has its own). */
export const QUEUE_POOL_SIZE = 3;
/** Wait for the server when opening the queue (ms), as the store waits. */
export const QUEUE_CONNECT_TIMEOUT_MS = 10_000;

/** Failures `sitrep status` lists, newest first, unless asked for another number. */
export const DEFAULT_FAILURES_SHOWN = 10;
/** The windows `sitrep status` reports completion rates over (s). */
export const RATE_WINDOWS_S = [60, 600] as const;
/** Notices about the database (unreachable, back) at most this often per kind (ms), so a long outage is not a flood. */
export const NOTICE_INTERVAL_MS = 10_000;
