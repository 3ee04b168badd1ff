import { describe, expect, it } from "vitest";
import {
  type GeoCorpus,
  type GeoCorpusName,
  geoCorporaAvailable,
  loadEupegOutputs,
  loadGeoCorpus,
  parseCorpusXml,
  parseLine,
} from "../../bench/lib/geo-corpora.js";
import {
  aucOfErrors,
  errorStats,
  haversineKm,
  type LineToponym,
  MAX_ERROR_KM,
  matchDocument,
  recognitionStats,
  scoreEndToEnd,
  scoreGoldResolution,
} from "../../bench/lib/geo-metrics.js";
import { populationBaseline } from "../../bench/lib/population-baseline.js";

const top = (
  surface: string,
  start: number,
  end: number,
  lat: number | null = 0,
  lon: number | null = 0,
): LineToponym => ({
  name: surface,
  surface,
  lat,
  lon,
  start,
  end,
});

describe("geo-metrics: EUPEG matching rule", () => {
  it.each([
    // gold [100,110) has mid 105
    { case: "mid-points 9.5 apart match", pred: top("Paris", 109, 120), tp: 1 },
    { case: "mid-points exactly 10 apart do not", pred: top("Paris", 110, 120), tp: 0 },
    { case: "mid-points 9.5 apart, earlier side", pred: top("Paris", 90, 101), tp: 1 },
    { case: "surfaces equal ignoring case", pred: top("PARIS", 100, 110), tp: 1 },
    { case: "different surfaces at the same span", pred: top("Parisian", 100, 110), tp: 0 },
  ])("geo-metrics: $case", ({ pred, tp }) => {
    const m = matchDocument([top("Paris", 100, 110)], [pred]);
    expect(m.tp).toBe(tp);
    expect(m.fn).toBe(1 - tp);
    expect(m.fp).toBe(1 - tp);
  });

  it.each([
    {
      case: "each prediction is used once",
      gold: [top("US", 0, 2), top("US", 4, 6)],
      pred: [top("US", 0, 2)],
      expected: { tp: 1, fp: 0, fn: 1 },
    },
    {
      case: "gold in file order takes the first matching prediction",
      gold: [top("US", 4, 6), top("US", 0, 2)],
      pred: [top("US", 0, 2), top("US", 4, 6)],
      expected: { tp: 2, fp: 0, fn: 0 },
    },
    {
      case: "a prediction without coordinates is dropped, neither TP nor FP",
      gold: [top("Paris", 0, 5)],
      pred: [top("Paris", 0, 5, null, null)],
      expected: { tp: 0, fp: 0, fn: 1 },
    },
    {
      case: "a gold toponym without coordinates is not scored",
      gold: [top("Paris", 0, 5, null, null)],
      pred: [top("Paris", 0, 5)],
      expected: { tp: 0, fp: 1, fn: 0 },
    },
  ])("geo-metrics: $case", ({ gold, pred, expected }) => {
    const m = matchDocument(gold, pred);
    expect({ tp: m.tp, fp: m.fp, fn: m.fn }).toEqual(expected);
  });

  it.each([{ requireSurfaceMatch: false }])(
    "geo-metrics: position-only variant (EUPEG 1eb6da8 code)",
    (options) => {
      expect(matchDocument([top("Paris", 100, 110)], [top("Parisian", 100, 110)], options).tp).toBe(1);
    },
  );

  it.each([{ tp: 3, fp: 1, fn: 2, p: 0.75, r: 0.6 }])(
    "geo-metrics: P/R/F1 from counts",
    ({ tp, fp, fn, p, r }) => {
      const s = recognitionStats(tp, fp, fn);
      expect(s.precision).toBeCloseTo(p, 12);
      expect(s.recall).toBeCloseTo(r, 12);
      expect(s.f1).toBeCloseTo((2 * p * r) / (p + r), 12);
    },
  );
});

