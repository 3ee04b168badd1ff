import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { INCIDENT_COLUMNS, incidentsCommand, runIncidents } from "../../src/cli/incidents.js";
import { EXIT } from "../../src/cli/io.js";
import { parseQueryArgs, type RawQueryArgs } from "../../src/cli/query-args.js";
import type { Incident } from "../../src/cluster/incidents.js";
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
  const code = await incidentsCommand({ db, ...args }, io);
  return { code, out: io.out(), err: io.err() };
}

async function incidents(args: RawQueryArgs = {}): Promise<Incident[]> {
  const { code, out } = await run({ ...args, format: "jsonl" });
  expect(code).toBe(EXIT.ok);
  return out
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Incident);
}

const attackOf = (list: Incident[]) => list.find((i) => i.eventType === "Battles");

describe("cli: incidents", () => {
  it("cli: incidents merge the two outlets' versions of the attack and keep the protest apart", async () => {
    const list = await incidents();
    expect(list).toHaveLength(2);
    expect(list[0]?.eventType).toBe("Protests");
    expect(list[0]?.sources).toHaveLength(1);
    const attack = attackOf(list);
    expect(attack?.sources.map((s) => s.url).sort()).toEqual([
      "https://desert-wire.example/news/menaka-post-raid",
      "https://sahel-daily.example/2024/05/menaka-attack",
    ]);
    expect(attack?.date).toEqual({ start: "2024-05-05", end: "2024-05-05", kind: "intersection" });
    expect(attack?.location?.countryCode).toBe("ML");
  });

  it("cli: incidents keep each source's numbers and mark the disagreement as a conflict", async () => {
    const attack = attackOf(await incidents());
    expect(attack?.fatalities.min).toBe(4);
    expect(attack?.fatalities.max).toBe(7);
    expect(attack?.fatalities.agreement).toBe("conflict");
    expect(attack?.fatalities.bySource.map((s) => s.value).sort()).toEqual([4, 7]);
    const bySource = Object.fromEntries(attack?.sources.map((s) => [s.url, s.fatalities]) ?? []);
    expect(bySource["https://sahel-daily.example/2024/05/menaka-attack"]).toBe(4);
    expect(bySource["https://desert-wire.example/news/menaka-post-raid"]).toBe(7);
    expect(attack?.sources.every((s) => s.evidence.length > 0)).toBe(true);
  });

  it("cli: incidents CSV has one row per incident with sources, fatalities min/max and agreement", async () => {
    const { code, out } = await run({ format: "csv" });
    expect(code).toBe(EXIT.ok);
    const [header, ...rows] = parseCsv(out);
    expect(header).toEqual([...INCIDENT_COLUMNS]);
    expect(rows).toHaveLength(2);
    const record = (row: string[] | undefined) =>
      Object.fromEntries(INCIDENT_COLUMNS.map((c, i) => [c, row?.[i] ?? ""]));
    const attack = rows.map(record).find((r) => r.event_type === "Battles");
    expect(attack).toMatchObject({
      event_date: "2024-05-05",
      country: "Mali",
      iso: "466",
      location: "Ménaka",
      fatalities: "4",
      sitrep_sources: "2",
      sitrep_fatalities_min: "4",
      sitrep_fatalities_max: "7",
      sitrep_fatalities_agreement: "conflict",
      source: "sahel-daily.example; desert-wire.example",
    });
  });

  it("cli: incidents GeoJSON puts each incident at [longitude, latitude]", async () => {
    const { code, out } = await run({ format: "geojson", country: "ML" });
    expect(code).toBe(EXIT.ok);
    const fc = JSON.parse(out);
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features).toHaveLength(1);
    const [lon, lat] = fc.features[0].geometry.coordinates;
    expect(lon).toBeCloseTo(2.4022, 3);
    expect(lat).toBeCloseTo(15.9182, 3);
    expect(fc.features[0].properties.sitrep_fatalities_agreement).toBe("conflict");
  });

  it("cli: incidents table shows id, dates, type, place, sources, fatalities and certainty", async () => {
    const { code, out } = await run({ format: "table" });
    expect(code).toBe(EXIT.ok);
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^INCIDENT\s+DATE\s+TYPE\s+LOCATION\s+SOURCES\s+FATALITIES\s+CERTAINTY$/);
    expect(lines).toHaveLength(3);
    expect(out).toMatch(/2024-05-05 +Battles \/ Armed clash +Ménaka, ML +2 +4–7 \(conflict\)/);
  });

  it.each<[string, RawQueryArgs, string[]]>([
    ["country", { country: "GH" }, ["Protests"]],
    ["date range", { "from-date": "2024-05-01", "to-date": "2024-05-31" }, ["Battles"]],
    ["bbox", { bbox: "2,15,3,16.5" }, ["Battles"]],
    ["type", { type: "Peaceful protest" }, ["Protests"]],
    ["actor", { actor: "Unidentified militants" }, ["Battles"]],
  ])("cli: incidents filter by %s", async (_, args, types) => {
    expect((await incidents(args)).map((i) => i.eventType)).toEqual(types);
  });

  it("cli: incidents from one outlet's version only hold that source", async () => {
    const attack = attackOf(await incidents({ source: "local officials" }));
    expect(attack?.sources).toHaveLength(1);
    expect(attack?.fatalities.agreement).toBe("single");
  });

  it("cli: incidents refuse more events than the bound, suggesting filters", async () => {
    const io = captureIo();
    const code = await runIncidents({ ...parseQueryArgs({ db, format: "jsonl" }), maxEvents: 2 }, io);
    expect(code).toBe(EXIT.usage);
    expect(io.out()).toBe("");
    expect(io.err()).toMatch(/more than 2 events match; narrow them with --from-date/);
  });

  it.each<[RawQueryArgs, RegExp]>([
    [{ bbox: "a,b,c,d" }, /--bbox must be minLon,minLat,maxLon,maxLat/],
    [{ certainty: "asserted,maybe" }, /--certainty must be a comma-separated list/],
    [{ "from-date": "05/05/2024" }, /--from-date must be a date YYYY-MM-DD/],
  ])("cli: incidents reject bad filter values with exit 2: %o", async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(/^sitrep incidents: /);
    expect(err).toMatch(message);
  });

  it("cli: incidents on a missing store says so and exits 4", async () => {
    const io = captureIo();
    expect(await incidentsCommand({ db: join(tmpDir(), "none.db") }, io)).toBe(EXIT.store);
    expect(io.err()).toMatch(/^sitrep incidents: no store at .*\[store\/not-found\]/);
  });
});
