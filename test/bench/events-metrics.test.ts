import { describe, expect, it } from "vitest";
import {
  classifyByKeywords,
  compileKeyword,
  loadKeywordRules,
  majorityLabel,
  parseKeywordRules,
} from "../../bench/lib/events-baselines.js";
import {
  type CaseLabel,
  caseSubtaskLabels,
  caseSubtaskRows,
  EVENTS_DATA_DIR,
  eventsDataAvailable,
  loadAcledCategories,
  loadAcledEvents,
  loadCaseLabelMap,
  loadCaseRows,
  loadUds,
  parseCaseTsv,
  parseCsv,
  predictionToCaseCode,
  udsPredicateSpan,
} from "../../bench/lib/events-data.js";
import {
  accuracy,
  actorsMatch,
  actorsMatchLoose,
  binaryScore,
  classificationReport,
  meanAbsoluteError,
  median,
  namesMatch,
  pearson,
} from "../../bench/lib/events-metrics.js";

describe("events-metrics: classificationReport", () => {
  // scikit-learn's own docstring example for precision_recall_fscore_support:
  // macro (0.222, 0.333, 0.267), micro (0.333, 0.333, 0.333), weighted (0.222, 0.333, 0.267).
  it("events-metrics: matches scikit-learn's precision_recall_fscore_support docstring example", () => {
    const r = classificationReport(
      ["cat", "dog", "pig", "cat", "dog", "pig"],
      ["cat", "pig", "dog", "cat", "cat", "dog"],
    );
    expect(r.macro.precision).toBeCloseTo(2 / 9, 10);
    expect(r.macro.recall).toBeCloseTo(1 / 3, 10);
    expect(r.macro.f1).toBeCloseTo(0.8 / 3, 10);
    expect(r.micro.precision).toBeCloseTo(1 / 3, 10);
    expect(r.micro.recall).toBeCloseTo(1 / 3, 10);
    expect(r.micro.f1).toBeCloseTo(1 / 3, 10);
    expect(r.weighted.precision).toBeCloseTo(2 / 9, 10);
    expect(r.weighted.recall).toBeCloseTo(1 / 3, 10);
    expect(r.weighted.f1).toBeCloseTo(0.8 / 3, 10);
    expect(r.perLabel.map((l) => l.f1)).toEqual([0.8, 0, 0]);
  });

  // Worked by hand. gold A A A B C C, predicted A A B B C (none).
  //   A: TP 2, FP 0, FN 1 → P 1, R 2/3, F1 4/5;  support 3
  //   B: TP 1, FP 1, FN 0 → P 1/2, R 1, F1 2/3;  support 1
  //   C: TP 1, FP 0, FN 1 → P 1, R 1/2, F1 2/3;  support 2
  // weighted F1 = (3·4/5 + 1·2/3 + 2·2/3) / 6 = 11/15 ≈ 0.7333 — the support-weighted mean of per-label F1,
  // not the harmonic mean of weighted P (11/12) and weighted R (2/3), which would be ≈ 0.7719.
  // macro F1 = (4/5 + 2/3 + 2/3) / 3 = 32/45; micro: TP 4, FP 1, FN 2 → P 4/5, R 2/3, F1 8/11.
  const gold = ["A", "A", "A", "B", "C", "C"];
  const predicted = ["A", "A", "B", "B", "C", null];
  const r = classificationReport(gold, predicted, ["A", "B", "C"]);

  it.each([
    { what: "weighted F1", got: r.weighted.f1, want: 11 / 15 },
    { what: "weighted P", got: r.weighted.precision, want: 11 / 12 },
    { what: "weighted R", got: r.weighted.recall, want: 2 / 3 },
    { what: "macro F1", got: r.macro.f1, want: 32 / 45 },
    { what: "macro P", got: r.macro.precision, want: 5 / 6 },
    { what: "macro R", got: r.macro.recall, want: 13 / 18 },
    { what: "micro P", got: r.micro.precision, want: 4 / 5 },
    { what: "micro R", got: r.micro.recall, want: 2 / 3 },
    { what: "micro F1", got: r.micro.f1, want: 8 / 11 },
    { what: "accuracy", got: r.accuracy, want: 4 / 6 },
  ])("events-metrics: worked example, $what", ({ got, want }) => {
    expect(got).toBeCloseTo(want, 12);
  });

  it("events-metrics: weighted F1 is not the F1 of weighted P and R", () => {
    const harmonic =
      (2 * r.weighted.precision * r.weighted.recall) / (r.weighted.precision + r.weighted.recall);
    expect(harmonic).toBeCloseTo(0.7719, 4);
    expect(r.weighted.f1).not.toBeCloseTo(harmonic, 2);
  });

  it("events-metrics: per-label counts and no-event count", () => {
    expect(r.perLabel).toEqual([
      { label: "A", tp: 2, fp: 0, fn: 1, support: 3, precision: 1, recall: 2 / 3, f1: 4 / 5 },
      { label: "B", tp: 1, fp: 1, fn: 0, support: 1, precision: 1 / 2, recall: 1, f1: 2 / 3 },
      { label: "C", tp: 1, fp: 0, fn: 1, support: 2, precision: 1, recall: 1 / 2, f1: 2 / 3 },
    ]);
    expect(r.none).toBe(1);
    expect(r.outside).toBe(0);
  });

  it("events-metrics: a label outside the set is a miss, not a false positive of any label", () => {
    const x = classificationReport(["A", "B"], ["Z", "B"], ["A", "B"]);
    expect(x.outside).toBe(1);
    expect(x.micro.precision).toBe(1);
    expect(x.micro.recall).toBe(0.5);
    expect(x.perLabel.find((l) => l.label === "A")).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
  });

  it("events-metrics: default labels are gold ∪ predicted; a zero-support label weighs 0 in weighted", () => {
    const x = classificationReport(["A", "A"], ["A", "B"]);
    expect(x.perLabel.map((l) => l.label)).toEqual(["A", "B"]);
    expect(x.macro.f1).toBeCloseTo(1 / 3, 12); // (2/3 + 0) / 2
    expect(x.weighted.f1).toBeCloseTo(2 / 3, 12); // B has support 0
  });

  it("events-metrics: throws on length mismatch and duplicate labels", () => {
    expect(() => classificationReport(["A"], [])).toThrow(/1 gold labels but 0 predictions/);
    expect(() => classificationReport(["A"], ["A"], ["A", "A"])).toThrow(/duplicate/);
  });
});