describe("geo-metrics: distances", () => {
  it.each([
    { a: [0, 0], b: [1, 0], km: (6371 * Math.PI) / 180 },
    { a: [0, 0], b: [0, 180], km: 6371 * Math.PI },
    { a: [51.5, -0.12], b: [51.5, -0.12], km: 0 },
  ])("geo-metrics: haversine R = 6371 km $a → $b", ({ a, b, km }) => {
    expect(haversineKm(a[0] as number, a[1] as number, b[0] as number, b[1] as number)).toBeCloseTo(km, 6);
  });

  it.each([
    // y = ln(e+1)/ln(20039) = [1, 2, 3] / L; trapezoid = (1+2)/2 + (2+3)/2 = 4 / L; ÷ (n − 1 = 2) = 2 / L.
    { errors: [Math.E ** 3 - 1, Math.E - 1, Math.E ** 2 - 1], auc: 2 / Math.log(20039) },
    // An error of 20,038 km gives y = ln(20039)/ln(20039) = 1. y = [0, 0, 1]: area 0.5, ÷ 2.
    { errors: [0, MAX_ERROR_KM - 1, 0], auc: 0.25 },
    { errors: [0, MAX_ERROR_KM - 1], auc: 0.5 },
  ])("geo-metrics: AUC by hand $errors", ({ errors, auc }) => {
    expect(aucOfErrors(errors)).toBeCloseTo(auc, 12);
  });

  it.each([{ errors: [5] }, { errors: [] }])(
    "geo-metrics: AUC undefined for n < 2 ($errors)",
    ({ errors }) => {
      expect(aucOfErrors(errors)).toBeNull();
    },
  );

  it.each([
    { errors: [1, 3, 2, 10], median: 2.5, mean: 4, acc: 1 },
    { errors: [160.9, 161, 5000], median: 161, mean: (160.9 + 161 + 5000) / 3, acc: 1 / 3 },
  ])("geo-metrics: median, mean, acc@161 (strictly below) of $errors", ({ errors, median, mean, acc }) => {
    const s = errorStats(errors);
    expect(s.medianKm).toBeCloseTo(median, 9);
    expect(s.meanKm).toBeCloseTo(mean, 9);
    expect(s.acc161).toBeCloseTo(acc, 12);
  });

  it.each([{ case: "unresolved gold toponym counts as 20,039 km" }])("geo-metrics: $case", () => {
    const s = scoreGoldResolution([
      { gold: top("Paris", 0, 5, 48.85, 2.35), lat: 48.85, lon: 2.35 },
      { gold: top("Lyon", 10, 14, 45.75, 4.85), lat: null, lon: null },
    ]);
    expect(s.unresolved).toBe(1);
    expect(s.meanKm).toBeCloseTo(MAX_ERROR_KM / 2, 6);
    expect(s.acc161).toBe(0.5);
  });
});

describe("geo-corpora: line format and XML", () => {
  it.each([
    {
      line: "Alexandria, LA,,Alexandria,,31.31,,-92.44,,0,,10||Turkey,,Turkey,,,,,,47,,53||x||",
      expected: [top("Alexandria", 0, 10, 31.31, -92.44), top("Turkey", 47, 53, null, null)],
    },
    { line: "Kenya,,Kenya,,null,,null,,1,,6,,17", expected: [top("Kenya", 1, 6, null, null)] },
  ])("geo-corpora: parseLine $line", ({ line, expected }) => {
    const parsed = parseLine(line).map((t) => ({ ...t, name: t.surface }));
    expect(parsed).toEqual(expected);
  });

  it.each([
    {
      xml: '<articles><article docid="7"><title>t</title><text><![CDATA[A & B in Paris]]></text><toponyms><toponym><start>9</start><end>14</end><phrase>Paris</phrase><gaztag geonameid="2988507"><name>Paris</name></gaztag></toponym></toponyms></article></articles>',
      id: "7",
      text: "A & B in Paris",
      geonameId: 2988507,
    },
    {
      xml: '<articles><article file="0"><text>Tom &amp; Jerry in Rome</text><toponyms><toponym><extractedName>Rome</extractedName><start>18</start><end>22</end><geonamesID>3169070</geonamesID></toponym></toponyms></article></articles>',
      id: "0",
      text: "Tom & Jerry in Rome",
      geonameId: 3169070,
    },
  ])(
    "geo-corpora: parseCorpusXml reads text (CDATA or entities) and ids ($id)",
    ({ xml, id, text, geonameId }) => {
      const [article] = parseCorpusXml(xml);
      expect(article?.id).toBe(id);
      expect(article?.text).toBe(text);
      expect([...(article?.geonameIds.values() ?? [])]).toEqual([geonameId]);
    },
  );

  it.each([{ surface: "Paris" }])(
    "geo-corpora: population baseline takes the first (most populous) candidate",
    ({ surface }) => {
      const resolve = populationBaseline({
        lookup: (name) =>
          name === "Paris"
            ? [
                { id: 1, lat: 48.85, lon: 2.35 },
                { id: 2, lat: 33.66, lon: -95.55 },
              ]
            : [],
      });
      expect(resolve(surface)).toEqual({ lat: 48.85, lon: 2.35, geonameId: 1 });
      expect(resolve("Nowhere")).toEqual({ lat: null, lon: null, geonameId: null });
    },
  );
});

