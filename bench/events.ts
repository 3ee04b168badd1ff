/**
 * `npm run bench:events` — event typing, event fields and attribution on the shared test sets (issue #4).
 *
 * Prints one table, one section per data set, one row per metric, one column per system:
 * - CASE 2021 Task 2 (../shared/data/events/case2021-task2): sub-event type on subtask 1 (micro, macro and
 *   weighted F1, per label), the ACLED event type, and subtasks 2 and 3 (TASK2_description.txt filtering);
 * - ACLED rows (../shared/data/events/acled-acledR-sample): from each `notes` text, event type, sub-event
 *   type, actor1/actor2 (alias match), location, admin1, fatalities (exact, MAE), date, time and geo
 *   precision: accuracy per field;
 * - attribution: CASE's ATTRIB rows (claims of responsibility) and UDS-IH2 factuality
 *   (../shared/data/attribution: happened vs not, Pearson r with the gold score);
 * - speed: median ms per 600-word article after load.
 * Systems: sitrep's classifier (`classifyEventText`), sitrep's pipeline (`analyze` → Doc.layers.events),
 * sitrep's factuality (`assessFactuality`), and, run in the same process, the keyword baseline, the
 * majority class and "nothing" (no event / empty fields). Metrics: bench/lib/events-metrics.ts.
 * Writes bench/out/events.json. Exits 0 with a message when ../shared is absent.
 *
 * Options: --acled-limit N (first N ACLED rows; default all), --uds-split test|dev (default test),
 * --no-speed, --runs N (timing rounds). SITREP_CLASSIFY_MODULE / SITREP_ANALYZE_MODULE /
 * SITREP_FACTUALITY_MODULE bench another module with the same export instead of src/.
 * Floors: bench/floors.json key "events" (`{corpusSha256, floors: {rowId: value}}`, sitrep column), pinned by
 * the lead with the corpus hash and never lowered silently; this script only reads them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  classifyByKeywords,
  type KeywordRule,
  loadKeywordRules,
  majorityLabel,
} from "./lib/events-baselines.js";
import {
  type AcledEvent,
  ATTRIBUTION_DATA_DIR,
  type CaseLabel,
  type CaseRow,
  type CaseSubtask,
  caseSubtaskLabels,
  caseSubtaskRows,
  EVENTS_DATA_DIR,
  eventsCorpusSha256,
  eventsDataAvailable,
  loadAcledCategories,
  loadAcledEvents,
  loadCaseLabelMap,
  loadCaseRows,
  loadUds,
  predictionToCaseCode,
  type UdsItem,
  type UdsSplit,
  udsPredicateSpan,
} from "./lib/events-data.js";
import {
  accuracy,
  actorsMatch,
  actorsMatchLoose,
  binaryScore,
  type ClassificationReport,
  classificationReport,
  meanAbsoluteError,
  median,
  namesMatch,
  pearson,
} from "./lib/events-metrics.js";
import { loadAllFloors } from "./lib/floors.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_FILE = join(REPO_ROOT, "bench", "out", "events.json");

/** The target and the best published score (CASE 2021 Task 2 subtask 1, weighted F1; SOURCE.md). */
const TARGET_S1_WEIGHTED_F1 = 0.75;
const BEST_PUBLISHED_S1_WEIGHTED_F1 = 0.839;
/** Words per article in the speed test (the "one 600-word article"). */
const SPEED_WORDS = 600;
/** Articles timed. */
const SPEED_ARTICLES = 30;
/** Untimed passes first, so the JIT and caches are warm. */
const WARMUP_PASSES = 2;
const DEFAULT_TIMING_RUNS = 3;

// ---------------------------------------------------------------------------------------------------------
// sitrep, loaded lazily: src/events/classify.ts, src/claims/factuality.ts and Doc.layers.events may not
// exist yet.
// ---------------------------------------------------------------------------------------------------------

interface Typed {
  eventType: string;
  subEventType: string;
}
type ClassifyEventText = (text: string) => (Typed & { confidence?: number }) | null;
type AssessFactuality = (
  sentence: string,
  predicate: { start: number; end: number },
) => { certainty: string; happened: boolean; score: number };
/** The part of a Doc this bench reads; everything is checked at run time. */
interface DocLike {
  layers: { events?: unknown; claims?: unknown; actors?: unknown; places?: unknown };
}
type Analyze = (input: {
  name: string;
  format: "text";
  content: string;
  hints?: { published?: string };
}) => DocLike;

type Loaded<T> = { ok: true; fn: T; loadMs: number; from: string } | { ok: false; reason: string };

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

/** Import `exportName` from an env-named module or from `defaultPath` (relative to the repo root). */
async function loadExport<T>(envVar: string, defaultPath: string, exportName: string): Promise<Loaded<T>> {
  const override = process.env[envVar];
  const from = override ?? defaultPath;
  const url = override
    ? override.startsWith("file:")
      ? override
      : pathToFileURL(resolve(override)).href
    : pathToFileURL(join(REPO_ROOT, defaultPath)).href;
  const started = performance.now();
  try {
    const mod = (await import(url)) as Record<string, unknown>;
    const fn = mod[exportName];
    if (typeof fn !== "function") return { ok: false, reason: `${from} does not export ${exportName} yet` };
    return { ok: true, fn: fn as T, loadMs: performance.now() - started, from };
  } catch (error) {
    return { ok: false, reason: `${from}: ${firstLine(error)}` };
  }
}

interface Sitrep {
  classify: Loaded<ClassifyEventText>;
  analyze: Loaded<Analyze>;
  factuality: Loaded<AssessFactuality>;
}

