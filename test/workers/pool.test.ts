import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze, toRecord } from "../../src/analyze/index.js";
import type { SourceDocument } from "../../src/core/doc.js";
import { type IngestItem, type IngestWarning, readInputs } from "../../src/ingest/index.js";
import { analyzeOutcome } from "../../src/workers/analyze-outcome.js";
import {
  type AnalysisPool,
  type AnalyzeOutcome,
  createAnalysisPool,
  mapOrdered,
} from "../../src/workers/index.js";
import { HAS_SEED, REPO_ROOT, SEED_FILE, skipMessage } from "../helpers/shared.js";

const EXAMPLES = join(REPO_ROOT, "examples", "reports");
const FAULTY_WORKER = new URL("./fixtures/faulty-worker.ts", import.meta.url);
const BROKEN_WORKER = new URL("./fixtures/broken-worker.ts", import.meta.url);
const DIST_POOL = join(REPO_ROOT, "dist", "workers", "index.js");
const DIST_WORKER = join(REPO_ROOT, "dist", "workers", "analysis-worker.js");
/** Worker start-up (tsx transpiles the sources, the pipeline loads its data) on a slow 2-core machine. */
const POOL_TEST_TIMEOUT_MS = 120_000;

interface ReadDoc {
  doc: SourceDocument;
  warnings: IngestWarning[];
}

/** Documents as ingest reads them (decoded, sniffed, with read warnings). */
async function readDocs(inputs: string[]): Promise<ReadDoc[]> {
  const docs: ReadDoc[] = [];
  for await (const item of readInputs(inputs) as AsyncIterable<IngestItem>)
    if (item.ok) docs.push({ doc: item.doc, warnings: item.warnings ?? [] });
  return docs;
}

const exampleFiles = readdirSync(EXAMPLES)
  .filter((f) => !f.startsWith("."))
  .sort()
  .map((f) => join(EXAMPLES, f));

/** A text report, made distinct per index (its name and a sentence), for batches of many documents. */
function variant(i: number): SourceDocument {
  return {
    name: `variant-${i}`,
    format: "text",
    content:
      `Report ${i}\n\nGunmen attacked a checkpoint near Gao on Monday, killing ${i + 2} soldiers, ` +
      `the army said. Witnesses said ${i + 1} civilians were wounded.`,
  };
}

const json = (x: unknown) => JSON.stringify(x);

