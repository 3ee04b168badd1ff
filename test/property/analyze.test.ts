/**
 * Properties of `analyze()` end to end, on arbitrary strings and HTML-like pages: it never throws and no stage
 * throws either (a stage that did would be caught as pipeline/stage-failed, hiding the crash); the article fits
 * the Article schema; every span of every layer lies inside the clean text, and every evidence text equals
 * `text.slice(start, end)`; events and claims point at actors and places that exist; paragraphs map back inside
 * the input; an empty text is a failure.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze, failureOf } from "../../src/analyze/index.js";
import { Article } from "../../src/core/article.js";
import { type Doc, PARAGRAPH_SEPARATOR, type SourceDocument, sourceRangeOf } from "../../src/core/doc.js";
import { htmlInput, newsText, textInput } from "./arbitraries.js";
import {
  expectEvidence,
  expectOrderedSpans,
  expectSpanInside,
  PIPELINE_RUNS,
  runs,
  withinTime,
} from "./invariants.js";

const hints = fc.option(
  fc.record(
    { title: newsText, published: fc.constantFrom("2024-05-06", "2024-05-06T18:20:00Z", "yesterday", "") },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const url = fc.option(fc.constantFrom("https://news.example/world/a?utm_source=x", "not a url", ""), {
  nil: undefined,
});

function input(format: "html" | "text", content: string, extra: Partial<SourceDocument>): SourceDocument {
  return { name: "input", format, content, ...extra };
}

/** Every invariant of an analysed Doc. */
function expectSoundDoc(doc: Doc): void {
  const { text, layers } = doc;
  expect(doc.diagnostics.filter((d) => d.code === "pipeline/stage-failed")).toEqual([]);
  const article = Article.safeParse(doc.article);
  expect(article.success, JSON.stringify(article.error?.issues)).toBe(true);
  if (text.length === 0) expect(failureOf(doc)).not.toBeNull();

  expectOrderedSpans(layers.paragraphs, text, "paragraph");
  expect(layers.paragraphs.map((p) => text.slice(p.start, p.end)).join(PARAGRAPH_SEPARATOR)).toBe(text);
  for (const p of layers.paragraphs) {
    const source = sourceRangeOf(doc, p);
    if (source) expectSpanInside(source, doc.source, "paragraph source", true);
  }
  expectOrderedSpans(layers.sentences, text, "sentence");
  expectOrderedSpans(layers.tokens, text, "token");
  for (const place of layers.places)
    for (const m of place.mentions) expectSpanInside(m, text, `place ${place.id}`);
  for (const actor of layers.actors)
    for (const m of actor.mentions) expectSpanInside(m, text, `actor ${actor.id}`);
  for (const check of layers.checks) expectEvidence(check, text, "distance check");
  for (const time of layers.times) expectEvidence(time, text, "date");
  for (const quantity of layers.quantities) expectEvidence(quantity, text, "count");

  const actorIds = new Set(layers.actors.map((a) => a.id));
  const placeIds = new Set(layers.places.map((p) => p.id));
  for (const event of layers.events) {
    for (const id of [event.actor1, event.actor2, ...event.assocActors])
      if (id !== null) expect(actorIds).toContain(id);
    if (event.location) expect(placeIds).toContain(event.location.place);
    for (const evidence of event.evidence) expectEvidence(evidence, text, `event ${event.id} evidence`);
    for (const source of event.sources) {
      expectEvidence(source.evidence, text, `event ${event.id} source evidence`);
      if (source.attribution.cueSpan) expectSpanInside(source.attribution.cueSpan, text, "cue");
    }
    if (event.attribution.cueSpan) expectSpanInside(event.attribution.cueSpan, text, "cue");
  }
  for (const claim of layers.claims) {
    expectEvidence(claim.evidence, text, `claim ${claim.id} evidence`);
    if (claim.attribution.cueSpan) expectSpanInside(claim.attribution.cueSpan, text, "cue");
  }
}

describe("property: analyze end to end", () => {
  beforeAll(() => {
    // Load the gazetteer, dictionaries and models once, outside the per-input hang guard.
    analyze(input("text", "Gunmen killed three soldiers near Gao on Monday, the army said.", {}));
  });

  it("analyze: on any text input, never throws, no stage fails, and every span and evidence is sound", () => {
    fc.assert(
      fc.property(textInput, hints, url, (content, hint, link) => {
        const doc = withinTime(() => analyze(input("text", content, { hints: hint, url: link })));
        expectSoundDoc(doc);
      }),
      runs(PIPELINE_RUNS),
    );
  });

  it("analyze: on any HTML-like input, never throws, no stage fails, and every span and evidence is sound", () => {
    fc.assert(
      fc.property(htmlInput, hints, url, (content, hint, link) => {
        const doc = withinTime(() => analyze(input("html", content, { hints: hint, url: link })));
        expectSoundDoc(doc);
      }),
      runs(PIPELINE_RUNS),
    );
  });
});