/**
 * The scorer on the stored EUPEG peer outputs. `research` values are the GeoWebNews F1 / acc@161 that
 * ../shared/research/peers.md reports (2 decimals). Our scorer reproduces all five acc@161 values and the F1
 * of CamCoder, CLAVIN and StanfordNER; it gives Edinburgh 0.650 (report 0.66) and GeoTxt 0.591 (report
 * 0.72), with neither the surface-equal nor the position-only rule reproducing those two, so they are not
 * asserted. The integer counts below are regression values pinned from this scorer (not published numbers).
 */
describe.skipIf(!geoCorporaAvailable())("geo-metrics: EUPEG peer outputs", () => {
  const loaded = new Map<GeoCorpusName, GeoCorpus>();
  const corpusOf = (name: GeoCorpusName): GeoCorpus => {
    const c = loaded.get(name) ?? loadGeoCorpus(name);
    loaded.set(name, c);
    return c;
  };
  const score = (corpus: GeoCorpusName, system: string) => {
    const c = corpusOf(corpus);
    const outputs = loadEupegOutputs(corpus).get(system);
    if (!outputs) throw new Error(`no ${corpus}_${system}.txt`);
    return scoreEndToEnd(
      c.documents.map((d) => d.gold),
      outputs,
    );
  };

  it.each([
    { system: "CamCoder", f1: 0.69, acc161: 0.84 },
    { system: "CLAVIN", f1: 0.55, acc161: 0.94 },
    { system: "StanfordNER", f1: 0.74, acc161: 0.7 },
    { system: "Edinburgh", f1: null, acc161: 0.92 },
    { system: "GeoTxt", f1: null, acc161: 0.9 },
  ])("geo-metrics: GeoWebNews $system matches the research report", ({ system, f1, acc161 }) => {
    const s = score("GeoWebNews", system);
    if (f1 !== null) expect(Number(s.f1?.toFixed(2))).toBe(f1);
    expect(Number(s.acc161?.toFixed(2))).toBe(acc161);
  });

  it.each([
    { corpus: "GeoWebNews", system: "CamCoder", tp: 1350, fp: 158, fn: 1051, auc: 0.1498 },
    { corpus: "LGL", system: "Edinburgh", tp: 1710, fp: 656, fn: 2752, auc: 0.1723 },
    { corpus: "TR-News", system: "StanfordNER", tp: 932, fp: 115, fn: 343, auc: 0.2611 },
    { corpus: "GeoVirus", system: "CamCoder", tp: 1738, fp: 111, fn: 429, auc: 0.3365 },
  ] as const)("geo-metrics: regression $corpus $system", ({ corpus, system, tp, fp, fn, auc }) => {
    const s = score(corpus, system);
    expect({ tp: s.tp, fp: s.fp, fn: s.fn }).toEqual({ tp, fp, fn });
    expect(s.auc).toBeCloseTo(auc, 3);
  });

  it.each([
    { corpus: "GeoWebNews", mismatches: 2 },
    { corpus: "LGL", mismatches: 0 },
    { corpus: "TR-News", mismatches: 2 },
    { corpus: "GeoVirus", mismatches: 0 },
  ] as const)(
    "geo-corpora: $corpus gold offsets slice the text ($mismatches unusable)",
    ({ corpus, mismatches }) => {
      const c = loadGeoCorpus(corpus);
      expect(c.check.articles).toBe(c.check.goldLines);
      expect(c.check.mismatches).toHaveLength(mismatches);
      for (const d of c.documents)
        for (const g of d.gold)
          if (g.jsStart !== null) expect(d.text.slice(g.jsStart, g.jsEnd ?? 0)).toBe(g.surface);
    },
  );
});