describe("workers: the analysis pool gives the records in-process analysis gives", () => {
  let pool: AnalysisPool;
  let examples: ReadDoc[] = [];
  beforeAll(async () => {
    pool = createAnalysisPool({ threads: 2 });
    examples = await readDocs(exampleFiles);
    await pool.ready();
  }, POOL_TEST_TIMEOUT_MS);
  afterAll(() => pool.close());

  it("workers: the example reports are all read", () => {
    expect(examples.length).toBe(exampleFiles.length);
  });

  it.each(exampleFiles)("workers: same outcome as in-process for %s", async (file) => {
    const read = examples.find((r) => r.doc.name === file) as ReadDoc;
    const outcome = await pool.analyze(read.doc, { warnings: read.warnings });
    expect(outcome.ok).toBe(true);
    expect(json(outcome)).toBe(json(analyzeOutcome(read.doc, read.warnings)));
    if (read.warnings.length === 0 && outcome.ok)
      expect(json(outcome.record)).toBe(json(toRecord(analyze(read.doc))));
  });

  it.runIf(HAS_SEED)("workers: same record as in-process for the seed article", async () => {
    const [read] = await readDocs([SEED_FILE]);
    const outcome = await pool.analyze((read as ReadDoc).doc);
    expect(outcome.ok && outcome.record.events.length).toBeGreaterThan(0);
    expect(json(outcome.ok && outcome.record)).toBe(json(toRecord(analyze((read as ReadDoc).doc))));
  });
  it.skipIf(HAS_SEED)(skipMessage("the seed comparison"), () => {});

  it("workers: read warnings go first among the diagnostics, in order", async () => {
    const warnings: IngestWarning[] = [
      { code: "ingest/encoding-guessed", message: "first" },
      { code: "ingest/invalid-utf8", message: "second" },
    ];
    const outcome = await pool.analyze(variant(0), { warnings });
    expect(outcome.ok && outcome.record.diagnostics.slice(0, 2)).toEqual([
      { code: "ingest/encoding-guessed", message: "first", severity: "warning", stage: "ingest" },
      { code: "ingest/invalid-utf8", message: "second", severity: "warning", stage: "ingest" },
    ]);
  });

  it("workers: a fatal diagnostic is a failure with its code, as ingest reports it", async () => {
    const doc: SourceDocument = { name: "empty-page", format: "html", content: "<html><body></body></html>" };
    const outcome = await pool.analyze(doc);
    expect(outcome).toEqual(analyzeOutcome(doc));
    expect(outcome.ok).toBe(false);
  });

  it("workers: many documents at once each get their own record", async () => {
    const docs = Array.from({ length: 60 }, (_, i) => variant(i));
    const outcomes = await Promise.all(docs.map((d) => pool.analyze(d)));
    outcomes.forEach((o, i) => {
      expect(o.ok && o.record.input).toBe(`variant-${i}`);
      expect(o.ok && o.record.article.text).toContain(`killing ${i + 2} soldiers`);
    });
    for (const i of [0, 17, 59])
      expect(json(outcomes[i])).toBe(json(analyzeOutcome(docs[i] as SourceDocument)));
    expect(pool.stats()).toMatchObject({ queued: 0, running: 0, restarts: 0 });
  });

  it("workers: a document that makes the pipeline throw fails alone; the others go on", async () => {
    const bad = { name: "not-text", format: "html", content: 42 } as unknown as SourceDocument;
    const [before, failed, after] = await Promise.all([
      pool.analyze(variant(1)),
      pool.analyze(bad),
      pool.analyze(variant(2)),
    ]);
    expect(failed).toMatchObject({ ok: false, code: "internal" });
    expect(failed).toEqual(analyzeOutcome(bad));
    expect(before.ok && after.ok).toBe(true);
    expect(pool.stats().restarts).toBe(0);
  });
});

describe("workers: mapOrdered keeps input order with a bounded window", () => {
  it.each([1, 2, 5])("workers: results in input order, window %i never exceeded", async (window) => {
    let started = 0;
    let yielded = 0;
    let maxAhead = 0;
    async function* source() {
      for (let i = 0; i < 40; i++) {
        maxAhead = Math.max(maxAhead, started - yielded);
        yield i;
      }
    }
    const out: number[] = [];
    for await (const r of mapOrdered(
      source(),
      async (i) => {
        started++;
        await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
        return i * 10;
      },
      { window },
    )) {
      yielded++;
      out.push(r);
    }
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 10));
    expect(maxAhead).toBeLessThanOrEqual(window);
  });

  it("workers: a failing step throws at its turn, after the results before it", async () => {
    const out: number[] = [];
    const run = async () => {
      for await (const r of mapOrdered(
        [0, 1, 2, 3],
        (i) => {
          if (i === 2) throw new Error("step 2 failed");
          return i;
        },
        { window: 4 },
      ))
        out.push(r);
    };
    await expect(run()).rejects.toThrow("step 2 failed");
    expect(out).toEqual([0, 1]);
  });

  it("workers: leaving the loop early stops reading the source", async () => {
    let read = 0;
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; i < 1000; i++) {
          read++;
          yield i;
        }
      } finally {
        closed = true;
      }
    }
    for await (const r of mapOrdered(source(), async (i) => i, { window: 3 })) if (r === 5) break;
    expect(closed).toBe(true);
    expect(read).toBeLessThanOrEqual(5 + 1 + 3);
  });
});