describe("events-metrics: scalar metrics", () => {
  it.each([
    { case: "perfect", x: [1, 2, 3], y: [2, 4, 6], r: 1 },
    { case: "inverse", x: [1, 2, 3], y: [3, 2, 1], r: -1 },
    { case: "hand-computed 0.8", x: [1, 2, 3, 4], y: [1, 3, 2, 4], r: 0.8 },
    { case: "constant side", x: [1, 2, 3], y: [5, 5, 5], r: null },
    { case: "one pair", x: [1], y: [2], r: null },
  ])("events-metrics: pearson, $case", ({ x, y, r }) => {
    const got = pearson(x, y);
    if (r === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(r, 12);
  });

  it("events-metrics: MAE, accuracy, median", () => {
    expect(meanAbsoluteError([0, 2, 10], [0, 0, 7])).toBeCloseTo(5 / 3, 12);
    expect(meanAbsoluteError([], [])).toBeNull();
    expect(accuracy([true, false, true, true])).toBe(0.75);
    expect(accuracy([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("events-metrics: binary score of the positive class", () => {
    // gold T T T F F, predicted T T F T F → TP 2, FN 1, FP 1, TN 1
    const s = binaryScore([true, true, true, false, false], [true, true, false, true, false]);
    expect(s).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1, accuracy: 3 / 5 });
    expect(s.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recall).toBeCloseTo(2 / 3, 12);
    expect(s.f1).toBeCloseTo(2 / 3, 12);
  });
});

describe("events-metrics: ACLED name matching", () => {
  it.each([
    {
      gold: "Military Forces of Mexico (2018-)",
      pred: "Military Forces of Mexico",
      strict: true,
      loose: true,
    },
    { gold: "Police Forces of India (2014-2019)", pred: "police forces of india", strict: true, loose: true },
    { gold: "Protesters (Uganda)", pred: "Protesters (Uganda)", strict: true, loose: true },
    { gold: "Protesters (Uganda)", pred: "Protesters", strict: false, loose: true },
    { gold: "Protesters (Uganda)", pred: "Rioters (Uganda)", strict: false, loose: false },
    { gold: null, pred: null, strict: true, loose: true },
    { gold: null, pred: "Civilians (Uganda)", strict: false, loose: false },
    { gold: "Civilians (Uganda)", pred: undefined, strict: false, loose: false },
  ])("events-metrics: actor $gold vs $pred", ({ gold, pred, strict, loose }) => {
    expect(actorsMatch(gold, pred)).toBe(strict);
    expect(actorsMatchLoose(gold, pred)).toBe(loose);
  });

  it.each([
    { gold: "Ciudad de México", pred: "ciudad de mexico", match: true },
    { gold: "Kongo Trading Center", pred: "Kongo Trading Centre", match: false },
    { gold: null, pred: null, match: true },
  ])("events-metrics: place $gold vs $pred", ({ gold, pred, match }) => {
    expect(namesMatch(gold, pred)).toBe(match);
  });
});

describe("events-data: parsers", () => {
  it("events-data: CSV with quoted fields", () => {
    expect(parseCsv('a,b,c\nX,"(unseen, non-ACLED)","say ""hi"""\r\n')).toEqual([
      ["a", "b", "c"],
      ["X", "(unseen, non-ACLED)", 'say "hi"'],
    ]);
  });

  it("events-data: CASE TSV, header checked, one label per line", () => {
    const rows = parseCaseTsv("id\tEventSnippet\tSubType\n1\tWarplanes hit a village.\tAIR_STRIKE\n\n");
    expect(rows).toEqual([{ id: "1", text: "Warplanes hit a village.", code: "AIR_STRIKE" }]);
    expect(() => parseCaseTsv("id\ttext\n")).toThrow(/unexpected header/);
    expect(() => parseCaseTsv("id\tEventSnippet\tSubType\n1\tno label\n")).toThrow(/2 fields/);
  });

  const labels: CaseLabel[] = [
    {
      code: "AIR_STRIKE",
      eventType: "Explosions/Remote violence",
      subEventType: "Air/drone strike",
      firstSubtask: 1,
      nTest: 1,
    },
    {
      code: "ORG_CRIME",
      eventType: "(unseen, non-ACLED)",
      subEventType: "Organized crime",
      firstSubtask: 2,
      nTest: 1,
    },
    {
      code: "ATTRIB",
      eventType: "(unseen, non-ACLED)",
      subEventType: "Attribution of responsibility",
      firstSubtask: 3,
      nTest: 1,
    },
  ];

  it("events-data: subtask filtering keeps the rows whose gold label is in the subtask's set", () => {
    const rows = labels.map((l, i) => ({ id: String(i), text: "t", code: l.code }));
    expect(caseSubtaskRows(rows, labels, 1).map((r) => r.code)).toEqual(["AIR_STRIKE"]);
    expect(caseSubtaskRows(rows, labels, 2).map((r) => r.code)).toEqual(["AIR_STRIKE", "ORG_CRIME"]);
    expect(caseSubtaskRows(rows, labels, 3)).toHaveLength(3);
    expect(caseSubtaskLabels(labels, 2).map((l) => l.code)).toEqual(["AIR_STRIKE", "ORG_CRIME"]);
  });

  it.each([
    {
      pred: { eventType: "Explosions/Remote violence", subEventType: "Air/drone strike" },
      code: "AIR_STRIKE",
    },
    { pred: { eventType: "Crime", subEventType: "Crime" }, code: "ORG_CRIME" },
    {
      pred: { eventType: "Claim of responsibility", subEventType: "Claim of responsibility" },
      code: "ATTRIB",
    },
    { pred: { eventType: "Battles", subEventType: "Pillow fight" }, code: null },
    { pred: null, code: null },
  ])("events-data: prediction $pred → $code", ({ pred, code }) => {
    expect(predictionToCaseCode(pred, labels)).toBe(code);
  });

  it.each([
    {
      case: "a repeated word maps to the right occurrence",
      item: {
        text: "He ran and ran .",
        tokens: ["He", "ran", "and", "ran", "."],
        predIndex: 4,
        predToken: "ran",
      },
      span: { start: 11, end: 14 },
    },
    {
      case: "SpaceAfter=No tokens",
      item: { text: "I can't go.", tokens: ["I", "ca", "n't", "go", "."], predIndex: 4, predToken: "go" },
      span: { start: 8, end: 10 },
    },
    {
      case: "a token that is not in the text",
      item: { text: "I went.", tokens: ["I", "gone", "."], predIndex: 2, predToken: "gone" },
      span: null,
    },
  ])("events-data: UDS predicate span, $case", ({ item, span }) => {
    const got = udsPredicateSpan(item);
    expect(got).toEqual(span);
    if (got) expect(item.text.slice(got.start, got.end)).toBe(item.predToken);
  });
});

describe("events-baselines", () => {
  const types = new Map([
    ["Violent demonstration", "Riots"],
    ["Remote explosive/landmine/IED", "Explosions/Remote violence"],
    ["Peaceful protest", "Protests"],
  ]);

  it.each([
    { pattern: "riot*", text: "Rioters burned tyres", hit: true },
    { pattern: "riot*", text: "a patriotic rally", hit: false },
    { pattern: "ied", text: "an IED went off", hit: true },
    { pattern: "ied", text: "two people died", hit: false },
    { pattern: "tear gas", text: "police fired tear\ngas", hit: true },
    { pattern: "rally", text: "a rallying cry", hit: false },
  ])("events-baselines: /$pattern/ on '$text' → $hit", ({ pattern, text, hit }) => {
    expect(compileKeyword(pattern).test(text)).toBe(hit);
  });

  it("events-baselines: first matching rule wins; no rule = no event", () => {
    const rules = parseKeywordRules(
      "# comment\nriot*\tViolent demonstration\nprotest*\tPeaceful protest\n",
      types,
    );
    expect(classifyByKeywords("Protesters rioted", rules)).toEqual({
      eventType: "Riots",
      subEventType: "Violent demonstration",
    });
    expect(classifyByKeywords("a protest march", rules)?.subEventType).toBe("Peaceful protest");
    expect(classifyByKeywords("a quiet day", rules)).toBeNull();
  });

  it.each([
    { tsv: "riot*\tBar fight\n", error: /not an ACLED sub-event type/ },
    { tsv: "riot*\tViolent demonstration\nriot*\tViolent demonstration\n", error: /duplicate/ },
    { tsv: "riot* Violent demonstration\n", error: /pattern<TAB>sub_event_type/ },
    { tsv: "# nothing\n", error: /no rules/ },
  ])("events-baselines: rejects $error", ({ tsv, error }) => {
    expect(() => parseKeywordRules(tsv, types)).toThrow(error);
  });

  it("events-baselines: majority label, ties to the first in sort order", () => {
    expect(majorityLabel(["b", "a", "b"])).toBe("b");
    expect(majorityLabel(["b", "a"])).toBe("a");
    expect(() => majorityLabel([])).toThrow();
  });
});

// Data checks: only where ../shared/data is present (it is outside the repository).
const available = eventsDataAvailable();
const skipMessage = (what: string): string => `${what} (skipped: test data not found at ${EVENTS_DATA_DIR})`;
if (!available.case || !available.acled || !available.uds)
  console.warn(
    `events-metrics.test: some shared test data is absent under ${EVENTS_DATA_DIR}; data tests skipped`,
  );

describe("events-data: the shared test sets", () => {
  it.skipIf(!available.case)(
    skipMessage("CASE: 1,019 rows; subtasks 1/2/3 have 829/947/1,019, as the label map says"),
    () => {
      const labels = loadCaseLabelMap();
      const rows = loadCaseRows();
      expect(rows).toHaveLength(1019);
      expect(new Set(rows.map((r) => r.id)).size).toBe(1019);
      expect([1, 2, 3].map((s) => caseSubtaskRows(rows, labels, s as 1 | 2 | 3).length)).toEqual([
        829, 947, 1019,
      ]);
      for (const l of labels) expect(rows.filter((r) => r.code === l.code).length).toBe(l.nTest);
      expect(caseSubtaskLabels(labels, 1)).toHaveLength(25);
    },
  );

  it.skipIf(!available.case || !available.acled)(
    skipMessage("CASE subtask-1 labels map 1:1 onto ACLED's 25 sub-event types; the keyword list validates"),
    () => {
      const categories = loadAcledCategories();
      const s1 = caseSubtaskLabels(loadCaseLabelMap(), 1);
      expect(new Set(s1.map((l) => `${l.eventType}/${l.subEventType}`))).toEqual(
        new Set(categories.map((c) => `${c.eventType}/${c.subEventType}`)),
      );
      const rules = loadKeywordRules(new Map(categories.map((c) => [c.subEventType, c.eventType])));
      expect(rules.length).toBeGreaterThan(25);
    },
  );

  it.skipIf(!available.acled)(skipMessage("ACLED: 9,316 rows with notes"), () => {
    const events = loadAcledEvents();
    expect(events).toHaveLength(9316);
    expect(events.every((e) => e.notes.length > 0)).toBe(true);
  });

  it.skipIf(!available.uds)(skipMessage("UDS test: every predicate span is rebuilt"), () => {
    const items = loadUds("test");
    expect(items).toHaveLength(2548);
    expect(items.filter((i) => udsPredicateSpan(i) === null)).toHaveLength(0);
  });
});