async function loadSitrep(): Promise<Sitrep> {
  const classify = await loadExport<ClassifyEventText>(
    "SITREP_CLASSIFY_MODULE",
    "src/events/classify.ts",
    "classifyEventText",
  );
  let analyze = await loadExport<Analyze>("SITREP_ANALYZE_MODULE", "src/analyze/index.ts", "analyze");
  // analyze exists before the events stage does: it only counts once its Doc has an events layer.
  if (analyze.ok) {
    const from = analyze.from;
    try {
      const doc = analyze.fn({
        name: "probe",
        format: "text",
        content: "On 3 March 2022, police arrested two protesters in Nairobi.",
        hints: { published: "2022-03-03" },
      });
      if (!Array.isArray(doc.layers.events))
        analyze = { ok: false, reason: `${from}: Doc.layers.events not available yet` };
    } catch (error) {
      analyze = { ok: false, reason: `${from}: threw on a probe text (${firstLine(error)})` };
    }
  }
  const factuality = await loadExport<AssessFactuality>(
    "SITREP_FACTUALITY_MODULE",
    "src/claims/factuality.ts",
    "assessFactuality",
  );
  return { classify, analyze, factuality };
}

// ---------------------------------------------------------------------------------------------------------
// Reading a sitrep event (shape checked at run time: the events layer is written by another stage)
// ---------------------------------------------------------------------------------------------------------

/** The fields of one event this bench scores; undefined = the system does not produce that field. */
interface EventFields {
  typed?: Typed | null;
  actor1?: string | null;
  actor2?: string | null;
  location?: string | null;
  admin1?: string | null;
  fatalities?: number | null;
  date?: string | null;
  /** ACLED time_precision: 1 day, 2 week, 3 month (other precisions: 0). */
  timePrecision?: number | null;
  /** ACLED geo_precision: 1 town, 2 near a town, 3 wider region. */
  geoPrecision?: number | null;
  /** Attribution found (source or cue of a claim). */
  attributed?: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const asString = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

function actorName(v: unknown): string | null {
  if (typeof v === "string") return asString(v);
  if (!isRecord(v)) return null;
  return asString(v.canonical) ?? asString(v.name) ?? asString(v.text);
}

const TIME_PRECISION: Readonly<Record<string, number>> = { day: 1, week: 2, month: 3 };
const GEO_PRECISION: Readonly<Record<string, number>> = { town: 1, exact: 1, near: 2, region: 3 };

function precisionCode(v: unknown, names: Readonly<Record<string, number>>): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") return names[v.toLowerCase()] ?? 0;
  return null;
}

/** An event's actor and place fields hold ids into the Doc's actor and place layers: look them up. */
function byId(list: unknown, id: unknown): Record<string, unknown> | null {
  if (!Array.isArray(list) || typeof id !== "string") return null;
  const found = list.find((x) => isRecord(x) && x.id === id);
  return isRecord(found) ? found : null;
}

function eventFields(event: unknown, doc?: DocLike): EventFields {
  if (!isRecord(event)) return { typed: null };
  if (doc) {
    const place = isRecord(event.location) ? byId(doc.layers.places, event.location.place) : null;
    event = {
      ...event,
      actor1: byId(doc.layers.actors, event.actor1) ?? event.actor1,
      actor2: byId(doc.layers.actors, event.actor2) ?? event.actor2,
      location:
        place && isRecord(event.location)
          ? {
              ...event.location,
              name: place.resolvedName ?? place.name,
              admin1: place.featureType === "admin1" ? place.resolvedName : place.admin1,
            }
          : event.location,
    };
    if (!isRecord(event)) return { typed: null };
  }
  const eventType = asString(event.eventType);
  const subEventType = asString(event.subEventType);
  const location = isRecord(event.location) ? event.location : {};
  const date = isRecord(event.date) ? event.date : {};
  const attribution = isRecord(event.attribution) ? event.attribution : null;
  return {
    typed: eventType && subEventType ? { eventType, subEventType } : null,
    actor1: actorName(event.actor1),
    actor2: actorName(event.actor2),
    location: asString(location.name),
    admin1: asString(location.admin1),
    fatalities: typeof event.fatalities === "number" ? event.fatalities : null,
    date: asString(date.start)?.slice(0, 10) ?? null,
    timePrecision: precisionCode(date.precision, TIME_PRECISION),
    geoPrecision: precisionCode(location.geoPrecision, GEO_PRECISION),
    attributed: attribution !== null && (asString(attribution.source) ?? asString(attribution.cue)) !== null,
  };
}

const EMPTY_EVENT: EventFields = {
  typed: null,
  actor1: null,
  actor2: null,
  location: null,
  admin1: null,
  fatalities: null,
  date: null,
  timePrecision: null,
  geoPrecision: null,
  attributed: false,
};

interface AnalyzedText {
  /** The first event in the events layer (text order), or EMPTY_EVENT. */
  first: EventFields;
  events: number;
  /** Any event or claim with an attribution. */
  attributed: boolean;
}