describe("workers: pool order and concurrency with mapOrdered", () => {
  it.each([1, 2])(
    "workers: %i thread(s): documents finishing out of order come back in input order",
    async (threads) => {
      const pool = createAnalysisPool({ threads, workerModule: FAULTY_WORKER });
      try {
        const names = Array.from({ length: 24 }, (_, i) => `sleep:${(i * 37) % 60}:doc-${i}`);
        const docs = names.map((name): SourceDocument => ({ name, format: "text", content: name }));
        const window = threads * 2;
        let maxRunning = 0;
        const out: string[] = [];
        for await (const o of mapOrdered(
          docs,
          async (doc) => {
            const outcome = await pool.analyze(doc);
            maxRunning = Math.max(maxRunning, pool.stats().running);
            return outcome;
          },
          { window },
        ))
          out.push(o.ok ? "?" : o.message);
        expect(out).toEqual(names.map((n) => `slept ${/^sleep:(\d+):/.exec(n)?.[1]} ms for ${n}`));
        expect(maxRunning).toBeLessThanOrEqual(threads);
        expect(pool.stats()).toMatchObject({ threads, queued: 0, running: 0, completed: 24 });
      } finally {
        await pool.close();
      }
    },
    POOL_TEST_TIMEOUT_MS,
  );
});

describe("workers: a crashing worker fails only its document", () => {
  it(
    "workers: exit, out of memory, timeout and a throw each fail one document; the pool replaces the worker",
    async () => {
      const pool = createAnalysisPool({
        threads: 1,
        workerModule: FAULTY_WORKER,
        maxMemoryMb: 512,
        timeoutMs: 3000,
      });
      try {
        const fault = (name: string) => pool.analyze({ name, format: "text", content: "" });
        const outcomes: AnalyzeOutcome[] = await Promise.all([
          pool.analyze(variant(1)),
          fault("fault:exit"),
          pool.analyze(variant(2)),
          fault("fault:oom"),
          pool.analyze(variant(3)),
          fault("fault:hang"),
          fault("fault:throw"),
          pool.analyze(variant(4)),
        ]);
        expect(outcomes.map((o) => (o.ok ? o.record.input : o.code))).toEqual([
          "variant-1",
          "pipeline/worker-crashed",
          "variant-2",
          "pipeline/out-of-memory",
          "variant-3",
          "pipeline/timeout",
          "internal",
          "variant-4",
        ]);
        const message = (i: number) => (outcomes[i]?.ok === false ? outcomes[i].message : "");
        expect(message(1)).toMatch(/exited with code 3.*replaced/);
        expect(message(3)).toMatch(/out of memory \(worker heap limit 512 MB\)/);
        expect(message(5)).toMatch(/longer than 3000 ms/);
        expect(message(6)).toBe("injected fault");
        expect(pool.stats()).toMatchObject({ restarts: 3, completed: 8, running: 0, queued: 0 });
      } finally {
        await pool.close();
      }
    },
    POOL_TEST_TIMEOUT_MS,
  );

  it(
    "workers: a worker that cannot start rejects ready() and analyze() with pool/startup-failed",
    async () => {
      const pool = createAnalysisPool({ threads: 2, workerModule: BROKEN_WORKER });
      const queued = expect(pool.analyze(variant(0))).rejects.toMatchObject({ code: "pool/startup-failed" });
      await expect(pool.ready()).rejects.toMatchObject({
        code: "pool/startup-failed",
        message: expect.stringContaining("injected start-up failure"),
      });
      await queued;
      await expect(pool.analyze(variant(1))).rejects.toMatchObject({ code: "pool/startup-failed" });
      await pool.close();
    },
    POOL_TEST_TIMEOUT_MS,
  );
});

