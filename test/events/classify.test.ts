import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTrainingSet } from "../../scripts/train-event-model.js";
import { findDataDir } from "../../src/core/data.js";
import { classifyEventText, EventClassifier, loadEventLexicons } from "../../src/events/classify.js";
import { ACLED_SUB_EVENT_TYPES, MODEL_FILE } from "../../src/events/constants.js";
import { extractEventFeatures } from "../../src/events/features.js";
import { loadOntology } from "../../src/events/ontology.js";
import { type EventModelFile, serializeEventModel, trainEventModel } from "../../src/events/train.js";
import { parseTriggers, TriggerMatcher } from "../../src/events/triggers.js";

// Invented for this test (not in the training set, not from any benchmark).
describe("events: classifyEventText types invented news snippets", () => {
  it.each([
    [
      "Soldiers and separatist fighters exchanged gunfire for hours near the border town of Ambazonia Ridge.",
      "Armed clash",
    ],
    [
      "The army said it had recaptured the river port of Dunmore from the insurgents after a three-day battle.",
      "Government regains territory",
    ],
    [
      "Militants overran the garrison at Kesso and hoisted their flag over the district office.",
      "Non-state actor overtakes territory",
    ],
    [
      "Doctors said dozens of residents were choking after canisters of chlorine gas hit the suburb.",
      "Chemical weapon",
    ],
    ["Warplanes bombed a fuel depot in the rebel-held north on Sunday, residents said.", "Air/drone strike"],
    ["A suicide bomber blew himself up outside a police academy, killing eleven cadets.", "Suicide bomb"],
    [
      "Rockets fired from across the river slammed into apartment blocks in the city overnight.",
      "Shelling/artillery/missile attack",
    ],
    [
      "A roadside bomb tore through a minibus carrying teachers, police said.",
      "Remote explosive/landmine/IED",
    ],
    ["A man on a scooter hurled a grenade into a crowded bar and sped away.", "Grenade"],
    ["Nurses marched peacefully to the health ministry to demand overdue wages.", "Peaceful protest"],
    [
      "Riot police used tear gas and water cannon to break up a student march in the capital.",
      "Protest with intervention",
    ],
    [
      "Troops fired live ammunition into a crowd of unarmed demonstrators, killing six.",
      "Excessive force against protesters",
    ],
    [
      "Angry protesters torched a police post and pelted officers with stones over the death of a driver.",
      "Violent demonstration",
    ],
    ["A mob lynched a man accused of stealing a goat in the village market.", "Mob violence"],
    ["The government and the rebel alliance signed a ceasefire agreement in the capital.", "Agreement"],
    ["Police arrested the leader of the opposition party at his home before dawn.", "Arrests"],
    [
      "Police defused a bomb found under a bridge before the president's convoy passed.",
      "Disrupted weapons use",
    ],
    [
      "The insurgents have set up a new base in the forest near the national park.",
      "Headquarters or base established",
    ],
    [
      "Gunmen looted shops and torched houses in the market town before fleeing.",
      "Looting/property destruction",
    ],
    [
      "Gunmen abducted fifteen passengers from a bus on the highway and demanded ransom.",
      "Abduction/forced disappearance",
    ],
    ["Armed men raped several women in the displacement camp, aid workers said.", "Sexual violence"],
    ["Bandits killed nine farmers working in their fields, a local official said.", "Attack"],
    ["The jihadist group claimed responsibility for the bombing in a statement.", "Claim of responsibility"],
    ["The foreign ministry condemned the attack and summoned the ambassador.", "Diplomatic act"],
    ["Customs officers seized two tonnes of cocaine hidden in a shipment of bananas.", "Crime"],
    ["A bus collided with a fuel tanker on the highway, killing 20 passengers.", "Man-made disaster"],
    ["A strong earthquake shook the coastal province, destroying hundreds of homes.", "Natural disaster"],
  ])("%s → %s", (text, expected) => {
    expect(classifyEventText(text)?.subEventType).toBe(expected);
  });

  it("gives the event type, a probability and scores that sum to 1", () => {
    const r = classifyEventText("A roadside bomb killed two soldiers on patrol.");
    expect(r?.eventType).toBe("Explosions/Remote violence");
    expect(r?.confidence).toBeGreaterThan(0);
    expect(r?.confidence).toBeLessThanOrEqual(1);
    const sum = Object.values(r?.scores ?? {}).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 6);
  });

  it("can be restricted to ACLED's 25 sub-event types", () => {
    const only = new Set<string>(ACLED_SUB_EVENT_TYPES);
    const r = classifyEventText("A strong earthquake shook the coastal province, destroying homes.", {
      only,
    });
    expect(r && only.has(r.subEventType)).toBe(true);
  });

  it.each([[""], ["   "], ["!!! ???"]])("returns null (no event) for %j", (text) => {
    expect(classifyEventText(text)).toBeNull();
  });
});

