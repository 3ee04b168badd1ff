import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze, toRecord } from "../../src/analyze/index.js";
import { HAS_SEED, SEED_FILE, skipMessage } from "../helpers/shared.js";

// Issue #3, "What it must do on the seed": actors, through the whole pipeline and into the output record.
describe.skipIf(!HAS_SEED)("analyze: actors on the seed article", () => {
  const doc = HAS_SEED
    ? analyze({ name: "seed", format: "text", content: readFileSync(SEED_FILE, "utf8") })
    : null;
  const record = doc ? toRecord(doc) : null;
  const byCanonical = (c: string) => record?.actors.find((a) => a.canonical === c);

  it.each([
    ["Russian Military Police", "state-forces", "RU"],
    ["5th Corps of the Syrian Army", "state-forces", "SY"],
    ["Iranian-backed forces", "political-militia", null],
    ["Popular Mobilization Forces", "state-forces", "IQ"],
    ["Islamic State", "rebel-group", null],
    ["Amaq News Agency", "media-wing", null],
    ["Syrian Arab Army", "state-forces", "SY"],
    ["Government of Israel", "government", "IL"],
    ["Israeli intelligence services", "state-forces", "IL"],
    ["Pro-Israeli sources", "source", null],
    ["Pro-militant sources", "source", null],
  ])("analyze: finds %s (%s, %s)", (canonical, kind, country) => {
    expect(byCanonical(canonical)).toMatchObject({ kind, country });
  });

  it.each([
    ["Iranian-backed forces", "backed-by", "IR"],
    ["Amaq News Agency", "wing-of", "islamic-state"],
    ["5th Corps of the Syrian Army", "part-of", "syrian-arab-army"],
  ])("analyze: %s is %s %s", (canonical, relation, actor) => {
    expect(byCanonical(canonical)?.affiliations).toContainEqual(expect.objectContaining({ relation, actor }));
  });

  it("analyze: every actor mention slices the clean text, and the first names the actor", () => {
    for (const a of record?.actors ?? []) {
      expect(a.mentions.length).toBeGreaterThan(0);
      for (const m of a.mentions) expect(m.end).toBeGreaterThan(m.start);
    }
    const amaq = byCanonical("Amaq News Agency");
    expect(amaq?.name).toBe("Amaq");
  });
});

if (!HAS_SEED) console.warn(skipMessage("the seed actors test"));
