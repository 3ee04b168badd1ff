/** Ingest analysing on worker threads stores exactly what ingest on the main thread stores. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestToStore, openStore } from "../../src/store/index.js";
import { REPO_ROOT } from "../helpers/shared.js";
import { tmpDir } from "./helpers.js";

const EXAMPLES = join(REPO_ROOT, "examples", "reports");

describe("ingest on worker threads", () => {
  it("stores the same articles and events as the main thread, in input order, and skips repeats", async () => {
    const files = readdirSync(EXAMPLES)
      .sort()
      .map((f) => join(EXAMPLES, f));
    const inputs = [...files, files[0] as string]; // the same file twice: stored once
    const main = await openStore(join(tmpDir(), "main.db"));
    const pooled = await openStore(join(tmpDir(), "pooled.db"));
    try {
      const a = await ingestToStore(main, inputs, { threads: 0 });
      const order: string[] = [];
      const b = await ingestToStore(pooled, inputs, { threads: 2, onItem: (item) => order.push(item.input) });
      expect(b).toEqual(a);
      expect(b.ingested).toBe(files.length);
      expect(b.unchanged).toBe(1);
      expect(order).toEqual(inputs);
      expect(await pooled.counts()).toEqual(await main.counts());
      const events = (s: typeof main) =>
        s
          .listEvents({ limit: 1000 })
          .then((list) => list.map((e) => [e.event_type, e.location, e.fatalities]));
      expect(await events(pooled)).toEqual(await events(main));
    } finally {
      await main.close();
      await pooled.close();
    }
  }, 60_000);
});
