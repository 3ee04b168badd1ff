/** `sitrep serve` analyses posted articles on worker threads: other requests are answered meanwhile. */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../src/server/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { type AnalysisPool, createAnalysisPool } from "../../src/workers/index.js";
import { tmpDir } from "../store/helpers.js";

// An invented report, repeated into a long article (~200 KB) that takes a while to analyse.
const PARAGRAPH =
  "Gunmen killed four villagers in Konna, in central Mali, on Tuesday, local officials said. " +
  "The attackers arrived on motorbikes and set fire to several houses before fleeing toward Mopti.";
const LONG = Array.from({ length: 1100 }, (_, i) => `${PARAGRAPH} (${i})`).join("\n\n");

let store: Store;
let pool: AnalysisPool;
let server: http.Server;
let base: string;

beforeAll(async () => {
  store = await openStore(join(tmpDir(), "pool.db"));
  pool = createAnalysisPool({ threads: 1, maxQueue: 1 });
  await pool.ready();
  server = createServer({ store, pool, rateLimits: false, log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await pool.close();
  await store.close();
});

const analyse = (text: string) =>
  fetch(`${base}/api/analyze`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: text });

describe("analysis on the pool", () => {
  it("answers other requests while a long article is being analysed", async () => {
    const order: string[] = [];
    const long = analyse(LONG).then(async (res) => {
      order.push("analysis");
      return res;
    });
    // Let the post reach the worker, then ask for something cheap.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await fetch(`${base}/api/health`);
    order.push("health");
    expect(health.status).toBe(200);
    const res = await long;
    expect(res.status).toBe(200);
    expect((await res.json()).events.length).toBeGreaterThan(0);
    expect(order).toEqual(["health", "analysis"]);
  }, 60_000);

  it("answers 503 with Retry-After when the analysis queue is full, never a 500", async () => {
    const replies = await Promise.all([analyse(LONG), analyse(LONG), analyse(LONG), analyse(LONG)]);
    const statuses = replies.map((r) => r.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    const busy = replies.find((r) => r.status === 503);
    expect(Number(busy?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await busy?.json())?.error.code).toBe("pool/busy");
  }, 120_000);
});
