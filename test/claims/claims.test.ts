import { describe, expect, it } from "vitest";
import { claimsStage, findClaims, OUTLET_SOURCE, parseCues } from "../../src/claims/index.js";
import { type Doc, emptyLayers } from "../../src/core/doc.js";
import type { ClaimKind } from "../../src/core/events.js";
import { createPipeline } from "../../src/core/stage.js";
import { lineSentences, makeActor } from "./helpers.js";

const ARTICLE = [
  "Gunmen attacked a checkpoint near the city on Sunday.",
  "The interior ministry said two officers were wounded.",
  "The rebel front denied any role in the attack.",
  "Analysts say the violence is likely to spread.",
  "The army will send reinforcements next week.",
  "The town is home to about 20,000 people.",
  "The government accused the rebel front of staging the attack under the pretext of self-defence.",
].join("\n");

describe("claims: findClaims lists the non-event statements worth a check", () => {
  const sentences = lineSentences(ARTICLE);
  const front = makeActor("a2", "rebel-group", ARTICLE, "rebel front");
  const claims = findClaims(ARTICLE, sentences, [front], new Set([0]));
  it.each<[string, ClaimKind, string, string]>([
    ["The interior ministry said", "statement", "The interior ministry", "reported"],
    ["The rebel front denied", "denial", "The rebel front", "denied"],
    ["Analysts say", "assessment", "Analysts", "reported"],
    ["The army will", "prediction", OUTLET_SOURCE, "predicted"],
    ["The government accused", "accusation", "The government", "alleged"],
  ])("claims: %s → %s", (start, kind, source, certainty) => {
    const claim = claims.find((c) => c.text.startsWith(start));
    expect(claim).toBeDefined();
    expect(claim?.kind).toBe(kind);
    expect(claim?.attribution.source).toBe(source);
    expect(claim?.attribution.certainty).toBe(certainty);
    expect(ARTICLE.slice(claim?.evidence.start, claim?.evidence.end)).toBe(claim?.text);
  });
  it.each([["Gunmen attacked"], ["The town is home"]])(
    "claims: no claim for %s (event / plain fact)",
    (start) => {
      expect(claims.some((c) => c.text.startsWith(start))).toBe(false);
    },
  );
  it.each([[claims]])("claims: ids run c1, c2, …", (list) => {
    expect(list.map((c) => c.id)).toEqual(list.map((_, i) => `c${i + 1}`));
  });
  it.each([["The rebel front denied"]])("claims: a source that is an actor carries its id (%s)", (start) => {
    expect(claims.find((c) => c.text.startsWith(start))?.attribution.sourceActor).toBe("a2");
  });
});

describe("claims: claimsStage assigns the claims layer after sentences, actors and events", () => {
  const doc = (): Doc => {
    const layers = { ...emptyLayers(), sentences: lineSentences(ARTICLE) };
    return {
      input: { name: "t", format: "text", content: ARTICLE },
      source: ARTICLE,
      text: ARTICLE,
      article: {} as Doc["article"],
      layers,
      segments: [],
      diagnostics: [],
      provenance: { extractor: "test", path: "test" },
    };
  };
  it.each([[claimsStage]])("claims: stage %#", (stage) => {
    const pipeline = createPipeline([stage], ["sentences", "actors", "events"]);
    const out = pipeline.run(doc(), {});
    expect(out.layers.claims.length).toBeGreaterThan(0);
    expect(out.diagnostics).toEqual([]);
    expect(() => createPipeline([stage], ["sentences", "events"])).toThrow(/actors/);
  });
});

describe("claims: the cue loader rejects a broken file, naming the line", () => {
  const valid = [
    "speech-verb\tsaid\treported\taffirm",
    "source-prep\taccording to\treported\taffirm",
    "hedge\tallegedly\talleged\taffirm",
    "modal\tmay\tspeculative\taffirm",
    "future\twill\tpredicted\taffirm",
    "evidential\tno sign that\tasserted\tnegate",
    "accusation\tpretext\t-\taffirm",
    "negation\tnot\t-\tnegate",
    "conditional\tif\tspeculative\taffirm",
    "implicative\tmanaged to\t-\taffirm",
  ];
  it.each([[valid]])("claims: a complete file parses", (lines) => {
    expect(parseCues(lines.join("\n"), "t.tsv").entries).toHaveLength(lines.length);
  });
  it.each<[string, string[], RegExp]>([
    ["unknown group", [...valid, "rumour\tword\treported\taffirm"], /t\.tsv:11/],
    ["bad certainty", [...valid, "hedge\tword\tsure\taffirm"], /t\.tsv:11/],
    ["bad polarity", [...valid, "hedge\tword\talleged\tmaybe"], /t\.tsv:11/],
    ["empty group", valid.slice(1), /group "speech-verb" is empty/],
  ])("claims: %s", (_, lines, message) => {
    expect(() => parseCues(lines.join("\n"), "t.tsv")).toThrow(message);
  });
});
