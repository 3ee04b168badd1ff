/**
 * `sitrep ingest --queue <inputs...> --db postgres://…`: read the inputs as `ingest` does, but enqueue each
 * document for `sitrep worker` processes instead of analysing it here. Content already stored counts as
 * "unchanged" and content already queued as "already queued"; a document over the job size limit fails with
 * its reason. Progress lines and the summary go to stderr; Ctrl-C stops reading (what was enqueued stays)
 * and exits 130; a database that cannot be reached or written exits 4, with nothing half-enqueued.
 * Loaded by ingest.ts only with --queue, so that a plain ingest never loads the queue.
 */
import { type EnqueueSummary, enqueueInputs, openQueue, type Queue } from "../queue/index.js";
import { isStoreError, openStore, type Store } from "../store/index.js";
import type { IngestCommandOptions } from "./ingest.js";
import { type CliIo, EXIT, exitCodeFor } from "./io.js";

/** A progress line at most this often (ms). */
const PROGRESS_LINE_MS = 5000;

/** Run `ingest --queue` into the PostgreSQL store at `path`; returns the exit code. */
export async function runIngestQueue(
  options: IngestCommandOptions,
  inputs: readonly string[],
  path: string,
  io: CliIo,
): Promise<number> {
  const now = options.now ?? Date.now;
  const started = now();
  const say = (line: string) => io.stderr.write(`sitrep ingest: ${line}\n`);
  let store: Store | null = null;
  let queue: Queue | null = null;
  try {
    store = await openStore(path);
    queue = await openQueue(path, { role: "client" });
  } catch (error) {
    await store?.close().catch(() => {});
    if (!isStoreError(error)) throw error;
    say(`${error.message} [${error.code}]`);
    return EXIT.store;
  }
  let summary: EnqueueSummary | null = null;
  let storeFailure: string | null = null;
  let lastLine = started;
  let seen = 0;
  try {
    summary = await enqueueInputs(queue, store, inputs, {
      from: options.from,
      maxBytes: options.maxBytes,
      timeoutMs: options.timeoutMs,
      fetch: io.fetch,
      stdin: io.stdin,
      signal: options.signal,
      onItem(item) {
        seen++;
        if (item.status === "failed")
          io.stderr.write(`sitrep: ${item.input}: ${item.message} [${item.code}]\n`);
        const t = now();
        if (t - lastLine >= PROGRESS_LINE_MS) {
          lastLine = t;
          say(`${seen} documents read, ${((seen * 1000) / (t - started)).toFixed(1)}/s`);
        }
      },
    });
  } catch (error) {
    if (!isStoreError(error)) throw error;
    storeFailure = `${error.message} [${error.code}]`;
  } finally {
    await queue.close().catch(() => {});
    await store.close().catch(() => {});
  }
  const seconds = (now() - started) / 1000;
  if (summary) {
    say(
      `${summary.total} document${summary.total === 1 ? "" : "s"} in ${seconds.toFixed(1)}s into the queue of ${queue.path}: ` +
        `${summary.queued} queued, ${summary.alreadyQueued} already queued, ${summary.unchanged} unchanged, ${summary.failed.length} failed`,
    );
    if (summary.failed.length > 0) {
      io.stderr.write("failed:\n");
      for (const f of summary.failed) io.stderr.write(`  ${f.input}: ${f.message} [${f.code}]\n`);
    }
  }
  if (storeFailure || !summary) {
    say(`stopped after ${seen} documents: ${storeFailure}`);
    return EXIT.store;
  }
  if (summary.interrupted) {
    say(
      "interrupted; run the same command again to enqueue the rest (queued documents are not queued twice)",
    );
    return EXIT.interrupted;
  }
  if (summary.queued > 0)
    say(`run \`sitrep worker --db <url>\` to analyse them (\`sitrep status\` to follow)`);
  return exitCodeFor(summary.total, summary.failed.length);
}
