import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { eventsCommand } from "../../src/cli/events.js";
import { EXIT } from "../../src/cli/io.js";
import type { RawQueryArgs } from "../../src/cli/query-args.js";
import { ACLED_EXPORT_COLUMNS } from "../../src/export/index.js";
import type { StoredEvent } from "../../src/store/index.js";
import { parseCsv } from "../export/csv-read.js";
import { captureIo } from "../helpers/io.js";
import { tmpDir } from "../store/helpers.js";
import { queryReportsStore } from "./query-fixture.js";

let db = "";

beforeAll(async () => {
  db = await queryReportsStore();
}, 60_000);

async function run(args: RawQueryArgs) {
  const io = captureIo();
  const code = await eventsCommand({ db, ...args }, io);
  return { code, out: io.out(), err: io.err() };
}

async function jsonl(args: RawQueryArgs): Promise<StoredEvent[]> {
  const { code, out } = await run({ ...args, format: "jsonl" });
  expect(code).toBe(EXIT.ok);
  return out
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as StoredEvent);
}

const hosts = (events: StoredEvent[]) => events.map((e) => new URL(e.url ?? "").hostname).sort();
const MENAKA = ["desert-wire.example", "sahel-daily.example"];
const ACCRA = ["coast-herald.example"];

describe("cli: events", () => {
  it("cli: events lists every stored event, newest first", async () => {
    const events = await jsonl({});
    expect(events.map((e) => e.event_date)).toEqual(["2024-06-11", "2024-05-05", "2024-05-05"]);
    expect(hosts(events)).toEqual([...ACCRA, ...MENAKA].sort());
  });

  it.each<[string, RawQueryArgs, string[]]>([
    ["from-date", { "from-date": "2024-06-01" }, ACCRA],
    ["to-date", { "to-date": "2024-05-31" }, MENAKA],
    ["date range around the attack", { "from-date": "2024-05-05", "to-date": "2024-05-05" }, MENAKA],
    ["date range with nothing", { "from-date": "2023-01-01", "to-date": "2023-12-31" }, []],
    ["country", { country: "ml" }, MENAKA],
    ["country GH", { country: "GH" }, ACCRA],
    ["admin1", { admin1: "greater accra" }, ACCRA],
    ["bbox around Accra", { bbox: "-1,5,0,6" }, ACCRA],
    ["bbox around Menaka", { bbox: "2,15,3,16.5" }, MENAKA],
    ["type", { type: "battles" }, MENAKA],
    ["sub-event type", { type: "Peaceful protest" }, ACCRA],
    ["certainty list", { certainty: "asserted,reported" }, [...ACCRA, ...MENAKA].sort()],
    ["certainty with nothing", { certainty: "denied" }, []],
    ["actor", { actor: "Unidentified militants" }, MENAKA],
    ["source", { source: "local officials" }, ["desert-wire.example"]],
  ])("cli: events filter by %s", async (_, args, expected) => {
    expect(hosts(await jsonl(args))).toEqual(expected);
  });

  it("cli: events --limit keeps the newest and says more matched", async () => {
    const { out, err } = await run({ limit: "1", format: "jsonl" });
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/showing the first 1 events/);
  });

  it("cli: events CSV has the ACLED export header and every ACLED column filled from the stored records", async () => {
    const { code, out } = await run({ format: "csv", country: "ML" });
    expect(code).toBe(EXIT.ok);
    const [header, ...rows] = parseCsv(out);
    expect(header).toEqual([...ACLED_EXPORT_COLUMNS]);
    expect(header?.slice(0, 8)).toEqual([
      "event_id_cnty",
      "event_date",
      "year",
      "time_precision",
      "disorder_type",
      "event_type",
      "sub_event_type",
      "actor1",
    ]);
    expect(rows).toHaveLength(2);
    const col = (row: string[] | undefined, name: string) =>
      row?.[ACLED_EXPORT_COLUMNS.indexOf(name as never)];
    for (const row of rows) {
      expect(col(row, "event_date")).toBe("2024-05-05");
      expect(col(row, "time_precision")).toBe("1");
      expect(col(row, "event_type")).toBe("Battles");
      expect(col(row, "country")).toBe("Mali");
      expect(col(row, "iso")).toBe("466");
      expect(col(row, "disorder_type")).toBe("Political violence");
      expect(col(row, "inter1")).not.toBe("");
    }
    expect(rows.map((r) => col(r, "fatalities")).sort()).toEqual(["4", "7"]);
  });

  it("cli: events GeoJSON is a FeatureCollection with [longitude, latitude]", async () => {
    const { code, out } = await run({ format: "geojson", country: "GH" });
    expect(code).toBe(EXIT.ok);
    const fc = JSON.parse(out);
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features).toHaveLength(1);
    const [lon, lat] = fc.features[0].geometry.coordinates;
    expect(lon).toBeCloseTo(-0.1969, 3);
    expect(lat).toBeCloseTo(5.556, 3);
    expect(fc.features[0].properties.event_type).toBe("Protests");
  });

  it("cli: events table shows date, types, actors, place, fatalities, certainty, source and evidence", async () => {
    const { code, out } = await run({ format: "table", country: "ML" });
    expect(code).toBe(EXIT.ok);
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(
      /^DATE\s+TYPE\s+ACTORS\s+LOCATION\s+FATALITIES\s+CERTAINTY\s+SOURCE\s+EVIDENCE$/,
    );
    expect(lines).toHaveLength(3);
    expect(out).toMatch(
      /2024-05-05 +Battles \/ Armed clash +Unidentified militants → - +Ménaka, Ménaka, ML +[47] /,
    );
    expect(out).toMatch(/desert-wire\.example \(local officials\)/);
  });

  it("cli: events with nothing matching prints no rows and says so", async () => {
    const { code, out, err } = await run({ format: "jsonl", country: "UA" });
    expect(code).toBe(EXIT.ok);
    expect(out).toBe("");
    expect(err).toMatch(/no events match/);
  });

  it.each<[RawQueryArgs, RegExp]>([
    [{ "from-date": "2024-13-01" }, /--from-date must be a date YYYY-MM-DD, got "2024-13-01"/],
    [{ "to-date": "yesterday" }, /--to-date must be a date YYYY-MM-DD/],
    [{ "from-date": "2024-06-01", "to-date": "2024-05-01" }, /--from-date \(2024-06-01\) is after --to-date/],
    [{ country: "Mali" }, /--country must be a two-letter ISO 3166-1 code/],
    [{ bbox: "1,2,3" }, /--bbox must be minLon,minLat,maxLon,maxLat/],
    [{ bbox: "0,95,1,96" }, /latitudes lie in -90\.\.90/],
    [{ bbox: "0,10,1,5" }, /minLat \(10\) is above maxLat \(5\)/],
    [{ type: "Fighting" }, /--type must be an event type \(Battles, .*got "Fighting"/],
    [{ certainty: "sure" }, /--certainty must be a comma-separated list of asserted, reported/],
    [{ limit: "0" }, /--limit must be a positive integer/],
    [{ format: "xml" }, /--format must be one of table, jsonl, csv, geojson/],
    [{ actor: " " }, /--actor must not be empty/],
  ])("cli: events rejects bad filter values with a usage message and exit 2: %o", async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(EXIT.usage);
    expect(out).toBe("");
    expect(err).toMatch(/^sitrep events: /);
    expect(err).toMatch(message);
  });

  it("cli: events on a missing store says so and exits 4", async () => {
    const missing = join(tmpDir(), "none.db");
    const io = captureIo();
    expect(await eventsCommand({ db: missing, format: "jsonl" }, io)).toBe(EXIT.store);
    expect(io.err()).toMatch(
      /^sitrep events: no store at .*none\.db: ingest something first.*\[store\/not-found\]/,
    );
  });

  it("cli: events takes the store from $SITREP_DB when --db is not given", async () => {
    const io = captureIo();
    expect(await eventsCommand({ format: "jsonl", country: "GH" }, io, { SITREP_DB: db })).toBe(EXIT.ok);
    expect(io.out().trim().split("\n")).toHaveLength(1);
  });
});
