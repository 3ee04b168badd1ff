/**
 * `npm run bench:incidents` — incident clustering (issue #5) on the labelled set test/cases/incidents.
 *
 * 1. Each invented report in test/cases/incidents/reports runs through `analyze`; all its events become
 *    clustering inputs, and its lead event (the first event that is not background, negated, future or
 *    hypothetical, by salience) is the one labelled in gold.json.
 * 2. Systems, run in the same process: sitrep's `clusterIncidents`; the baseline (same sub-event type + same
 *    resolved place name + same start date); "nothing" (every event alone); "everything" (one incident).
 * 3. Pairwise precision / recall / F1 over pairs of labelled reports in the same incident. A report with no
 *    lead event counts as alone.
 * 4. Speed: clustering 100,000 synthetic events made by jittering the labelled ones (shifted by whole weeks
 *    and a few degrees, so incidents repeat without touching each other, plus sub-kilometre noise):
 *    seconds and memory.
 *
 * Options: --synthetic N (default 100000), --no-speed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { analyze } from "../src/analyze/index.js";
import {
  type ClusterStats,
  clusterIncidents,
  type IncidentInput,
  incidentInputsOf,
} from "../src/cluster/incidents.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const INCIDENT_CASES_DIR = join(REPO_ROOT, "test", "cases", "incidents");

export interface LabelledSet {
  /** Every event of every report. */
  inputs: IncidentInput[];
  /** Report id → index of its lead event in `inputs`, or null when analysis found none. */
  lead: Map<string, number | null>;
  /** Report id → gold incident id. */
  gold: Map<string, string>;
}

/** Analyse every labelled report and collect the clustering inputs. */
export function loadLabelledSet(dir = INCIDENT_CASES_DIR): LabelledSet {
  const goldFile = JSON.parse(readFileSync(join(dir, "gold.json"), "utf8")) as {
    reports: Record<string, string>;
  };
  const gold = new Map(Object.entries(goldFile.reports));
  const inputs: IncidentInput[] = [];
  const lead = new Map<string, number | null>();
  const files = readdirSync(join(dir, "reports"))
    .filter((f) => f.endsWith(".txt"))
    .sort();
  for (const file of files) {
    const id = basename(file, ".txt");
    const content = readFileSync(join(dir, "reports", file), "utf8");
    const url = `https://news.example/${id}`;
    const doc = analyze({ name: id, format: "text", content, url });
    const a = doc.article;
    const mine = incidentInputsOf(
      id,
      { publisher: a.publisher, published: a.published, url: a.url ?? url },
      doc.layers.events,
      doc.layers.places,
      doc.layers.actors,
    );
    const leadEvent = [...mine]
      .map((inp, k) => ({ inp, k }))
      .filter(({ inp: { event: e } }) => !e.background && !e.negated && !e.future && !e.hypothetical)
      .sort((x, y) => y.inp.event.salience - x.inp.event.salience || x.k - y.k)[0];
    lead.set(id, leadEvent ? inputs.length + leadEvent.k : null);
    inputs.push(...mine);
  }
  return { inputs, lead, gold };
}

export interface PairScore {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  goldPairs: number;
}

/** Pairwise precision/recall/F1 of a predicted labelling against the gold (both keyed by report id). */
export function pairwiseScore(predicted: Map<string, string>, gold: Map<string, string>): PairScore {
  const ids = [...gold.keys()];
  let tp = 0;
  let pp = 0;
  let gp = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const g = gold.get(a) === gold.get(b);
      const p = predicted.get(a) !== undefined && predicted.get(a) === predicted.get(b);
      if (g) gp++;
      if (p) pp++;
      if (g && p) tp++;
    }
  }
  const precision = pp === 0 ? 1 : tp / pp;
  const recall = gp === 0 ? 1 : tp / gp;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs: tp, predictedPairs: pp, goldPairs: gp };
}

/** Report id → predicted cluster id, from an event-index → cluster-id labelling. */
function labelReports(set: LabelledSet, clusterOf: (index: number) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, k] of set.lead) out.set(id, k === null ? `alone:${id}` : clusterOf(k));
  return out;
}

/** sitrep's labelling of the reports. */
export function sitrepLabels(set: LabelledSet): Map<string, string> {
  const incidents = clusterIncidents(set.inputs);
  const byMember = new Map<number, string>();
  for (const inc of incidents) for (const m of inc.members) byMember.set(m, inc.id);
  return labelReports(set, (k) => byMember.get(k) ?? `alone:${k}`);
}

