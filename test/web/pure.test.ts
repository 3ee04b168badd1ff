/** The web app's pure parts (run under Node): highlighting by offsets, safe links, timeline bins. */
import { describe, expect, it } from "vitest";
import { binIncidents, listOrder, MAX_BINS } from "../../web/src/dates.js";
import { type Annotation, contextOf, safeHref, segmentText } from "../../web/src/highlight.js";

const ann = (start: number, end: number, kind: Annotation["kind"], ref = kind): Annotation => ({
  start,
  end,
  kind,
  ref,
  label: `${kind} ${start}-${end}`,
});

describe("segmentText", () => {
  it("cuts at every boundary and lists the annotations covering each segment, overlaps included", () => {
    const text = "ISIS attacked the Syrian Army in Hama.";
    const event = ann(0, text.length, "event");
    const actor = ann(18, 30, "actor");
    const place = ann(33, 37, "place");
    const segments = segmentText(0, text.length, [event, actor, place]);
    expect(segments.map((s) => text.slice(s.start, s.end))).toEqual([
      "ISIS attacked the ",
      "Syrian Army ",
      "in ",
      "Hama",
      ".",
    ]);
    expect(segments.map((s) => s.annotations.map((a) => a.kind).sort())).toEqual([
      ["event"],
      ["actor", "event"],
      ["event"],
      ["event", "place"],
      ["event"],
    ]);
  });

  it("keeps the text whole: the segments tile the range exactly", () => {
    const segments = segmentText(5, 40, [ann(0, 8, "place"), ann(30, 90, "claim"), ann(12, 12, "actor")]);
    expect(segments[0]?.start).toBe(5);
    expect(segments.at(-1)?.end).toBe(40);
    for (let i = 1; i < segments.length; i++) expect(segments[i]?.start).toBe(segments[i - 1]?.end);
    // The empty annotation highlights nothing.
    expect(segments.flatMap((s) => s.annotations).some((a) => a.kind === "actor")).toBe(false);
  });

  it("ignores annotations outside the range and returns nothing for an empty range", () => {
    expect(segmentText(10, 20, [ann(0, 5, "place")])).toEqual([{ start: 10, end: 20, annotations: [] }]);
    expect(segmentText(7, 7, [ann(0, 50, "event")])).toEqual([]);
  });
});

describe("contextOf", () => {
  it("returns the paragraph holding the offset, or a window when it lies between paragraphs", () => {
    const paragraphs = [
      { start: 0, end: 50 },
      { start: 52, end: 120 },
    ];
    expect(contextOf(paragraphs, 60, 120)).toEqual({ start: 52, end: 120 });
    expect(contextOf([], 500, 2000, 100)).toEqual({ start: 400, end: 600 });
  });
});

describe("safeHref", () => {
  it("keeps absolute http(s) links and refuses script, data and relative ones", () => {
    expect(safeHref("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeHref("/api/articles/1")).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});

describe("binIncidents", () => {
  const at = (start: string, background = false) => ({
    date: { start, end: start, kind: "union" as const },
    background,
  });

  it("counts incidents per day over a short record", () => {
    const bins = binIncidents([
      at("2026-03-10"),
      at("2026-03-10"),
      at("2026-03-12"),
      { date: null, background: false },
    ]);
    expect(bins).toEqual([
      { from: "2026-03-10", to: "2026-03-10", count: 2 },
      { from: "2026-03-11", to: "2026-03-11", count: 0 },
      { from: "2026-03-12", to: "2026-03-12", count: 1 },
    ]);
  });

  it("widens the bins for a long record and never draws more than MAX_BINS", () => {
    const bins = binIncidents([at("2020-01-01"), at("2026-06-30")]);
    expect(bins.length).toBeLessThanOrEqual(MAX_BINS);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(bins[0]?.from).toBe("2020-01-01");
  });

  it("leaves background history out of the axis", () => {
    const bins = binIncidents([at("2009-05-01", true), at("2026-03-10"), at("2026-03-11")]);
    expect(bins.map((b) => b.from)).toEqual(["2026-03-10", "2026-03-11"]);
  });
});

describe("listOrder", () => {
  it("puts current incidents newest first, then undated ones, then background history", () => {
    const i = (id: string, end: string | null, background = false) => ({
      id,
      background,
      date: end ? { start: end, end, kind: "union" as const } : null,
    });
    const ordered = listOrder([
      i("old", "2026-03-01"),
      i("history", "2009-12-31", true),
      i("undated", null),
      i("new", "2026-03-11"),
      i("same-day", "2026-03-11"),
    ]);
    expect(ordered.map((x) => x.id)).toEqual(["new", "same-day", "old", "undated", "history"]);
  });
});
