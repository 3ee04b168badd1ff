/**
 * Loaders for the event-typing and attribution test sets in ../shared/data (read-only, outside the
 * repository; formats in ../shared/data/events/SOURCE.md and ../shared/data/attribution/SOURCE.md).
 * These are TEST sets: nothing may be trained on them or fitted to their rows, and they are never copied
 * into the repository.
 *
 * - CASE 2021 Task 2 (`case2021-task2/`): the labelled test TSV, the CASE → ACLED label map, and the
 *   subtask filter of TASK2_description.txt ("the evaluation will take into account the subtask a system
 *   response is aimed at, ignoring the entries not belonging to that subtask").
 * - ACLED rows with `notes` (`acled-acledR-sample/acled_events.jsonl`) and ACLED's event categories.
 * - UDS "It Happened" v2 factuality (`uds-ih2-factuality/{dev,test}.jsonl`), with the predicate's
 *   character span rebuilt from `tokens` / `pred_index`.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** SITREP_EVENTS_DATA / SITREP_ATTRIBUTION_DATA override the shared locations. */
export const EVENTS_DATA_DIR =
  process.env.SITREP_EVENTS_DATA ?? resolve(REPO_ROOT, "..", "shared", "data", "events");
export const ATTRIBUTION_DATA_DIR =
  process.env.SITREP_ATTRIBUTION_DATA ?? resolve(REPO_ROOT, "..", "shared", "data", "attribution");

export const CASE_DIR = join(EVENTS_DATA_DIR, "case2021-task2");
export const CASE_TSV = join(CASE_DIR, "test_set_final_release_with_labels.tsv");
export const CASE_LABEL_MAP = join(CASE_DIR, "label_map_to_acled.csv");
export const ACLED_DIR = join(EVENTS_DATA_DIR, "acled-acledR-sample");
export const ACLED_EVENTS = join(ACLED_DIR, "acled_events.jsonl");
export const ACLED_CATEGORIES = join(ACLED_DIR, "acled_event_categories.csv");
export const UDS_DIR = join(ATTRIBUTION_DATA_DIR, "uds-ih2-factuality");
export type UdsSplit = "dev" | "test";
export const udsFile = (split: UdsSplit): string => join(UDS_DIR, `${split}.jsonl`);

/** The files the bench reads, in hashing order (the corpus hash pins floors to exactly these bytes). */
export const EVENTS_CORPUS_FILES = [
  CASE_TSV,
  CASE_LABEL_MAP,
  ACLED_EVENTS,
  ACLED_CATEGORIES,
  udsFile("test"),
] as const;

export interface EventsDataAvailability {
  case: boolean;
  acled: boolean;
  uds: boolean;
}

export function eventsDataAvailable(): EventsDataAvailability {
  return {
    case: existsSync(CASE_TSV) && existsSync(CASE_LABEL_MAP),
    acled: existsSync(ACLED_EVENTS) && existsSync(ACLED_CATEGORIES),
    uds: existsSync(udsFile("test")),
  };
}