/** Baseline: same sub-event type + same resolved place name + same start date. */
export function baselineLabels(set: LabelledSet): Map<string, string> {
  return labelReports(set, (k) => {
    const inp = set.inputs[k] as IncidentInput;
    const place = inp.place ? (inp.place.resolvedName ?? inp.place.name) : `none:${k}`;
    return `${inp.event.subEventType}|${place}|${inp.event.date?.start ?? `none:${k}`}`;
  });
}

/** A deterministic generator (mulberry32), so the synthetic set is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftIso(iso: string | null, days: number): string | null {
  if (!iso) return iso;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(t) ? new Date(t + days * 86_400_000).toISOString().slice(0, 10) : iso;
}

/** `n` synthetic inputs: copies of the labelled ones shifted by a whole number of weeks (over ~20 years)
 * and a few degrees (a 9 × 9 grid of 2° steps), plus noise of up to ±0.005° and ±0 days. */
export function syntheticInputs(base: readonly IncidentInput[], n: number, seed = 5): IncidentInput[] {
  const rand = rng(seed);
  const out: IncidentInput[] = [];
  const copies = Math.ceil(n / Math.max(1, base.length));
  for (let c = 0; c < copies && out.length < n; c++) {
    const weeks = Math.floor(rand() * 1040);
    const dLat = (Math.floor(rand() * 9) - 4) * 2;
    const dLon = (Math.floor(rand() * 9) - 4) * 2;
    for (const inp of base) {
      if (out.length >= n) break;
      const e = inp.event;
      const jLat = (rand() - 0.5) * 0.01;
      const jLon = (rand() - 0.5) * 0.01;
      const move = (v: number | null, d: number, j: number) => (v === null ? null : v + d + j);
      const days = weeks * 7;
      out.push({
        ...inp,
        articleId: `${inp.articleId}#${c}`,
        published: shiftIso(inp.published, days),
        place: inp.place
          ? { ...inp.place, lat: move(inp.place.lat, dLat, jLat), lon: move(inp.place.lon, dLon, jLon) }
          : null,
        event: {
          ...e,
          location: e.location
            ? { ...e.location, lat: move(e.location.lat, dLat, jLat), lon: move(e.location.lon, dLon, jLon) }
            : null,
          date: e.date
            ? {
                ...e.date,
                start: shiftIso(e.date.start, days) as string,
                end: shiftIso(e.date.end, days) as string,
              }
            : null,
        },
      });
    }
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function main(): void {
  const { values } = parseArgs({
    options: {
      synthetic: { type: "string", default: "100000" },
      "no-speed": { type: "boolean", default: false },
    },
  });
  const t0 = performance.now();
  const set = loadLabelledSet();
  const analyseMs = performance.now() - t0;
  const noLead = [...set.lead].filter(([, k]) => k === null).map(([id]) => id);
  const rows: [string, PairScore][] = [
    ["sitrep", pairwiseScore(sitrepLabels(set), set.gold)],
    ["baseline (subtype+place+date)", pairwiseScore(baselineLabels(set), set.gold)],
    ["nothing (all alone)", pairwiseScore(new Map([...set.gold.keys()].map((id) => [id, id])), set.gold)],
    [
      "everything (one incident)",
      pairwiseScore(new Map([...set.gold.keys()].map((id) => [id, "all"])), set.gold),
    ],
  ];
  console.log(
    `Incident clustering — ${set.gold.size} labelled reports, ${new Set(set.gold.values()).size} incidents, ` +
      `${set.inputs.length} events (analysed in ${(analyseMs / 1000).toFixed(1)} s); no lead event: ${noLead.join(", ") || "none"}`,
  );
  console.log(
    `${"system".padEnd(32)}${"P".padStart(8)}${"R".padStart(8)}${"F1".padStart(8)}  pairs (true/pred/gold)`,
  );
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(32)}${pct(s.precision).padStart(8)}${pct(s.recall).padStart(8)}${pct(s.f1).padStart(8)}  ${s.truePairs}/${s.predictedPairs}/${s.goldPairs}`,
    );
  }
  if (values["no-speed"]) return;
  const n = Number(values.synthetic);
  const synthetic = syntheticInputs(set.inputs, n);
  clusterIncidents(synthetic.slice(0, 2000)); // warm-up
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const stats: ClusterStats = { inputs: 0, candidatePairs: 0, vetoedPairs: 0, incidents: 0 };
  const t1 = performance.now();
  const incidents = clusterIncidents(synthetic, stats);
  const seconds = (performance.now() - t1) / 1000;
  const heap1 = process.memoryUsage().heapUsed;
  console.log(
    `speed: ${synthetic.length} synthetic events → ${incidents.length} incidents in ${seconds.toFixed(2)} s ` +
      `(${stats.candidatePairs} candidate pairs, ${stats.vetoedPairs} vetoed); heap +${((heap1 - heap0) / 2 ** 20).toFixed(0)} MiB, ` +
      `rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