describe("workers: queue bounds, cancellation and close", () => {
  it(
    "workers: threads=1 analyses documents one after another and close() cancels the rest",
    async () => {
      const pool = createAnalysisPool({ threads: 1, workerModule: FAULTY_WORKER });
      expect(pool.threads).toBe(1);
      await pool.ready();
      const done = await pool.analyze({ name: "sleep:0:done", format: "text", content: "" });
      expect(done).toMatchObject({ message: "slept 0 ms for sleep:0:done" });
      const closed = { code: "pool/closed" };
      const running = expect(
        pool.analyze({ name: "sleep:300:a", format: "text", content: "" }),
      ).rejects.toMatchObject(closed);
      const queued = expect(
        pool.analyze({ name: "sleep:0:b", format: "text", content: "" }),
      ).rejects.toMatchObject(closed);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pool.stats()).toMatchObject({ running: 1, queued: 1, completed: 1 });
      await pool.close();
      await running;
      await queued;
      await expect(pool.analyze(variant(0))).rejects.toMatchObject({ code: "pool/closed" });
      await expect(pool.ready()).rejects.toMatchObject({ code: "pool/closed" });
      await pool.close();
    },
    POOL_TEST_TIMEOUT_MS,
  );

  it(
    "workers: a full queue refuses with pool/busy; an aborted document leaves the queue",
    async () => {
      const pool = createAnalysisPool({ threads: 1, maxQueue: 2, workerModule: FAULTY_WORKER });
      try {
        await pool.ready();
        const doc = (name: string): SourceDocument => ({ name, format: "text", content: "" });
        const first = pool.analyze(doc("sleep:200:first"));
        const controller = new AbortController();
        const aborted = pool.analyze(doc("sleep:0:aborted"), { signal: controller.signal });
        const kept = pool.analyze(doc("sleep:0:kept"));
        await expect(pool.analyze(doc("sleep:0:refused"))).rejects.toMatchObject({ code: "pool/busy" });
        controller.abort();
        await expect(aborted).rejects.toMatchObject({ code: "pool/aborted" });
        expect(pool.stats().queued).toBe(1);
        await expect(first).resolves.toMatchObject({ message: "slept 200 ms for sleep:200:first" });
        await expect(kept).resolves.toMatchObject({ message: "slept 0 ms for sleep:0:kept" });
        await expect(
          pool.analyze(doc("sleep:0:late"), { signal: AbortSignal.abort() }),
        ).rejects.toMatchObject({ code: "pool/aborted" });
      } finally {
        await pool.close();
      }
    },
    POOL_TEST_TIMEOUT_MS,
  );

  it("workers: bad options are refused up front", () => {
    expect(() => createAnalysisPool({ threads: -1 })).toThrow(/threads must be an integer ≥ 0/);
    expect(() => createAnalysisPool({ threads: 1.5 })).toThrow(/threads/);
    expect(() => createAnalysisPool({ maxQueue: -1 })).toThrow(/maxQueue/);
  });
});

describe("workers: threads=0 analyses on the calling thread behind the same interface", () => {
  it("workers: threads=0 gives the in-process outcomes, in order, and close() refuses more", async () => {
    const pool = createAnalysisPool({ threads: 0 });
    expect(pool.threads).toBe(0);
    await pool.ready();
    const docs = Array.from({ length: 5 }, (_, i) => variant(i));
    const out: AnalyzeOutcome[] = [];
    for await (const o of mapOrdered(docs, (d) => pool.analyze(d), { window: 3 })) out.push(o);
    expect(out.map(json)).toEqual(docs.map((d) => json(analyzeOutcome(d))));
    expect(pool.stats()).toMatchObject({ threads: 0, completed: 5, running: 0 });
    await expect(pool.analyze(variant(0), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "pool/aborted",
    });
    await pool.close();
    await expect(pool.analyze(variant(0))).rejects.toMatchObject({ code: "pool/closed" });
  });
});

describe("workers: the built pool (dist/) loads its built worker", () => {
  const built = existsSync(DIST_POOL) && existsSync(DIST_WORKER);
  it.skipIf(built)("workers: skipped — dist/workers is not built (npm run build builds it)", () => {});
  it.runIf(built)(
    "workers: dist/workers analyses like in-process",
    async () => {
      const dist = (await import(DIST_POOL)) as typeof import("../../src/workers/index.js");
      const pool = dist.createAnalysisPool({ threads: 1 });
      try {
        const [read] = await readDocs([exampleFiles[0] as string]);
        const outcome = await pool.analyze((read as ReadDoc).doc);
        expect(outcome.ok && outcome.record.input).toBe(exampleFiles[0]);
        expect(json(outcome)).toBe(json(analyzeOutcome((read as ReadDoc).doc)));
      } finally {
        await pool.close();
      }
    },
    POOL_TEST_TIMEOUT_MS,
  );
});