describe("events: trigger lexicon loader", () => {
  const labels = new Set(["ARMED_CLASH", "GRENADE"]);
  const ok = "ARMED_CLASH\tclash*\t1.5\nGRENADE\tgrenade*\t3\tthrew|hurl*";

  it("parses patterns, weights and context", () => {
    const lex = parseTriggers(ok, labels);
    expect(lex.triggers).toHaveLength(2);
    expect(lex.triggers[1]?.context.map((c) => c.text)).toEqual(["threw", "hurl"]);
  });

  it.each([
    ["an unknown label", `${ok}\nBOMBING\tbomb*\t1`, /unknown label/],
    ["a weight out of range", "ARMED_CLASH\tclash*\t5\nGRENADE\tgrenade*\t3", /weight/],
    ["a missing weight", "ARMED_CLASH\tclash*\nGRENADE\tgrenade*\t3", /expected/],
    ["an upper-case word", "ARMED_CLASH\tClash*\t1\nGRENADE\tgrenade*\t3", /bad trigger word/],
    ["a label with no triggers (empty group)", "ARMED_CLASH\tclash*\t1", /"GRENADE" has no triggers/],
    ["a duplicate trigger", `${ok}\nGRENADE\tgrenade*\t2`, /duplicate/],
  ])("rejects %s", (_name, text, message) => {
    expect(() => parseTriggers(text, labels)).toThrow(message);
  });

  it("matches multiword patterns, prefixes and required context", () => {
    const lex = parseTriggers("ARMED_CLASH\tgun battle*\t2\nGRENADE\tgrenade*\t3\tthrew|hurl*", labels);
    const m = new TriggerMatcher(lex);
    expect(m.match(["a", "gun", "battles", "ensued"]).map((t) => t.label)).toEqual(["ARMED_CLASH"]);
    expect(m.match(["a", "grenade", "was", "hurled"]).map((t) => t.label)).toEqual(["GRENADE"]);
    expect(m.match(["a", "grenade", "exploded"])).toEqual([]);
  });

  it("loads the shipped lexicons against the ontology", () => {
    const lex = loadEventLexicons();
    expect(lex.triggers.lexicon.labels.size).toBe(30);
    expect([...lex.actors.lexicon.labels].sort()).toEqual([
      "civilians",
      "criminal",
      "nonstate",
      "protesters",
      "state",
    ]);
  });
});

describe("events: model", () => {
  const ontology = loadOntology();
  const lexicons = loadEventLexicons(ontology);
  const modelPath = join(findDataDir(), MODEL_FILE);
  const shippedText = readFileSync(modelPath, "utf8");
  const model = JSON.parse(shippedText) as EventModelFile;

  it("the fast scoring path equals the dot product over the full feature vector", () => {
    const clf = new EventClassifier(model, ontology, lexicons);
    for (const text of [
      "Gunmen abducted 12 villagers in the north and demanded a ransom of 5,000,000 naira.",
      "Police fired tear gas at protesters; protesters threw stones at police.",
    ]) {
      const slow = Float64Array.from(model.bias);
      for (const [k, x] of extractEventFeatures(text, lexicons)) {
        const pairs = model.weights[k];
        for (let j = 0; pairs && j < pairs.length; j += 2) {
          slow[pairs[j] as number] = (slow[pairs[j] as number] as number) + (pairs[j + 1] as number) * x;
        }
      }
      const { z } = clf.scoreText(text);
      for (let k = 0; k < z.length; k++) expect(z[k]).toBeCloseTo(slow[k] as number, 9);
    }
  });

  it("is deterministic: retraining on the shipped data gives the shipped file byte for byte", () => {
    const text = serializeEventModel(trainEventModel(readTrainingSet(ontology), model.labels, lexicons));
    const hash = (s: string) => createHash("sha256").update(s).digest("hex");
    expect(hash(text)).toBe(hash(shippedText));
  });

  it("loads fast and classifies a snippet in well under 0.2 ms", () => {
    const t0 = performance.now();
    const clf = new EventClassifier(JSON.parse(shippedText) as EventModelFile, ontology, lexicons);
    const loadMs = performance.now() - t0;
    const text =
      "Suspected jihadists attacked a military post near the border on Sunday, killing four soldiers, the army said. " +
      "Troops returned fire and the attackers fled towards the forest.";
    for (let i = 0; i < 200; i++) clf.classify(text);
    const t1 = performance.now();
    const n = 2000;
    for (let i = 0; i < n; i++) clf.classify(text);
    const perMs = (performance.now() - t1) / n;
    expect(loadMs).toBeLessThan(200); // generous for CI; the measured figure is in data/events/README.md
    expect(perMs).toBeLessThan(0.2);
  });
});
