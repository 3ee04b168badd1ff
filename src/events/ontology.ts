/** The event ontology (data/events/ontology.tsv): ACLED types and sub-types plus sitrep's extra kinds, loaded
 * once and validated. Unknown names, empty event types, duplicates and missing ACLED sub-types are rejected. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDataDir } from "../core/data.js";
import {
  ACLED_EVENT_TYPES,
  ACLED_SUB_EVENT_TYPES,
  EXTRA_EVENT_TYPE,
  EXTRA_SUB_EVENT_TYPES,
  ONTOLOGY_FILE,
  PLOVER_NONE,
  PLOVER_TYPES,
} from "./constants.js";

export type EventOrigin = "acled" | "sitrep";

export interface OntologyEntry {
  eventType: string;
  subEventType: string;
  /** CASE 2021 Task 2 label ("ARMED_CLASH"). */
  caseCode: string;
  /** A PLOVER v2 type, or "NONE" where PLOVER codes no event (disasters). */
  ploverType: string;
  ploverMode?: string;
  ploverContext?: string;
  origin: EventOrigin;
  definition: string;
}

export interface EventOntology {
  entries: readonly OntologyEntry[];
  bySubEventType: ReadonlyMap<string, OntologyEntry>;
  byCaseCode: ReadonlyMap<string, OntologyEntry>;
  /** Event type → its sub-event types, in file order. */
  eventTypes: ReadonlyMap<string, readonly string[]>;
}

const COLUMNS = 8;
const ACLED_TYPES: ReadonlySet<string> = new Set(ACLED_EVENT_TYPES);
const ACLED_SUBTYPES: ReadonlySet<string> = new Set(ACLED_SUB_EVENT_TYPES);
const EXTRA_SUBTYPES: ReadonlySet<string> = new Set(EXTRA_SUB_EVENT_TYPES);
const PLOVER: ReadonlySet<string> = new Set(PLOVER_TYPES);
const CASE_CODE = /^[A-Z][A-Z_]*$/;

const dash = (v: string): string | undefined => (v === "-" || v === "" ? undefined : v);

export function parseOntology(text: string, file = ONTOLOGY_FILE): EventOntology {
  const entries: OntologyEntry[] = [];
  const bySub = new Map<string, OntologyEntry>();
  const byCode = new Map<string, OntologyEntry>();
  const types = new Map<string, string[]>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const where = `${file}:${i + 1}`;
    const cols = line.split("\t");
    if (cols.length !== COLUMNS || cols.some((c) => c.trim() === "")) {
      throw new Error(`${where}: expected ${COLUMNS} non-empty TAB-separated columns, got "${line}"`);
    }
    const [eventType, subEventType, caseCode, ploverType, mode, context, origin, definition] = cols as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (origin === "acled") {
      if (!ACLED_TYPES.has(eventType)) throw new Error(`${where}: unknown ACLED event type "${eventType}"`);
      if (!ACLED_SUBTYPES.has(subEventType)) {
        throw new Error(`${where}: unknown ACLED sub-event type "${subEventType}"`);
      }
      if (ploverType === PLOVER_NONE) throw new Error(`${where}: ACLED sub-event type needs a PLOVER type`);
    } else if (origin === "sitrep") {
      if (eventType !== EXTRA_EVENT_TYPE) {
        throw new Error(
          `${where}: extra kinds take the event type "${EXTRA_EVENT_TYPE}", got "${eventType}"`,
        );
      }
      if (!EXTRA_SUBTYPES.has(subEventType))
        throw new Error(`${where}: unknown extra kind "${subEventType}"`);
    } else {
      throw new Error(`${where}: origin must be "acled" or "sitrep", got "${origin}"`);
    }
    if (!CASE_CODE.test(caseCode)) throw new Error(`${where}: bad CASE code "${caseCode}"`);
    if (!PLOVER.has(ploverType) && ploverType !== PLOVER_NONE) {
      throw new Error(
        `${where}: unknown PLOVER type "${ploverType}" (expected one of ${[...PLOVER].join(", ")})`,
      );
    }
    if (bySub.has(subEventType)) throw new Error(`${where}: duplicate sub-event type "${subEventType}"`);
    if (byCode.has(caseCode)) throw new Error(`${where}: duplicate CASE code "${caseCode}"`);
    const entry: OntologyEntry = {
      eventType,
      subEventType,
      caseCode,
      ploverType,
      ploverMode: dash(mode),
      ploverContext: dash(context),
      origin,
      definition,
    };
    entries.push(entry);
    bySub.set(subEventType, entry);
    byCode.set(caseCode, entry);
    const group = types.get(eventType) ?? [];
    group.push(subEventType);
    types.set(eventType, group);
  });
  for (const t of ACLED_EVENT_TYPES) {
    if (!types.has(t)) throw new Error(`${file}: event type "${t}" has no sub-event types`);
  }
  for (const s of ACLED_SUB_EVENT_TYPES) {
    if (!bySub.has(s)) throw new Error(`${file}: ACLED sub-event type "${s}" is missing`);
  }
  return { entries, bySubEventType: bySub, byCaseCode: byCode, eventTypes: types };
}

let cached: EventOntology | undefined;
export function loadOntology(): EventOntology {
  cached ??= parseOntology(readFileSync(join(findDataDir(), ONTOLOGY_FILE), "utf8"));
  return cached;
}