function runAnalyze(analyze: Analyze, name: string, text: string, published?: string): AnalyzedText {
  const doc = analyze({
    name,
    format: "text",
    content: text,
    ...(published ? { hints: { published } } : {}),
  });
  const events = Array.isArray(doc.layers.events) ? (doc.layers.events as unknown[]) : [];
  const claims = Array.isArray(doc.layers.claims) ? (doc.layers.claims as unknown[]) : [];
  const fields = events.map((e) => eventFields(e, doc));
  const claimAttributed = claims.some(
    (c) => isRecord(c) && (actorName(c.source) !== null || asString(c.cue) !== null),
  );
  return {
    first: fields[0] ?? EMPTY_EVENT,
    events: events.length,
    attributed: claimAttributed || fields.some((f) => f.attributed === true),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Systems and the table
// ---------------------------------------------------------------------------------------------------------

const SYSTEMS = ["sitrep", "sitrep analyze", "keyword", "majority", "nothing"] as const;
type SystemName = (typeof SYSTEMS)[number];

interface Row {
  /** Stable id for floors and the JSON (e.g. "case.s1.weightedF1"). */
  id: string;
  section: string;
  metric: string;
  n: number | null;
  values: Partial<Record<SystemName, number | null>>;
  /** Per-system note instead of a value ("skipped: …"). */
  notes?: Partial<Record<SystemName, string>>;
  digits?: number;
  lowerIsBetter?: boolean;
}

interface RunStats {
  errors: number;
  firstError?: string;
  ms: number[];
}

const newStats = (): RunStats => ({ errors: 0, ms: [] });

/** Call `fn` on every item, timing each call; a throw counts as an error and yields `fallback`. */
function runTimed<I, O>(items: readonly I[], fn: (item: I) => O, fallback: O, stats: RunStats): O[] {
  return items.map((item) => {
    const started = performance.now();
    try {
      return fn(item);
    } catch (error) {
      stats.errors++;
      stats.firstError ??= firstLine(error);
      return fallback;
    } finally {
      stats.ms.push(performance.now() - started);
    }
  });
}

const meanOf = (xs: readonly number[]): number | null =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;

/**
 * Notes for the sitrep columns that have no numbers: the function is not loaded, or it threw on every item
 * (scoring that as "no event" would hide the failure; the errors row and the messages say why).
 */
function sitrepNotes(
  sitrep: Sitrep,
  stats: Record<SystemName, RunStats>,
  n: number,
): Partial<Record<SystemName, string>> {
  const notes: Partial<Record<SystemName, string>> = {};
  for (const [system, loaded] of [
    ["sitrep", sitrep.classify],
    ["sitrep analyze", sitrep.analyze],
  ] as const) {
    if (!loaded.ok) notes[system] = "not available yet";
    else if (n > 0 && stats[system].errors === n) notes[system] = THREW_ON_ALL;
  }
  return notes;
}

const THREW_ON_ALL = "threw on every item";

const newSystemStats = (): Record<SystemName, RunStats> => ({
  sitrep: newStats(),
  "sitrep analyze": newStats(),
  keyword: newStats(),
  majority: newStats(),
  nothing: newStats(),
});

interface Section {
  rows: Row[];
  json: Record<string, unknown>;
  messages: string[];
}

// ---------------------------------------------------------------------------------------------------------
// CASE 2021 Task 2
// ---------------------------------------------------------------------------------------------------------

function caseSection(sitrep: Sitrep, rules: readonly KeywordRule[]): Section {
  const labels = loadCaseLabelMap();
  const rows = loadCaseRows();
  const messages: string[] = [];
  // The label map's counts are checked against the TSV, so a changed file is noticed.
  const known = new Set(labels.map((l) => l.code));
  const unknown = rows.filter((r) => !known.has(r.code));
  if (unknown.length) messages.push(`CASE: ${unknown.length} rows with codes not in the label map`);
  for (const l of labels) {
    const n = rows.filter((r) => r.code === l.code).length;
    if (n !== l.nTest) messages.push(`CASE: ${l.code} has ${n} rows, label map says ${l.nTest}`);
  }

  // Predict once on all 1,019 rows; each subtask then scores its own rows.
  const stats = newSystemStats();
  const predictions: Partial<Record<SystemName, (string | null)[]>> = {};
  let analyzed: AnalyzedText[] | null = null;
  if (sitrep.analyze.ok) {
    const analyze = sitrep.analyze.fn;
    analyzed = runTimed(
      rows,
      (r) => runAnalyze(analyze, `case-${r.id}`, r.text),
      { first: EMPTY_EVENT, events: 0, attributed: false },
      stats["sitrep analyze"],
    );
  }
  if (sitrep.classify.ok) {
    const classify = sitrep.classify.fn;
    predictions.sitrep = runTimed(
      rows,
      (r) => predictionToCaseCode(classify(r.text), labels),
      null,
      stats.sitrep,
    );
  }
  if (analyzed)
    predictions["sitrep analyze"] = analyzed.map((a) => predictionToCaseCode(a.first.typed ?? null, labels));
  predictions.keyword = runTimed(
    rows,
    (r) => predictionToCaseCode(classifyByKeywords(r.text, rules), labels),
    null,
    stats.keyword,
  );
  predictions.nothing = rows.map(() => null);
  const notes = sitrepNotes(sitrep, stats, rows.length);
  if (notes.sitrep === THREW_ON_ALL) delete predictions.sitrep;
  if (notes["sitrep analyze"] === THREW_ON_ALL) {
    delete predictions["sitrep analyze"];
    analyzed = null;
  }

  const out: Row[] = [];
  const json: Record<string, unknown> = { rows: rows.length };
  const skipNotes = (): Partial<Record<SystemName, string>> => notes;

  for (const subtask of [1, 2, 3] as CaseSubtask[]) {
    const subset = new Set(caseSubtaskRows(rows, labels, subtask).map((r) => r.id));
    const index = rows.flatMap((r, i) => (subset.has(r.id) ? [i] : []));
    const gold = index.map((i) => (rows[i] as CaseRow).code);
    const labelSet = caseSubtaskLabels(labels, subtask).map((l) => l.code);
    const majority = majorityLabel(gold);
    const reports: Partial<Record<SystemName, ClassificationReport>> = {
      majority: classificationReport(
        gold,
        gold.map(() => majority),
        labelSet,
      ),
    };
    for (const system of SYSTEMS) {
      const p = predictions[system];
      if (p)
        reports[system] = classificationReport(
          gold,
          index.map((i) => p[i] ?? null),
          labelSet,
        );
    }
    json[`subtask${subtask}`] = { n: gold.length, labels: labelSet.length, majorityLabel: majority, reports };
    const metricRow = (
      id: string,
      metric: string,
      pick: (r: ClassificationReport) => number,
      digits = 3,
    ): Row => ({
      id: `case.s${subtask}.${id}`,
      section: "CASE 2021 Task 2",
      metric: `S${subtask} ${metric}`,
      n: gold.length,
      values: Object.fromEntries(
        SYSTEMS.map((s) => [s, reports[s] ? pick(reports[s] as ClassificationReport) : null]),
      ),
      notes: skipNotes(),
      digits,
    });
    if (subtask === 1) {
      out.push(
        metricRow("microF1", "micro F1", (r) => r.micro.f1),
        metricRow("macroF1", "macro F1", (r) => r.macro.f1),
        metricRow("weightedF1", "weighted F1", (r) => r.weighted.f1),
        metricRow("microP", "micro P", (r) => r.micro.precision),
        metricRow("microR", "micro R", (r) => r.micro.recall),
        metricRow("weightedP", "weighted P", (r) => r.weighted.precision),
        metricRow("weightedR", "weighted R", (r) => r.weighted.recall),
        metricRow("accuracy", "accuracy", (r) => r.accuracy),
        metricRow("noEvent", "share predicted no event", (r) => r.none / r.n),
        metricRow("outside", "share predicted outside the 25", (r) => r.outside / r.n),
      );
      for (const code of labelSet) {
        const support = gold.filter((g) => g === code).length;
        out.push(
          metricRow(
            `f1.${code}`,
            `F1 ${code} (${support})`,
            (r) => r.perLabel.find((l) => l.label === code)?.f1 ?? 0,
          ),
        );
      }
      // Coarse: the ACLED event type (6) the predicted sub-event type belongs to.
      const typeOf = new Map(labels.map((l) => [l.code, l.eventType]));
      const goldTypes = gold.map((g) => typeOf.get(g) as string);
      const typeReports: Partial<Record<SystemName, ClassificationReport>> = {};
      for (const system of SYSTEMS) {
        const r = reports[system];
        if (!r) continue;
        const predictedCodes =
          system === "majority"
            ? gold.map(() => majority)
            : index.map((i) => predictions[system]?.[i] ?? null);
        const typeLabels = [...new Set(goldTypes)].sort();
        typeReports[system] = classificationReport(
          goldTypes,
          predictedCodes.map((c) => (c ? (typeOf.get(c) ?? null) : null)),
          typeLabels,
        );
      }
      json.subtask1EventType = typeReports;
      out.push({
        id: "case.s1.eventType.weightedF1",
        section: "CASE 2021 Task 2",
        metric: "S1 event type (6) weighted F1",
        n: gold.length,
        values: Object.fromEntries(SYSTEMS.map((s) => [s, typeReports[s]?.weighted.f1 ?? null])),
        notes: skipNotes(),
      });
    } else {
      out.push(
        metricRow("macroF1", "macro F1", (r) => r.macro.f1),
        metricRow("weightedF1", "weighted F1", (r) => r.weighted.f1),
      );
    }
  }

  out.push(timingRow("case", "CASE 2021 Task 2", "ms per snippet (mean)", rows.length, stats));
  out.push(errorRow("case", "CASE 2021 Task 2", rows.length, stats));

  // ATTRIB: claims of responsibility (subtask 3's "Attribution of responsibility").
  const attrib = rows.flatMap((r, i) => (r.code === "ATTRIB" ? [i] : []));
  const others = rows.flatMap((r, i) => (r.code !== "ATTRIB" ? [i] : []));
  const share = (system: SystemName, idx: readonly number[]): number | null => {
    const p = predictions[system];
    return p ? idx.filter((i) => p[i] === "ATTRIB").length / idx.length : null;
  };
  out.push(
    {
      id: "attrib.typedClaim",
      section: "Attribution",
      metric: "CASE ATTRIB typed Claim of responsibility",
      n: attrib.length,
      values: Object.fromEntries(SYSTEMS.filter((s) => s !== "majority").map((s) => [s, share(s, attrib)])),
      notes: skipNotes(),
    },
    {
      id: "attrib.falseClaim",
      section: "Attribution",
      metric: "CASE non-ATTRIB typed Claim of responsibility",
      n: others.length,
      values: Object.fromEntries(SYSTEMS.filter((s) => s !== "majority").map((s) => [s, share(s, others)])),
      notes: skipNotes(),
      lowerIsBetter: true,
    },
    {
      id: "attrib.found",
      section: "Attribution",
      metric: "CASE ATTRIB attribution found",
      n: attrib.length,
      values: {
        "sitrep analyze": analyzed
          ? attrib.filter((i) => (analyzed[i] as AnalyzedText).attributed).length / attrib.length
          : null,
        nothing: 0,
      },
      notes: notes["sitrep analyze"] ? { "sitrep analyze": notes["sitrep analyze"] } : {},
    },
  );
  for (const [system, s] of Object.entries(stats))
    if (s.errors) messages.push(`CASE ${system}: ${s.errors} snippets threw, first: ${s.firstError}`);
  json.errors = Object.fromEntries(Object.entries(stats).map(([k, s]) => [k, s.errors]));
  return { rows: out, json, messages };
}

function timingRow(
  prefix: string,
  section: string,
  metric: string,
  n: number,
  stats: Record<SystemName, RunStats>,
): Row {
  return {
    id: `${prefix}.msPerItem`,
    section,
    metric,
    n,
    values: Object.fromEntries(SYSTEMS.map((s) => [s, meanOf(stats[s].ms)])),
    digits: 3,
    lowerIsBetter: true,
  };
}

function errorRow(prefix: string, section: string, n: number, stats: Record<SystemName, RunStats>): Row {
  return {
    id: `${prefix}.errors`,
    section,
    metric: "items that threw",
    n,
    values: Object.fromEntries(SYSTEMS.map((s) => [s, stats[s].ms.length ? stats[s].errors : null])),
    digits: 0,
    lowerIsBetter: true,
  };
}

// ---------------------------------------------------------------------------------------------------------
// ACLED notes → fields
// ---------------------------------------------------------------------------------------------------------

interface AcledField {
  id: string;
  metric: string;
  score: (gold: AcledEvent[], predicted: EventFields[]) => number | null;
  /** Which EventFields key the field needs (a system without it gets "–"). */
  needs: keyof EventFields;
  digits?: number;
  lowerIsBetter?: boolean;
}

/** Fatalities a system did not give count as 0 (ACLED codes 0 when no number is reported). */
const fatalitiesOf = (p: EventFields): number => p.fatalities ?? 0;

const ACLED_FIELDS: readonly AcledField[] = [
  {
    id: "eventType",
    metric: "event type accuracy",
    needs: "typed",
    score: (g, p) => accuracy(g.map((e, i) => p[i]?.typed?.eventType === e.eventType)),
  },
  {
    id: "subEventType",
    metric: "sub-event type accuracy",
    needs: "typed",
    score: (g, p) => accuracy(g.map((e, i) => p[i]?.typed?.subEventType === e.subEventType)),
  },
  {
    id: "subEventType.macroF1",
    metric: "sub-event type macro F1",
    needs: "typed",
    score: (g, p) =>
      classificationReport(
        g.map((e) => e.subEventType),
        p.map((x) => x.typed?.subEventType ?? null),
        [...new Set(g.map((e) => e.subEventType))].sort(),
      ).macro.f1,
  },
  {
    id: "actor1",
    metric: "actor1 (alias match)",
    needs: "actor1",
    score: (g, p) => accuracy(g.map((e, i) => actorsMatch(e.actor1, p[i]?.actor1))),
  },
  {
    id: "actor2",
    metric: "actor2 (alias match; both empty = hit)",
    needs: "actor2",
    score: (g, p) => accuracy(g.map((e, i) => actorsMatch(e.actor2, p[i]?.actor2))),
  },
  {
    id: "location",
    metric: "location",
    needs: "location",
    score: (g, p) => accuracy(g.map((e, i) => namesMatch(e.location, p[i]?.location))),
  },
  {
    id: "admin1",
    metric: "admin1",
    needs: "admin1",
    score: (g, p) => accuracy(g.map((e, i) => namesMatch(e.admin1, p[i]?.admin1))),
  },
  {
    id: "fatalities.exact",
    metric: "fatalities exact",
    needs: "fatalities",
    score: (g, p) => accuracy(g.map((e, i) => fatalitiesOf(p[i] as EventFields) === e.fatalities)),
  },
  {
    id: "fatalities.mae",
    metric: "fatalities mean abs. error",
    needs: "fatalities",
    digits: 2,
    lowerIsBetter: true,
    score: (g, p) =>
      meanAbsoluteError(
        g.map((e) => e.fatalities),
        p.map(fatalitiesOf),
      ),
  },
  {
    id: "date",
    metric: "event date (start = event_date)",
    needs: "date",
    score: (g, p) => accuracy(g.map((e, i) => p[i]?.date === e.eventDate)),
  },
  {
    id: "timePrecision",
    metric: "time precision (1/2/3 = day/week/month)",
    needs: "timePrecision",
    score: (g, p) => accuracy(g.map((e, i) => p[i]?.timePrecision === e.timePrecision)),
  },
  {
    id: "geoPrecision",
    metric: "geo precision (1/2/3)",
    needs: "geoPrecision",
    score: (g, p) => accuracy(g.map((e, i) => p[i]?.geoPrecision === e.geoPrecision)),
  },
];

/** Most frequent gold value of each field (null counted as a value): the majority row. */
function majorityFields(gold: readonly AcledEvent[], subToType: ReadonlyMap<string, string>): EventFields {
  const top = <T>(values: readonly T[]): T => {
    const counts = new Map<T, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as T;
  };
  const sub = majorityLabel(gold.map((e) => e.subEventType));
  return {
    typed: { eventType: subToType.get(sub) ?? "", subEventType: sub },
    actor1: top(gold.map((e) => e.actor1)),
    actor2: top(gold.map((e) => e.actor2)),
    location: top(gold.map((e) => e.location)),
    admin1: top(gold.map((e) => e.admin1)),
    fatalities: top(gold.map((e) => e.fatalities)),
    date: top(gold.map((e) => e.eventDate)),
    timePrecision: top(gold.map((e) => e.timePrecision)),
    geoPrecision: top(gold.map((e) => e.geoPrecision)),
  };
}

function acledSection(
  sitrep: Sitrep,
  rules: readonly KeywordRule[],
  subToType: ReadonlyMap<string, string>,
  limit: number | null,
): Section {
  const all = loadAcledEvents();
  const gold = limit === null ? all : all.slice(0, limit);
  const messages: string[] = [];
  const stats = newSystemStats();
  const predictions: Partial<Record<SystemName, EventFields[]>> = {};
  if (sitrep.classify.ok) {
    const classify = sitrep.classify.fn;
    predictions.sitrep = runTimed(gold, (e) => ({ typed: classify(e.notes) }), { typed: null }, stats.sitrep);
  }
  let multiEvent = 0;
  let noEvent = 0;
  if (sitrep.analyze.ok) {
    const analyze = sitrep.analyze.fn;
    const analyzed = runTimed(
      gold,
      (e) => runAnalyze(analyze, e.id, e.notes, e.eventDate),
      { first: EMPTY_EVENT, events: 0, attributed: false },
      stats["sitrep analyze"],
    );
    multiEvent = analyzed.filter((a) => a.events > 1).length;
    noEvent = analyzed.filter((a) => a.events === 0).length;
    predictions["sitrep analyze"] = analyzed.map((a) => ({ ...EMPTY_EVENT, ...a.first }));
  }
  predictions.keyword = runTimed(
    gold,
    (e) => ({ typed: classifyByKeywords(e.notes, rules) }),
    { typed: null },
    stats.keyword,
  );
  const majority = majorityFields(gold, subToType);
  predictions.majority = gold.map(() => majority);
  predictions.nothing = gold.map(() => EMPTY_EVENT);
  const notes = sitrepNotes(sitrep, stats, gold.length);
  if (notes.sitrep === THREW_ON_ALL) delete predictions.sitrep;
  if (notes["sitrep analyze"] === THREW_ON_ALL) delete predictions["sitrep analyze"];

  const rows: Row[] = ACLED_FIELDS.map((field) => ({
    id: `acled.${field.id}`,
    section: "ACLED notes",
    metric: field.metric,
    n: gold.length,
    values: Object.fromEntries(
      SYSTEMS.map((s) => {
        const p = predictions[s];
        return [s, p && p[0] !== undefined && field.needs in p[0] ? field.score(gold, p) : null];
      }),
    ),
    // The classifier gives only the type: its other cells are "not applicable", whatever happened.
    notes: field.needs === "typed" || notes.sitrep === undefined ? notes : { ...notes, sitrep: undefined },
    ...(field.digits !== undefined ? { digits: field.digits } : {}),
    ...(field.lowerIsBetter ? { lowerIsBetter: true } : {}),
  }));
  rows.push(timingRow("acled", "ACLED notes", "ms per note (mean)", gold.length, stats));
  rows.push(errorRow("acled", "ACLED notes", gold.length, stats));
  for (const [system, s] of Object.entries(stats))
    if (s.errors) messages.push(`ACLED ${system}: ${s.errors} notes threw, first: ${s.firstError}`);
  if (predictions["sitrep analyze"])
    messages.push(
      `ACLED sitrep analyze: ${noEvent} notes gave no event, ${multiEvent} more than one (the first, in text order, is scored)`,
    );
  const loose = predictions["sitrep analyze"];
  return {
    rows,
    messages,
    json: {
      n: gold.length,
      of: all.length,
      majority,
      ...(loose
        ? {
            sitrepAnalyzeLooseActor1: accuracy(
              gold.map((e, i) => actorsMatchLoose(e.actor1, loose[i]?.actor1)),
            ),
            sitrepAnalyzeLooseActor2: accuracy(
              gold.map((e, i) => actorsMatchLoose(e.actor2, loose[i]?.actor2)),
            ),
            noEvent,
            multiEvent,
          }
        : {}),
      errors: Object.fromEntries(Object.entries(stats).map(([k, s]) => [k, s.errors])),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// UDS-IH2 factuality
// ---------------------------------------------------------------------------------------------------------

function udsSection(sitrep: Sitrep, split: UdsSplit): Section {
  const items = loadUds(split);
  const messages: string[] = [];
  const spans = items.map(udsPredicateSpan);
  const usable = items.flatMap((item, i) => {
    const span = spans[i];
    return span ? [{ item, span }] : [];
  });
  if (usable.length < items.length)
    messages.push(
      `UDS ${split}: ${items.length - usable.length} predicates whose span could not be rebuilt (not scored)`,
    );
  const gold = usable.map((u) => u.item.score > 0);
  const goldScores = usable.map((u) => u.item.score);
  const majorityHappened = gold.filter(Boolean).length * 2 >= gold.length;
  const predicted: Partial<Record<SystemName, { happened: boolean; score: number | null }[]>> = {
    majority: gold.map(() => ({ happened: majorityHappened, score: null })),
    nothing: gold.map(() => ({ happened: false, score: null })),
  };
  const stats = newStats();
  if (sitrep.factuality.ok) {
    const assess = sitrep.factuality.fn;
    predicted.sitrep = runTimed(
      usable,
      ({ item, span }: { item: UdsItem; span: { start: number; end: number } }) => {
        const r = assess(item.text, span);
        return { happened: r.happened, score: Number.isFinite(r.score) ? r.score : null };
      },
      { happened: true, score: null },
      stats,
    );
    if (stats.errors) messages.push(`UDS sitrep: ${stats.errors} items threw, first: ${stats.firstError}`);
    if (usable.length > 0 && stats.errors === usable.length) delete predicted.sitrep;
  }
  const section = `UDS-IH2 factuality (${split})`;
  const scores = Object.fromEntries(
    Object.entries(predicted).map(([system, p]) => [
      system,
      binaryScore(
        gold,
        p.map((x) => x.happened),
      ),
    ]),
  ) as Partial<Record<SystemName, ReturnType<typeof binaryScore>>>;
  const notes: Partial<Record<SystemName, string>> = !sitrep.factuality.ok
    ? { sitrep: "not available yet" }
    : predicted.sitrep
      ? {}
      : { sitrep: THREW_ON_ALL };
  const metricRow = (
    id: string,
    metric: string,
    pick: (s: ReturnType<typeof binaryScore>) => number,
  ): Row => ({
    id: `uds.${id}`,
    section,
    metric,
    n: gold.length,
    values: Object.fromEntries(SYSTEMS.map((s) => [s, scores[s] ? pick(scores[s]) : null])),
    notes,
  });
  const sitrepPairs = (predicted.sitrep ?? []).flatMap((p, i) =>
    p.score === null ? [] : [[p.score, goldScores[i] as number] as const],
  );
  const r = predicted.sitrep
    ? pearson(
        sitrepPairs.map((p) => p[0]),
        sitrepPairs.map((p) => p[1]),
      )
    : null;
  const rows: Row[] = [
    metricRow("accuracy", "happened vs not: accuracy", (s) => s.accuracy),
    metricRow("f1", "F1 of happened", (s) => s.f1),
    metricRow("precision", "P of happened", (s) => s.precision),
    metricRow("recall", "R of happened", (s) => s.recall),
    {
      id: "uds.pearson",
      section,
      metric: "Pearson r, score vs gold",
      n: sitrepPairs.length || gold.length,
      values: { sitrep: r },
      notes,
    },
    {
      id: "uds.msPerItem",
      section,
      metric: "ms per sentence (mean)",
      n: gold.length,
      values: { sitrep: predicted.sitrep ? meanOf(stats.ms) : null },
      digits: 3,
      lowerIsBetter: true,
      notes,
    },
  ];
  return {
    rows,
    messages,
    json: {
      split,
      n: items.length,
      scored: usable.length,
      positives: gold.filter(Boolean).length,
      scores,
      pearson: r,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Speed: events for one 600-word article
// ---------------------------------------------------------------------------------------------------------

const WORD = /\S+/g;

/** The text cut after its `words`-th word, or null when shorter. */
function firstWords(text: string, words: number): string | null {
  let count = 0;
  for (const m of text.matchAll(WORD))
    if (++count === words) return text.slice(0, (m.index ?? 0) + m[0].length);
  return null;
}

/**
 * Timing articles: real news articles from the geoparsing corpora when they are there, else CASE snippets
 * joined into 600-word texts (one paragraph each).
 */
async function speedArticles(caseRows: readonly CaseRow[]): Promise<{ texts: string[]; what: string }> {
  try {
    const geo = await import("./lib/geo-corpora.js");
    if (geo.geoCorporaAvailable()) {
      const texts = geo
        .loadGeoCorpus("GeoWebNews")
        .documents.map((d) => firstWords(d.text, SPEED_WORDS))
        .filter((t): t is string => t !== null)
        .slice(0, SPEED_ARTICLES);
      if (texts.length) return { texts, what: "GeoWebNews articles cut at 600 words" };
    }
  } catch {
    // fall through to CASE snippets
  }
  const texts: string[] = [];
  let parts: string[] = [];
  let words = 0;
  for (const r of caseRows) {
    parts.push(r.text);
    words += r.text.split(/\s+/).length;
    if (words >= SPEED_WORDS) {
      const t = firstWords(parts.join("\n\n"), SPEED_WORDS);
      if (t) texts.push(t);
      parts = [];
      words = 0;
      if (texts.length === SPEED_ARTICLES) break;
    }
  }
  return { texts, what: "CASE snippets joined into 600-word texts" };
}

interface Speed {
  system: SystemName;
  what: string;
  articles: number;
  runs: number;
  medianMs: number | null;
  p90Ms: number | null;
  errors: number;
}

function timeArticles(
  system: SystemName,
  what: string,
  texts: readonly string[],
  fn: (t: string) => unknown,
  runs: number,
): Speed {
  const failed = new Set<string>();
  for (let pass = 0; pass < WARMUP_PASSES; pass++)
    for (const t of texts) {
      try {
        fn(t);
      } catch {
        failed.add(t);
      }
    }
  const timed = texts.filter((t) => !failed.has(t));
  const times: number[] = [];
  for (let run = 0; run < runs; run++)
    for (const t of timed) {
      const started = performance.now();
      fn(t);
      times.push(performance.now() - started);
    }
  times.sort((a, b) => a - b);
  return {
    system,
    what,
    articles: timed.length,
    runs,
    medianMs: median(times),
    p90Ms: times.length
      ? (times[Math.min(times.length - 1, Math.floor(0.9 * times.length))] as number)
      : null,
    errors: failed.size,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Printing and floors
// ---------------------------------------------------------------------------------------------------------

function formatValue(row: Row, system: SystemName): string {
  const v = row.values[system];
  if (v === null || v === undefined) {
    const note = row.notes?.[system];
    return note === undefined ? "–" : note === THREW_ON_ALL ? "error" : "skip";
  }
  return v.toFixed(row.digits ?? 3);
}

function printTable(rows: readonly Row[]): void {
  const header = ["section", "metric", "n", ...SYSTEMS];
  const body = rows.map((r) => [
    r.section,
    r.metric,
    r.n === null ? "" : String(r.n),
    ...SYSTEMS.map((s) => formatValue(r, s)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  let previous: string | null = null;
  for (const [i, cells] of body.entries()) {
    const section = rows[i]?.section ?? "";
    if (previous !== null && previous !== section) console.log("");
    console.log(line(previous === section ? ["", ...cells.slice(1)] : cells));
    previous = section;
  }
}

interface EventsFloors {
  corpusSha256: string;
  /** Row id → floor for the sitrep column (a ceiling for lower-is-better rows). */
  floors: Record<string, number>;
}

function checkFloors(rows: readonly Row[], sha: string): string[] {
  const entry = loadAllFloors().events as EventsFloors | undefined;
  if (!entry || Object.keys(entry.floors ?? {}).length === 0)
    return ['no floors pinned for "events" in bench/floors.json'];
  if (entry.corpusSha256 !== sha)
    return [
      `floors were pinned on corpus ${entry.corpusSha256.slice(0, 12)}, this is ${sha.slice(0, 12)}: not checked`,
    ];
  const out: string[] = [];
  for (const [id, floor] of Object.entries(entry.floors)) {
    const row = rows.find((r) => r.id === id);
    const v = row?.values.sitrep ?? row?.values["sitrep analyze"] ?? null;
    if (!row || v === null) {
      out.push(`${id}: no sitrep value to check against ${floor}`);
      continue;
    }
    if (row.lowerIsBetter ? v > floor : v < floor)
      out.push(`${id}: ${v.toFixed(3)} ${row.lowerIsBetter ? ">" : "<"} floor ${floor}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "acled-limit": { type: "string" },
      "uds-split": { type: "string", default: "test" },
      "no-speed": { type: "boolean", default: false },
      runs: { type: "string", default: String(DEFAULT_TIMING_RUNS) },
    },
  });
  const split = values["uds-split"] as UdsSplit;
  if (split !== "test" && split !== "dev") {
    console.error(`--uds-split must be "test" or "dev", not "${split}"`);
    return 2;
  }
  const acledLimit = values["acled-limit"] === undefined ? null : Number.parseInt(values["acled-limit"], 10);
  if (acledLimit !== null && !(acledLimit > 0)) {
    console.error("--acled-limit must be a positive integer");
    return 2;
  }
  const runs = Math.max(1, Number.parseInt(values.runs ?? "", 10) || DEFAULT_TIMING_RUNS);

  const available = eventsDataAvailable();
  if (!available.case && !available.acled && !available.uds) {
    console.log(
      `bench:events skipped: test data not found at ${EVENTS_DATA_DIR} and ${ATTRIBUTION_DATA_DIR} ` +
        "(set SITREP_EVENTS_DATA / SITREP_ATTRIBUTION_DATA).",
    );
    return 0;
  }
  const sha = eventsCorpusSha256();
  console.log(`Event test data (${EVENTS_DATA_DIR}, ${ATTRIBUTION_DATA_DIR}; sha256 ${sha.slice(0, 12)})`);

  const sitrep = await loadSitrep();
  for (const [name, loaded] of Object.entries(sitrep) as [string, Loaded<unknown>][])
    console.log(
      loaded.ok
        ? `sitrep ${name}: ${loaded.from} (import ${loaded.loadMs.toFixed(0)} ms)`
        : `sitrep ${name}: not available yet (${loaded.reason})`,
    );

  // The keyword baseline needs ACLED's sub-event → event type table.
  let subToType = new Map<string, string>();
  let rules: KeywordRule[] = [];
  if (available.acled) {
    subToType = new Map(loadAcledCategories().map((c) => [c.subEventType, c.eventType]));
    rules = loadKeywordRules(subToType);
  } else if (available.case) {
    const labels: CaseLabel[] = loadCaseLabelMap();
    subToType = new Map(labels.filter((l) => l.firstSubtask === 1).map((l) => [l.subEventType, l.eventType]));
    rules = loadKeywordRules(subToType);
  }

  const rows: Row[] = [];
  const json: Record<string, unknown> = {};
  const messages: string[] = [];
  const add = (name: string, section: Section): void => {
    rows.push(...section.rows);
    json[name] = section.json;
    messages.push(...section.messages);
  };
  if (available.case) add("case", caseSection(sitrep, rules));
  else messages.push(`CASE skipped: ${EVENTS_DATA_DIR}/case2021-task2 not found`);
  if (available.acled) add("acled", acledSection(sitrep, rules, subToType, acledLimit));
  else messages.push(`ACLED skipped: ${EVENTS_DATA_DIR}/acled-acledR-sample not found`);
  if (available.uds) add("uds", udsSection(sitrep, split));
  else messages.push(`UDS skipped: ${ATTRIBUTION_DATA_DIR}/uds-ih2-factuality not found`);

  // Speed.
  const speeds: Speed[] = [];
  if (!values["no-speed"] && (sitrep.classify.ok || sitrep.analyze.ok) && available.case) {
    const { texts, what } = await speedArticles(loadCaseRows());
    if (sitrep.analyze.ok) {
      const analyze = sitrep.analyze.fn;
      speeds.push(
        timeArticles(
          "sitrep analyze",
          `analyze() whole pipeline, ${what}`,
          texts,
          (t) => analyze({ name: "speed", format: "text", content: t }),
          runs,
        ),
      );
    }
    if (sitrep.classify.ok) {
      const classify = sitrep.classify.fn;
      speeds.push(timeArticles("sitrep", `classifyEventText(article), ${what}`, texts, classify, runs));
    }
    speeds.push(
      timeArticles("keyword", `keyword baseline, ${what}`, texts, (t) => classifyByKeywords(t, rules), runs),
    );
    rows.push({
      id: "speed.medianMs",
      section: "Speed",
      metric: `median ms per ${SPEED_WORDS}-word article`,
      n: texts.length,
      values: Object.fromEntries(speeds.map((s) => [s.system, s.medianMs])),
      notes: Object.fromEntries(speeds.filter((s) => s.articles === 0).map((s) => [s.system, THREW_ON_ALL])),
      digits: 3,
      lowerIsBetter: true,
    });
  } else if (!values["no-speed"])
    messages.push("Speed: not timed (sitrep's event functions are not available yet)");

  console.log("");
  printTable(rows);
  console.log("");
  console.log(
    "Columns: sitrep = classifyEventText (UDS: assessFactuality); sitrep analyze = analyze() → first event of\n" +
      "  Doc.layers.events; keyword = bench/lib/keyword-baseline.tsv (first pattern found, none = no event);\n" +
      "  majority = most frequent gold value of the set scored; nothing = no event / empty fields.\n" +
      "  skip = not available yet; error = threw on every item (see below); – = not applicable.\n" +
      "CASE: F1 as scikit-learn computes it over the subtask's label set (25 / 28 / 30 CASE codes), weighted =\n" +
      "  support-weighted mean of per-label F1; no event or a label outside the set counts as a miss.\n" +
      "  S1 = subtask 1 (829 rows), S2 + 3 unseen types (947), S3 all (1,019), per TASK2_description.txt.\n" +
      `  Best published S1 weighted F1 ${BEST_PUBLISHED_S1_WEIGHTED_F1} (fine-tuned transformer); TF-IDF+SVM on ACLED notes 0.377.\n` +
      "ACLED: the note text with hints.published = event_date; actors match after normalising and dropping\n" +
      '  ACLED\'s "(2018-)" period tag; fatalities not given count as 0; time precision day/week/month = 1/2/3.\n' +
      "UDS: gold happened = normalised score > 0; the predicate span is rebuilt from tokens / pred_index.",
  );
  for (const s of speeds)
    console.log(
      `speed ${s.system}: median ${s.medianMs?.toFixed(3) ?? "–"} ms, p90 ${s.p90Ms?.toFixed(3) ?? "–"} ms per ${SPEED_WORDS}-word article ` +
        `(${s.articles} articles × ${s.runs} runs after ${WARMUP_PASSES} warm-up passes; ${s.what})` +
        (s.errors ? `; ${s.errors} articles left out: it threw on them` : ""),
    );
  for (const m of messages) console.log(m);

  const s1 = rows.find((r) => r.id === "case.s1.weightedF1");
  const s1Value = s1?.values.sitrep ?? s1?.values["sitrep analyze"] ?? null;
  const target = {
    target: `CASE S1 weighted F1 ≥ ${TARGET_S1_WEIGHTED_F1}`,
    value: s1Value,
    met: s1Value === null ? null : s1Value >= TARGET_S1_WEIGHTED_F1,
  };
  console.log(
    `\nTarget (#4): ${target.met === null ? "n/a " : target.met ? "met " : "MISS"} ${target.target}: ${s1Value?.toFixed(3) ?? "–"}`,
  );
  const floors = checkFloors(rows, sha);
  for (const f of floors) console.log(`floors: ${f}`);

  mkdirSync(dirname(OUT_FILE), { recursive: true });
  writeFileSync(
    OUT_FILE,
    `${JSON.stringify(
      {
        corpusSha256: sha,
        sitrep: Object.fromEntries(
          Object.entries(sitrep).map(([k, v]: [string, Loaded<unknown>]) => [
            k,
            v.ok
              ? { available: true, from: v.from, loadMs: v.loadMs }
              : { available: false, reason: v.reason },
          ]),
        ),
        rows,
        details: json,
        speed: speeds,
        target,
        floors,
        messages,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${OUT_FILE}`);
  return floors.some((f) => f.includes("< floor") || f.includes("> floor")) ? 1 : 0;
}

process.exitCode = await main();
