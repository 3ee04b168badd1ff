import { describe, expect, it } from "vitest";
import {
  createDoc,
  type Extraction,
  type SourceDocument,
  sourceRangeOf,
  verbatimBlock,
} from "../../src/core/doc.js";
import { type SourceSegment, toSourceRange } from "../../src/core/offsets.js";
import { createPipeline, defineStage } from "../../src/core/stage.js";

// Example input written for this test: two paragraphs inside markup.
const SOURCE = "<p>Troops entered the town.</p><div>ad</div><p>Two people were killed.</p>";
const P1 = "Troops entered the town.";
const P2 = "Two people were killed.";

function makeDoc() {
  const input: SourceDocument = { name: "example.html", format: "html", content: SOURCE };
  const extraction: Extraction = {
    meta: { title: "Example" },
    paragraphs: [verbatimBlock(P1, SOURCE.indexOf(P1)), verbatimBlock(P2, SOURCE.indexOf(P2))],
    boilerplate: [{ kind: "ads", text: "ad" }],
    diagnostics: [],
    path: "test",
  };
  return createDoc(input, extraction, "test");
}

describe("core: document model", () => {
  it("core: joins paragraphs with a blank line and records their spans", () => {
    const doc = makeDoc();
    expect(doc.text).toBe(`${P1}\n\n${P2}`);
    expect(doc.layers.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual([P1, P2]);
    expect(doc.article.paragraphs).toEqual(doc.layers.paragraphs);
    expect(doc.article.title).toBe("Example");
    expect(doc.article.original).toBeNull();
  });

  it.each([
    ["whole first paragraph", P1],
    ["a word inside the second", "killed"],
    ["a range across both paragraphs", `town.\n\nTwo`],
  ])("core: maps a clean-text range back to the input (%s)", (_name, needle) => {
    const doc = makeDoc();
    const start = doc.text.indexOf(needle);
    const src = sourceRangeOf(doc, { start, end: start + needle.length });
    expect(src).not.toBeNull();
    const back = SOURCE.slice(src?.start, src?.end);
    for (const word of needle.split(/\s+/)) expect(back).toContain(word);
  });

  it("core: the separator between paragraphs maps to nothing", () => {
    const doc = makeDoc();
    const sep = doc.text.indexOf("\n\n");
    expect(sourceRangeOf(doc, { start: sep, end: sep + 2 })).toBeNull();
  });

  it("core: an offset inside a non-verbatim segment maps to the segment's bounds, not a guess", () => {
    // "&amp;" in the source became "&" in the clean text.
    const segments: SourceSegment[] = [{ start: 0, end: 5, srcStart: 10, srcEnd: 19 }];
    expect(toSourceRange(segments, { start: 1, end: 3 })).toEqual({ start: 10, end: 19 });
  });
});

describe("core: pipeline", () => {
  it("core: refuses a stage whose requirement no earlier stage assigns", () => {
    const needsPlaces = defineStage({
      name: "events",
      requires: ["places"],
      assigns: ["events"],
      run: () => undefined,
    });
    expect(() => createPipeline([needsPlaces], ["text"])).toThrow(/requires places/);
  });

  it("core: a failing stage becomes a diagnostic and later stages still run", () => {
    const boom = defineStage({
      name: "boom",
      requires: [],
      assigns: ["x"],
      run: () => {
        throw new Error("bad data");
      },
    });
    let ran = false;
    const after = defineStage({
      name: "after",
      requires: ["x"],
      assigns: [],
      run: () => {
        ran = true;
        return undefined;
      },
    });
    const doc = createPipeline([boom, after], []).run(makeDoc(), {});
    expect(ran).toBe(true);
    expect(doc.diagnostics).toContainEqual(
      expect.objectContaining({ code: "pipeline/stage-failed", stage: "boom" }),
    );
  });
});
