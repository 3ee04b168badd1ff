/**
 * The actor recogniser on the seed article (../shared/seed, read in place, never copied). The article runs
 * through extraction and the nlp stage (this is the integration check of issue #3, actor part); the
 * unit tests build their input by hand.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze/index.js";
import type { Doc } from "../../src/core/doc.js";
import type { Actor } from "../../src/core/entities.js";
import { actorStage } from "../../src/entities/index.js";
import { HAS_SEED, SEED_FILE, skipMessage } from "../helpers/shared.js";

if (!HAS_SEED) console.warn(skipMessage("test/entities/seed.test.ts"));

function seedDoc(): Doc {
  const doc = analyze({ name: SEED_FILE, format: "text", content: readFileSync(SEED_FILE, "utf8") });
  return actorStage.run(doc, {}) ?? doc;
}

describe.skipIf(!HAS_SEED)("actors: the seed article", () => {
  const doc = HAS_SEED ? seedDoc() : null;
  const actors = doc?.layers.actors ?? [];
  const text = doc?.text ?? "";
  const byId = (id: string) => actors.find((a) => a.dictionaryId === id);
  const byCanonical = (c: string) => actors.find((a) => a.canonical === c);
  const mentions = (a: Actor | undefined) => (a ? a.mentions.map((m) => text.slice(m.start, m.end)) : []);

  it.each([
    ["russian-military-police", "Russian Military Police", "state-forces", "RU"],
    ["syrian-army-5th-corps", "5th Corps of the Syrian Army", "state-forces", "SY"],
    ["popular-mobilization-forces", "Iraqi Popular Mobilization Forces", "state-forces", "IQ"],
    ["islamic-state", "ISIS", "rebel-group", null],
    ["amaq-news-agency", "Amaq", "media-wing", null],
    ["syrian-arab-army", "Syrian Army", "state-forces", "SY"],
    ["israel-government", "Israel", "government", "IL"],
    ["israeli-intelligence", "special services", "state-forces", "IL"],
    ["russian-armed-forces", "Russian military", "state-forces", "RU"],
  ])("actors: seed finds %s (named %j)", (id, name, kind, country) => {
    const a = byId(id);
    expect(a, JSON.stringify(actors.map((x) => x.canonical))).toBeDefined();
    expect(a?.name).toBe(name);
    expect(a?.kind).toBe(kind);
    expect(a?.country).toBe(country);
  });

  it.each([
    ["syrian-army-5th-corps", { relation: "part-of", actor: "syrian-arab-army" }],
    ["syrian-army-5th-corps", { relation: "allied-with", actor: "russian-armed-forces" }],
    ["amaq-news-agency", { relation: "wing-of", actor: "islamic-state" }],
    ["israeli-intelligence", { relation: "part-of", actor: "israel-government" }],
  ])("actors: seed gives %s the affiliation %j", (id, affiliation) => {
    expect(byId(id)?.affiliations).toContainEqual(expect.objectContaining(affiliation));
  });

  it.each([
    [
      "Iranian-backed forces",
      "political-militia",
      null,
      [{ relation: "backed-by", actor: "IR", text: "backed by Iran" }],
    ],
    ["Pro-Israeli sources", "source", null, [{ relation: "supports", actor: "IL", text: "supports Israel" }]],
    ["Pro-militant sources", "source", null, []],
    [
      "Russian-backed Syrian forces",
      "state-forces",
      "SY",
      [{ relation: "backed-by", actor: "RU", text: "backed by Russia" }],
    ],
  ])("actors: seed pattern actor %j", (canonical, kind, country, affiliations) => {
    const a = byCanonical(canonical);
    expect(a, JSON.stringify(actors.map((x) => x.canonical))).toBeDefined();
    expect(a?.kind).toBe(kind);
    expect(a?.country).toBe(country);
    expect(a?.dictionaryId).toBeNull();
    expect(a?.affiliations).toEqual(affiliations);
  });

  it.each([
    ["russian-armed-forces", ["Russian military", "Russian military", "Russians", "Russian forces"]],
    ["amaq-news-agency", ["ISIS propaganda wing", "Amaq"]],
    ["syrian-arab-army", ["Syrian Army", "soldiers"]],
    ["popular-mobilization-forces", ["Iraqi Popular Mobilization Forces", "Popular Mobilization Forces"]],
  ])("actors: seed mentions of %s", (id, expected) => {
    expect(mentions(byId(id))).toEqual(expected);
  });

  it.each([
    ["Iranian-backed forces", 2],
    ["ISIS", 4],
  ])("actors: seed gives %j %i mentions", (name, count) => {
    const a = actors.find((x) => x.name === name);
    expect(a?.mentions).toHaveLength(count);
  });

  it.each([
    ["Iraq (a place: 'the border with Iraq')", "iraq-government"],
    ["a bare 'terrorist' ('terrorist targets')", "terrorist"],
  ])("actors: seed does not read %s as an actor", (_, what) => {
    expect(actors.some((a) => a.dictionaryId === what || mentions(a).includes(what))).toBe(false);
  });
});
