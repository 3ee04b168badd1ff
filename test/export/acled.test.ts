import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ACLED_COLUMNS,
  ACLED_EXPORT_COLUMNS,
  acledEventDate,
  acledInteraction,
  loadAcledTables,
  NOTES_MAX_CHARS,
  parseActorForms,
  parseCountries,
  SITREP_COLUMNS,
  toAcledRows,
} from "../../src/export/index.js";
import { SHARED_DIR, skipMessage } from "../helpers/shared.js";
import { actor, event, MENAKA, record } from "./fixtures.js";

const ACLED_SAMPLE = join(SHARED_DIR, "data/events/acled-acledR-sample/");

// ACLED's current column order (the 2023 layout: disorder_type, civilian_targeting and tags added;
// data_id, event_id_no_cnty and iso3 removed), as listed in the issue.
const EXPECTED_ACLED = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
];

describe("export: ACLED columns", () => {
  it("export: ACLED's columns come first, in ACLED's order, then sitrep's own", () => {
    expect([...ACLED_COLUMNS]).toEqual(EXPECTED_ACLED);
    expect(ACLED_EXPORT_COLUMNS.slice(0, ACLED_COLUMNS.length)).toEqual(EXPECTED_ACLED);
    expect(ACLED_EXPORT_COLUMNS.slice(ACLED_COLUMNS.length)).toEqual([...SITREP_COLUMNS]);
    expect(SITREP_COLUMNS.slice(0, 7)).toEqual([
      "sitrep_certainty",
      "sitrep_source",
      "sitrep_cue",
      "sitrep_background",
      "sitrep_evidence_start",
      "sitrep_evidence_end",
      "sitrep_article_url",
    ]);
    expect(SITREP_COLUMNS.every((c) => c.startsWith("sitrep_"))).toBe(true);
  });

  it("export: the column order is the ACLED sample's own (column names only) and every codebook name is kept", (ctx) => {
    if (!existsSync(ACLED_SAMPLE)) {
      console.log(skipMessage("the ACLED codebook check"));
      ctx.skip();
      return;
    }
    const firstLine = readFileSync(join(ACLED_SAMPLE, "acled_events.jsonl"), "utf8").split(
      "\n",
      1,
    )[0] as string;
    const sampleColumns = Object.keys(JSON.parse(firstLine)).filter((k) => k !== "acledR_object");
    expect([...ACLED_COLUMNS]).toEqual(sampleColumns);
    const codebook = readFileSync(join(ACLED_SAMPLE, "acled_codebook.csv"), "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0]?.replaceAll('"', ""))
      .filter((v): v is string => Boolean(v));
    const removedIn2023 = ["data_id", "event_id_no_cnty", "iso3"];
    for (const v of codebook) if (!removedIn2023.includes(v)) expect(ACLED_COLUMNS).toContain(v);
    // The codebook's relative order is kept for the columns both layouts share (iso moved in 2023).
    const shared = codebook.filter((v) => (ACLED_COLUMNS as readonly string[]).includes(v) && v !== "iso");
    const ours = ACLED_COLUMNS.filter((c) => shared.includes(c));
    expect(ours).toEqual(shared);
  });
});

describe("export: an invented record as ACLED rows", () => {
  const rows = toAcledRows(MENAKA, { timestamp: 1715000000 });

  it("export: background, negated, future and 'Other events' are not exported by default", () => {
    expect(rows.map((r) => r.sitrep_event_id)).toEqual(["e1", "e2", "e3"]);
  });

  it("export: each can be asked for", () => {
    const all = toAcledRows(MENAKA, {
      includeBackground: true,
      includeNegated: true,
      includeUnrealised: true,
      includeOtherEvents: true,
    });
    expect(all.map((r) => r.sitrep_event_id)).toEqual(["e1", "e2", "e3", "e4", "e5", "e6", "e7"]);
    expect(all.find((r) => r.sitrep_event_id === "e4")?.sitrep_background).toBe(true);
  });

  it("export: the clash row, field by field", () => {
    const r = rows[0];
    expect(r).toMatchObject({
      event_date: "2024-05-05",
      year: 2024,
      time_precision: 1,
      disorder_type: "Political violence",
      event_type: "Battles",
      sub_event_type: "Armed clash",
      actor1: "Unidentified Armed Group (Mali)",
      assoc_actor_1: "Police Forces of Mali",
      inter1: 2,
      actor2: "Military Forces of Mali",
      assoc_actor_2: null,
      inter2: 1,
      interaction: 12,
      civilian_targeting: null,
      iso: 466,
      region: "Western Africa",
      country: "Mali",
      admin1: "Ménaka",
      admin2: null,
      admin3: null,
      location: "Ménaka",
      latitude: 15.9182,
      longitude: 2.4022,
      geo_precision: 2,
      source: "The Valley Courier",
      source_scale: null,
      fatalities: 4,
      tags: null,
      timestamp: 1715000000,
      sitrep_certainty: "reported",
      sitrep_source: "officials",
      sitrep_cue: "said",
      sitrep_background: false,
      sitrep_evidence_start: 0,
      sitrep_evidence_end: 80,
      sitrep_article_url: "https://valley-courier.example/menaka",
      sitrep_actor1: "Unidentified militants",
      sitrep_actor2: "Malian Armed Forces",
      sitrep_injuries: 2,
    });
    expect(r?.event_id_cnty).toMatch(/^MLI\d{10}$/);
    expect(r?.notes).toBe(
      'Militants attacked an army post, "killing four", officials said. Two soldiers were wounded, the army added. (reported by officials)',
    );
    expect(Object.keys(r ?? {})).toEqual([...ACLED_EXPORT_COLUMNS]);
  });

  it("export: foreign state forces are inter 8; civilians as actor2 of political violence are civilian targeting", () => {
    expect(rows[1]).toMatchObject({
      actor1: "Military Forces of France",
      inter1: 8,
      actor2: "Civilians (Mali)",
      inter2: 7,
      interaction: 78,
      civilian_targeting: "Civilian targeting",
      disorder_type: "Political violence",
      // week of 1–7 May: the middle day, precision 2
      event_date: "2024-05-04",
      time_precision: 2,
      fatalities: 0,
    });
  });

  it("export: a month-precision protest with no actor or coordinates", () => {
    expect(rows[2]).toMatchObject({
      disorder_type: "Demonstrations",
      event_date: "2024-05-16",
      time_precision: 3,
      actor1: null,
      inter1: null,
      interaction: null,
      latitude: null,
      longitude: null,
      geo_precision: 3,
      location: "the north",
    });
  });

  it("export: ids are stable across runs and differ between events", () => {
    const again = toAcledRows(MENAKA, { timestamp: 1715000000 });
    expect(again.map((r) => r.event_id_cnty)).toEqual(rows.map((r) => r.event_id_cnty));
    expect(new Set(rows.map((r) => r.event_id_cnty)).size).toBe(rows.length);
  });
});

describe("export: coding rules", () => {
  it.each([
    [{ start: "2024-05-05", end: "2024-05-05", precision: "day" }, "2024-05-05"],
    [{ start: "2024-05-05", end: "2024-05-07", precision: "day" }, "2024-05-05"],
    [{ start: "2024-05-01", end: "2024-05-07", precision: "week" }, "2024-05-04"],
    [{ start: "2024-02-01", end: "2024-02-29", precision: "month" }, "2024-02-15"],
    [{ start: "2023-12-28", end: "2024-01-03", precision: "week" }, "2023-12-31"],
    [{ start: "2024-01-01", end: "2024-12-31", precision: "year" }, "2024-07-01"],
  ] as const)("export: event_date of %j is %s", (date, expected) => {
    expect(acledEventDate({ ...date, text: null })).toBe(expected);
  });

  it.each([
    [1, null, 10],
    [null, 2, 20],
    [2, 1, 12],
    [1, 2, 12],
    [8, 7, 78],
    [6, 6, 66],
    [null, null, null],
  ] as const)("export: interaction of inter %s and %s is %s", (a, b, expected) => {
    expect(acledInteraction(a, b)).toBe(expected);
  });

  it("export: state forces at home keep inter 1; without a known event country they are not made external", () => {
    const r = record({
      actors: [
        actor({ id: "a1", canonical: "Malian Armed Forces", kind: "state-forces", inter: 1, country: "ML" }),
      ],
      events: [event({ id: "e1", actor1: "a1" })],
    });
    expect(toAcledRows(r)[0]).toMatchObject({
      inter1: 1,
      interaction: 10,
      actor1: "Military Forces of Mali",
    });
  });

  it("export: named groups keep their canonical name; military police stay military", () => {
    const t = loadAcledTables();
    const r = record({
      places: [],
      actors: [
        actor({
          id: "a1",
          canonical: "Islamic State",
          kind: "rebel-group",
          inter: 2,
          dictionaryId: "islamic-state",
        }),
        actor({
          id: "a2",
          canonical: "Russian Military Police",
          kind: "state-forces",
          inter: 1,
          country: "RU",
        }),
        actor({ id: "a3", canonical: "protesters", kind: "protesters", inter: 6 }),
      ],
      events: [event({ id: "e1", actor1: "a1", actor2: "a2", assocActors: ["a3"] })],
    });
    const row = toAcledRows(r, {}, t)[0];
    expect(row?.actor1).toBe("Islamic State");
    expect(row?.actor2).toBe("Military Forces of Russia");
    // no country known for the protesters: the canonical name is kept rather than an empty "Protesters ()"
    expect(row?.assoc_actor_1).toBe("protesters");
    expect(row?.event_id_cnty).toMatch(/^XXX\d{10}$/);
  });

  it("export: notes are trimmed at a word to the limit, keeping who says it", () => {
    const long = `${"Militants attacked the village again and again. ".repeat(20)}`;
    const row = toAcledRows(
      record({
        events: [
          event({
            id: "e1",
            evidence: [{ start: 0, end: long.length, text: long }],
            attribution: {
              source: "Amaq",
              sourceActor: null,
              cue: "claimed",
              cueSpan: null,
              certainty: "claimed",
            },
          }),
        ],
      }),
    )[0];
    expect(String(row?.notes).length).toBeLessThanOrEqual(NOTES_MAX_CHARS);
    expect(String(row?.notes)).toMatch(/… \(claimed by Amaq\)$/);
  });

  it("export: a republished article names both outlets; no outlet falls back to the URL's host", () => {
    const base = record({ events: [event({ id: "e1" })] });
    const republished = {
      ...base,
      article: { ...base.article, original: { publisher: "South Front", published: null, url: null } },
    };
    expect(toAcledRows(republished)[0]?.source).toBe("South Front; The Valley Courier");
    const anonymous = { ...base, article: { ...base.article, publisher: null } };
    expect(toAcledRows(anonymous)[0]?.source).toBe("valley-courier.example");
  });

  it("export: data files are validated when read", () => {
    expect(() => parseCountries("cc\tiso\tiso3\tacled_name\tregion\nML\tx\tMLI\t\t\n")).toThrow(/bad codes/);
    expect(() => parseActorForms("kind\tmatch\tcountry\tform\nprotesters\t*\tsomewhere\tX\n")).toThrow(
      /country/,
    );
    expect(() => parseActorForms("kind\tform\n")).toThrow(/header/);
    const t = loadAcledTables();
    expect(t.countries.get("CD")?.name).toBe("Democratic Republic of Congo");
    expect(t.countries.get("SY")).toMatchObject({
      iso: 760,
      iso3: "SYR",
      name: "Syria",
      region: "Middle East",
    });
    expect(t.disorder.get("Excessive force against protesters")).toBe("Political violence; Demonstrations");
    expect(t.disorder.size).toBe(25);
  });
});
