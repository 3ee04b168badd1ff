import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDataDir } from "../../src/core/data.js";
import { PLOVER_TYPES } from "../../src/events/constants.js";
import { loadOntology, parseOntology } from "../../src/events/ontology.js";

/** ACLED's 25 sub-event types, copied by hand from ACLED's codebook (acled_event_categories.csv). */
const ACLED_25: Array<[string, string]> = [
  ["Battles", "Armed clash"],
  ["Battles", "Government regains territory"],
  ["Battles", "Non-state actor overtakes territory"],
  ["Explosions/Remote violence", "Chemical weapon"],
  ["Explosions/Remote violence", "Air/drone strike"],
  ["Explosions/Remote violence", "Suicide bomb"],
  ["Explosions/Remote violence", "Shelling/artillery/missile attack"],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED"],
  ["Explosions/Remote violence", "Grenade"],
  ["Protests", "Peaceful protest"],
  ["Protests", "Protest with intervention"],
  ["Protests", "Excessive force against protesters"],
  ["Riots", "Violent demonstration"],
  ["Riots", "Mob violence"],
  ["Strategic developments", "Agreement"],
  ["Strategic developments", "Arrests"],
  ["Strategic developments", "Change to group/activity"],
  ["Strategic developments", "Disrupted weapons use"],
  ["Strategic developments", "Headquarters or base established"],
  ["Strategic developments", "Looting/property destruction"],
  ["Strategic developments", "Non-violent transfer of territory"],
  ["Strategic developments", "Other"],
  ["Violence against civilians", "Sexual violence"],
  ["Violence against civilians", "Attack"],
  ["Violence against civilians", "Abduction/forced disappearance"],
];

const shipped = (): string => readFileSync(join(findDataDir(), "events/ontology.tsv"), "utf8");
const dataRows = (text: string): string[] =>
  text.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));

describe("events: ontology.tsv holds ACLED's names exactly", () => {
  const ontology = loadOntology();

  it("has the 25 ACLED sub-event types and nothing else from ACLED", () => {
    const acled = ontology.entries
      .filter((e) => e.origin === "acled")
      .map((e) => [e.eventType, e.subEventType]);
    expect(acled).toHaveLength(25);
    expect([...acled].sort()).toEqual([...ACLED_25].sort());
  });

  it.each(ACLED_25)("%s / %s is present with its event type", (eventType, subEventType) => {
    expect(ontology.bySubEventType.get(subEventType)?.eventType).toBe(eventType);
  });

  it.each([
    ["Claim of responsibility", "ATTRIB"],
    ["Diplomatic act", "DIPLO"],
    ["Crime", "ORG_CRIME"],
    ["Man-made disaster", "MAN_MADE_DISASTER"],
    ["Natural disaster", "NATURAL_DISASTER"],
  ])("extra kind %s is under 'Other events' with CASE code %s", (sub, code) => {
    const e = ontology.bySubEventType.get(sub);
    expect(e?.eventType).toBe("Other events");
    expect(e?.caseCode).toBe(code);
    expect(e?.origin).toBe("sitrep");
  });
});

describe("events: every type is mapped to PLOVER", () => {
  const ontology = loadOntology();
  const plover = new Set<string>(PLOVER_TYPES);

  it.each(ontology.entries.map((e) => [e.subEventType, e.ploverType, e.origin]))(
    "%s → %s",
    (sub, type, origin) => {
      if (origin === "acled" || (sub !== "Man-made disaster" && sub !== "Natural disaster")) {
        expect(plover.has(type)).toBe(true);
      } else {
        // PLOVER codes no event for a disaster (no actor acts on another): the mapping says so explicitly.
        expect(type).toBe("NONE");
      }
    },
  );

  it("has a CASE code for every row, each used once", () => {
    expect(new Set(ontology.entries.map((e) => e.caseCode)).size).toBe(ontology.entries.length);
    expect(ontology.entries).toHaveLength(30);
  });
});

describe("events: parseOntology rejects bad rows", () => {
  const rows = dataRows(shipped());
  const replaceRow = (i: number, row: string) => rows.map((r, j) => (j === i ? row : r)).join("\n");

  it.each([
    [
      "an unknown ACLED sub-event type",
      (r: string) => r.replace("\tArmed clash\t", "\tArmed clashes\t"),
      /unknown ACLED sub-event type/,
    ],
    ["an unknown event type", (r: string) => r.replace(/^Battles\t/, "Battle\t"), /unknown ACLED event type/],
    ["an unknown PLOVER type", (r: string) => r.replace("\tASSAULT\t", "\tFIGHT\t"), /unknown PLOVER type/],
    ["a missing column", (r: string) => r.split("\t").slice(0, 7).join("\t"), /expected 8/],
    ["an unknown origin", (r: string) => r.replace("\tacled\t", "\tucdp\t"), /origin/],
  ])("rejects %s", (_name, edit, message) => {
    const first = rows[0] as string;
    expect(() => parseOntology(replaceRow(0, edit(first)))).toThrow(message);
  });

  it("rejects a missing ACLED sub-event type", () => {
    const text = rows.filter((r) => !r.includes("\tGrenade\t")).join("\n");
    expect(() => parseOntology(text)).toThrow(/"Grenade" is missing/);
  });

  it("rejects an event type left with no sub-event types (empty group)", () => {
    const text = rows.filter((r) => !r.startsWith("Riots\t")).join("\n");
    expect(() => parseOntology(text)).toThrow(/"Riots" has no sub-event types/);
  });

  it("rejects a duplicate row", () => {
    expect(() => parseOntology([...rows, rows[0]].join("\n"))).toThrow(/duplicate/);
  });

  it("rejects an extra kind that is not one of sitrep's", () => {
    const bad = "Other events\tCyber attack\tCYBER\tASSAULT\t-\t-\tsitrep\tA cyber attack.";
    expect(() => parseOntology([...rows, bad].join("\n"))).toThrow(/unknown extra kind/);
  });
});
