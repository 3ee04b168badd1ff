import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../src/ingest/index.js";
import { HAS_SEED, SEED_FILE, SHARED_DIR, skipMessage } from "../helpers/shared.js";

const BENCHMARK_HTML = join(SHARED_DIR, "data/extraction-benchmark/html");
const HAS_BENCHMARK = existsSync(BENCHMARK_HTML);
const BENCHMARK_PAGES = 181;

describe.skipIf(!HAS_BENCHMARK)("ingest: the extraction benchmark pages", () => {
  it("ingest: all 181 gzip'd pages of the benchmark folder come through as UTF-8 HTML", async () => {
    let count = 0;
    for await (const item of readInputs([BENCHMARK_HTML])) {
      expect(item.ok, item.ok ? "" : `${item.input}: ${item.code} ${item.message}`).toBe(true);
      if (!item.ok) continue;
      count++;
      expect(item.doc.format).toBe("html");
      expect(item.doc.encoding?.name).toBe("utf-8");
      expect(item.warnings).toBeUndefined();
    }
    expect(count).toBe(BENCHMARK_PAGES);
  });
});

describe.skipIf(!HAS_SEED)("ingest: the seed article", () => {
  it("ingest: the seed reads as UTF-8 text", async () => {
    const items = [];
    for await (const item of readInputs([SEED_FILE])) items.push(item);
    expect(items).toMatchObject([
      { ok: true, doc: { name: SEED_FILE, format: "text", encoding: { name: "utf-8" } } },
    ]);
  });
});

if (!HAS_BENCHMARK) console.warn(skipMessage("the benchmark ingest test"));
