/**
 * The queue's state for `sitrep status`: jobs by state, how many finished in the last minute and ten
 * minutes (as rates), the workers connected, and the latest failures with their reasons. Read with SQL over
 * pg-boss's tables (`job`, `archive`; the layout of pg-boss major 10) and `pg_stat_activity`, every value a
 * query parameter.
 */
import { QUEUE_NAME, QUEUE_SCHEMA, RATE_WINDOWS_S, WORKER_APPLICATION_NAME } from "./constants.js";
import type { Queue } from "./queue.js";

/** pg-boss's job states, in its order. */
export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface RateWindow {
  seconds: number;
  /** Jobs finished in the window (stored, found stored, or failed for good). */
  completed: number;
  /** Of those, failed (analysis failures and jobs out of retries). */
  failed: number;
  perSecond: number;
}

export interface WorkerInfo {
  host: string;
  pid: number;
  /** Its queue connections open now. */
  connections: number;
  /** When its oldest open connection was made (ISO). */
  since: string;
}

export interface FailureInfo {
  id: string;
  /** "failed": out of retries (or expired too often); "retry": waiting for another try; "completed": the
   * document cannot be analysed (never retried). */
  state: "failed" | "retry" | "completed";
  input: string | null;
  code: string | null;
  message: string;
  /** Tries so far beyond the first. */
  retries: number;
  /** When it failed (ISO). */
  at: string | null;
}

export interface QueueStatus {
  queue: string;
  /** Jobs in the queue by state (finished jobs are archived after a while and no longer counted). */
  states: Record<JobState, number>;
  /** Jobs waiting, retrying or running. */
  depth: number;
  /** Finished jobs whose document could not be analysed (completed with a failure, not retried). */
  analysisFailures: number;
  rates: RateWindow[];
  workers: WorkerInfo[];
  /** Latest failures first (retrying, out of retries, or unanalysable). */
  failures: FailureInfo[];
}

/** The job's input name and failure reason, from its payload and output (pg-boss's timeout is `value`). */
const FAILURE_COLUMNS = `id::text AS id, state::text AS state, data->>'name' AS input,
  output->>'code' AS code,
  coalesce(output->>'message', output->'value'->>'message', 'no reason recorded') AS message,
  retry_count AS retries, coalesce(completed_on, started_on, created_on) AS at`;
/** Failures: out of retries, waiting to retry after a failure, or completed as unanalysable. */
const FAILURE_WHERE = `name = $1 AND (state = 'failed' OR (state = 'retry' AND output IS NOT NULL)
  OR (state = 'completed' AND output->>'status' = 'failed'))`;

/** Read the queue's status; `failures` is how many of the latest failures to list. */
export async function queueStatus(queue: Queue, failures: number): Promise<QueueStatus> {
  const states = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  const byState = await queue.query<{ state: JobState; jobs: string }>(
    `SELECT state::text AS state, count(*) AS jobs FROM ${QUEUE_SCHEMA}.job WHERE name = $1 GROUP BY state`,
    [QUEUE_NAME],
  );
  for (const row of byState) states[row.state] = Number(row.jobs);
  const [unanalysable] = await queue.query<{ jobs: string }>(
    `SELECT count(*) AS jobs FROM ${QUEUE_SCHEMA}.job
     WHERE name = $1 AND state = 'completed' AND output->>'status' = 'failed'`,
    [QUEUE_NAME],
  );
  const rates: RateWindow[] = [];
  for (const seconds of RATE_WINDOWS_S) {
    const [row] = await queue.query<{ completed: string; failed: string }>(
      `SELECT count(*) FILTER (WHERE state IN ('completed', 'failed')) AS completed,
         count(*) FILTER (WHERE state = 'failed' OR output->>'status' = 'failed') AS failed
       FROM ${QUEUE_SCHEMA}.job
       WHERE name = $1 AND completed_on > now() - make_interval(secs => $2)`,
      [QUEUE_NAME, seconds],
    );
    const completed = Number(row?.completed ?? 0);
    rates.push({ seconds, completed, failed: Number(row?.failed ?? 0), perSecond: completed / seconds });
  }
  const connections = await queue.query<{ application_name: string; since: Date }>(
    `SELECT application_name, backend_start AS since FROM pg_stat_activity
     WHERE datname = current_database() AND starts_with(application_name, $1)`,
    [`${WORKER_APPLICATION_NAME} `],
  );
  const recent = await queue.query<
    Omit<FailureInfo, "at" | "retries"> & { at: Date | null; retries: number }
  >(
    `(SELECT ${FAILURE_COLUMNS} FROM ${QUEUE_SCHEMA}.job WHERE ${FAILURE_WHERE})
     UNION ALL (SELECT ${FAILURE_COLUMNS} FROM ${QUEUE_SCHEMA}.archive WHERE ${FAILURE_WHERE})
     ORDER BY at DESC NULLS LAST, id LIMIT $2`,
    [QUEUE_NAME, failures],
  );
  return {
    queue: QUEUE_NAME,
    states,
    depth: states.created + states.retry + states.active,
    analysisFailures: Number(unanalysable?.jobs ?? 0),
    rates,
    workers: workersOf(connections),
    failures: recent.map((f) => ({ ...f, at: f.at ? new Date(f.at).toISOString() : null })),
  };
}

/** One worker per `sitrep-worker <host> <pid>` application name. */
function workersOf(connections: readonly { application_name: string; since: Date }[]): WorkerInfo[] {
  const workers = new Map<string, WorkerInfo>();
  for (const c of connections) {
    const [, host = "?", pid = "0"] = c.application_name.split(" ");
    const since = new Date(c.since).toISOString();
    const known = workers.get(c.application_name);
    if (known) {
      known.connections++;
      if (since < known.since) known.since = since;
    } else workers.set(c.application_name, { host, pid: Number(pid), connections: 1, since });
  }
  return [...workers.values()].sort((a, b) => a.host.localeCompare(b.host) || a.pid - b.pid);
}
