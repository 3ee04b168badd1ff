/**
 * Migration 2's R*Tree over events' place and dates: a store migrated from version 1 is backfilled, new
 * articles are indexed by trigger, and a box-and-dates query returns exactly the events the plain conditions
 * select (the R*Tree only narrows the candidates).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StoredEvent } from "../../src/store/index.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { REPO_ROOT } from "../helpers/shared.js";
import { analyseFile, tmpDir } from "./helpers.js";

const EXAMPLES = join(REPO_ROOT, "examples", "reports");
const files = readdirSync(EXAMPLES)
  .sort()
  .map((f) => join(EXAMPLES, f));

type Box = [number, number, number, number];

/** The events a box and date range select, by the plain definition. */
function expected(
  all: StoredEvent[],
  [minLon, minLat, maxLon, maxLat]: Box,
  from: string,
  to: string,
): number[] {
  return all
    .filter(
      (e) =>
        e.latitude !== null &&
        e.longitude !== null &&
        e.latitude >= minLat &&
        e.latitude <= maxLat &&
        e.longitude >= minLon &&
        e.longitude <= maxLon &&
        e.event_date !== null &&
        e.event_date <= to &&
        (e.event_date_end ?? e.event_date) >= from,
    )
    .map((e) => e.id)
    .sort((a, b) => a - b);
}

describe("store: events R*Tree (migration 2)", () => {
  it("backfills an older store, indexes new articles, and answers box + dates queries exactly", async () => {
    const path = join(tmpDir(), "rtree.db");
    const [first] = MIGRATIONS;
    if (!first) throw new Error("no migrations");
    const half = Math.floor(files.length / 2);
    const old = openSqliteStore(path, { migrations: [first] });
    for (const f of files.slice(0, half)) {
      const { record, meta } = analyseFile(f, f.endsWith(".html") ? "html" : "text");
      await old.putAnalysis(record, meta);
    }
    await old.close();
    const store = openSqliteStore(path);
    try {
      for (const f of files.slice(half)) {
        const { record, meta } = analyseFile(f, f.endsWith(".html") ? "html" : "text");
        await store.putAnalysis(record, meta);
      }
      const all = await store.listEvents({ limit: 1000 });
      const placed = all.filter((e) => e.latitude !== null && e.event_date !== null);
      expect(placed.length).toBeGreaterThan(10);
      // One box around each placed event, and the whole world, over a few windows.
      const boxes: Box[] = [
        [-180, -90, 180, 90],
        ...placed.map(
          (e): Box => [
            (e.longitude as number) - 1,
            (e.latitude as number) - 1,
            (e.longitude as number) + 1,
            (e.latitude as number) + 1,
          ],
        ),
      ];
      const windows: [string, string][] = [
        ["2000-01-01", "2030-12-31"],
        ["2026-03-09", "2026-03-11"],
        ["2026-03-12", "2026-03-12"],
      ];
      let nonEmpty = 0;
      for (const box of boxes) {
        for (const [from, to] of windows) {
          const got = (await store.listEvents({ bbox: box, from, to, limit: 1000 }))
            .map((e) => e.id)
            .sort((a, b) => a - b);
          expect(got, `${box} ${from}..${to}`).toEqual(expected(all, box, from, to));
          if (got.length > 0) nonEmpty++;
        }
      }
      expect(nonEmpty).toBeGreaterThan(placed.length);
    } finally {
      await store.close();
    }
  });
});