/** SHA-256 over the files that exist, each preceded by its name (a missing file changes the hash). */
export function eventsCorpusSha256(): string {
  const hash = createHash("sha256");
  for (const file of EVENTS_CORPUS_FILES) {
    hash.update(`${file.slice(EVENTS_DATA_DIR.length)}\0`);
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

// ---------------------------------------------------------------------------------------------------------
// CSV (RFC 4180 quoting: the label map has quoted fields with commas)
// ---------------------------------------------------------------------------------------------------------

/**
 * Parse CSV text into rows of fields; double quotes quote a field, `""` is a literal quote. Blank lines are
 * skipped unless `keepBlankRows` (the export tests use it to check the writer round-trips exactly).
 */
export function parseCsv(text: string, { keepBlankRows = false } = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      if (keepBlankRows || row.length > 1 || row[0] !== "") rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows of a CSV with a header, as objects; throws when a required column is missing. */
function readCsvObjects(path: string, required: readonly string[]): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8"));
  if (!header) throw new Error(`${path}: empty CSV`);
  for (const column of required)
    if (!header.includes(column))
      throw new Error(`${path}: no column "${column}" (has ${header.join(", ")})`);
  return rows.map((fields, i) => {
    if (fields.length !== header.length)
      throw new Error(`${path}: row ${i + 2} has ${fields.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, fields[j] as string]));
  });
}

// ---------------------------------------------------------------------------------------------------------
// ACLED categories
// ---------------------------------------------------------------------------------------------------------

export interface AcledCategory {
  eventType: string;
  subEventType: string;
}

/** ACLED's 25 sub-event types with their event type (acled_event_categories.csv). */
export function loadAcledCategories(path: string = ACLED_CATEGORIES): AcledCategory[] {
  const rows = readCsvObjects(path, ["event_type", "sub_event_type"]);
  if (rows.length === 0) throw new Error(`${path}: no categories`);
  return rows.map((r) => ({ eventType: r.event_type as string, subEventType: r.sub_event_type as string }));
}

// ---------------------------------------------------------------------------------------------------------
// CASE 2021 Task 2
// ---------------------------------------------------------------------------------------------------------

export type CaseSubtask = 1 | 2 | 3;

export interface CaseLabel {
  /** The CASE code, e.g. "AIR_STRIKE". */
  code: string;
  /** ACLED event type, or "(unseen, non-ACLED)" for the unseen types. */
  eventType: string;
  /** ACLED sub-event type name, or the unseen type's name ("Organized crime"). */
  subEventType: string;
  /** The first subtask whose label set includes this code (1: the 25 ACLED types; 2: + 3 unseen; 3: all). */
  firstSubtask: CaseSubtask;
  /** Rows in the test set, as the map states (checked against the TSV by the bench). */
  nTest: number;
}

/** label_map_to_acled.csv: one row per CASE code. */
export function loadCaseLabelMap(path: string = CASE_LABEL_MAP): CaseLabel[] {
  const rows = readCsvObjects(path, [
    "case_label",
    "acled_event_type",
    "acled_sub_event_type",
    "first_subtask_including_label",
    "n_test",
  ]);
  return rows.map((r, i) => {
    const firstSubtask = Number(r.first_subtask_including_label);
    if (firstSubtask !== 1 && firstSubtask !== 2 && firstSubtask !== 3)
      throw new Error(`${path}: row ${i + 2}: subtask "${r.first_subtask_including_label}" is not 1, 2 or 3`);
    return {
      code: r.case_label as string,
      eventType: r.acled_event_type as string,
      subEventType: r.acled_sub_event_type as string,
      firstSubtask,
      nTest: Number(r.n_test),
    };
  });
}

export interface CaseRow {
  id: string;
  text: string;
  /** Gold CASE code. */
  code: string;
}

/**
 * The test TSV: a header `id<TAB>EventSnippet<TAB>SubType`, then one snippet per line with exactly one
 * label. Snippets contain no tabs or newlines (checked: a line with another field count throws).
 */
export function parseCaseTsv(tsv: string, source = "CASE TSV"): CaseRow[] {
  const lines = tsv.split(/\r?\n/);
  if (lines[0]?.trim() !== "id\tEventSnippet\tSubType")
    throw new Error(`${source}: unexpected header "${lines[0] ?? ""}"`);
  const rows: CaseRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") continue;
    const fields = line.split("\t");
    if (fields.length !== 3) throw new Error(`${source}: line ${i + 1} has ${fields.length} fields, not 3`);
    const [id, text, code] = fields as [string, string, string];
    rows.push({ id: id.trim(), text: text.trim(), code: code.trim() });
  }
  return rows;
}

export function loadCaseRows(path: string = CASE_TSV): CaseRow[] {
  return parseCaseTsv(readFileSync(path, "utf8"), path);
}

/** The rows a subtask is scored on: those whose gold code belongs to that subtask's label set. */
export function caseSubtaskRows(
  rows: readonly CaseRow[],
  labels: readonly CaseLabel[],
  subtask: CaseSubtask,
): CaseRow[] {
  const inSubtask = new Set(labels.filter((l) => l.firstSubtask <= subtask).map((l) => l.code));
  return rows.filter((r) => inSubtask.has(r.code));
}

/** The label set (CASE codes) of a subtask, in label-map order. */
export function caseSubtaskLabels(labels: readonly CaseLabel[], subtask: CaseSubtask): CaseLabel[] {
  return labels.filter((l) => l.firstSubtask <= subtask);
}

/**
 * sitrep's event kinds outside ACLED (src/events/classify.ts) → the CASE code with the same meaning
 * (Note_on_UNSEEN_events.txt). Compared by the bench in lower case, on the event type or sub-event type.
 */
export const SITREP_EXTRA_KIND_TO_CASE: Readonly<Record<string, string>> = {
  "claim of responsibility": "ATTRIB",
  "diplomatic act": "DIPLO",
  crime: "ORG_CRIME",
  "man-made disaster": "MAN_MADE_DISASTER",
  "natural disaster": "NATURAL_DISASTER",
};

/**
 * A predicted {eventType, subEventType} → the CASE code it names, or null (no event, or a name that is
 * neither an ACLED sub-event type nor a sitrep extra kind). ACLED sub-event names compare exactly.
 */
export function predictionToCaseCode(
  prediction: { eventType: string; subEventType: string } | null,
  labels: readonly CaseLabel[],
): string | null {
  if (!prediction) return null;
  for (const name of [prediction.subEventType, prediction.eventType]) {
    const extra = SITREP_EXTRA_KIND_TO_CASE[name.trim().toLowerCase()];
    if (extra) return extra;
  }
  const hit = labels.find((l) => l.firstSubtask === 1 && l.subEventType === prediction.subEventType);
  return hit ? hit.code : null;
}

// ---------------------------------------------------------------------------------------------------------
// ACLED rows
// ---------------------------------------------------------------------------------------------------------

/** The ACLED fields the bench scores (acled_events.jsonl has more). */
export interface AcledEvent {
  id: string;
  eventDate: string;
  /** 1 day, 2 week, 3 month. */
  timePrecision: number;
  eventType: string;
  subEventType: string;
  actor1: string | null;
  assocActor1: string | null;
  actor2: string | null;
  assocActor2: string | null;
  country: string;
  admin1: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  /** 1 town, 2 near a town, 3 wider region. */
  geoPrecision: number;
  fatalities: number;
  notes: string;
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function parseAcledEvent(line: string): AcledEvent {
  const r = JSON.parse(line) as Record<string, unknown>;
  const need = (key: string): string => {
    const v = str(r[key]);
    if (v === null) throw new Error(`ACLED row ${String(r.event_id_cnty)}: no ${key}`);
    return v;
  };
  return {
    id: need("event_id_cnty"),
    eventDate: need("event_date"),
    timePrecision: num(r.time_precision) ?? 0,
    eventType: need("event_type"),
    subEventType: need("sub_event_type"),
    actor1: str(r.actor1),
    assocActor1: str(r.assoc_actor_1),
    actor2: str(r.actor2),
    assocActor2: str(r.assoc_actor_2),
    country: need("country"),
    admin1: str(r.admin1),
    location: str(r.location),
    latitude: num(r.latitude),
    longitude: num(r.longitude),
    geoPrecision: num(r.geo_precision) ?? 0,
    fatalities: num(r.fatalities) ?? 0,
    notes: need("notes"),
  };
}

export function loadAcledEvents(path: string = ACLED_EVENTS): AcledEvent[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map(parseAcledEvent);
}

// ---------------------------------------------------------------------------------------------------------
// UDS-IH2 factuality
// ---------------------------------------------------------------------------------------------------------

export interface UdsItem {
  id: string;
  text: string;
  tokens: string[];
  /** 1-based index of the predicate head in `tokens`. */
  predIndex: number;
  predToken: string;
  /** UDS-normalised factuality: > 0 happened, < 0 did not. */
  score: number;
}

export function loadUds(split: UdsSplit = "test"): UdsItem[] {
  return readFileSync(udsFile(split), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const r = JSON.parse(line) as Record<string, unknown>;
      return {
        id: String(r.id),
        text: String(r.text),
        tokens: r.tokens as string[],
        predIndex: Number(r.pred_index),
        predToken: String(r.pred_token),
        score: Number(r.factual_normalized),
      };
    });
}

/**
 * The predicate's [start, end) in `text`: the tokens are located left to right (the text is the tokens
 * joined with or without a space, per UD's SpaceAfter=No), so a repeated word maps to the right occurrence.
 * Null when a token cannot be found in order or the span's text is not the predicate token.
 */
export function udsPredicateSpan(item: Pick<UdsItem, "text" | "tokens" | "predIndex" | "predToken">): {
  start: number;
  end: number;
} | null {
  let cursor = 0;
  for (let i = 0; i < item.tokens.length; i++) {
    const token = item.tokens[i] as string;
    const at = item.text.indexOf(token, cursor);
    if (at < 0) return null;
    cursor = at + token.length;
    if (i + 1 === item.predIndex)
      return item.text.slice(at, cursor) === item.predToken ? { start: at, end: cursor } : null;
  }
  return null;
}
