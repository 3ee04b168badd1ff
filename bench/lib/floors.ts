/**
 * Pinned quality floors (bench/floors.json), one entry per benchmark task so that several benches can
 * share the file: a floor is only ever lowered on purpose, never silently.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { FLOORS_FILE } from "./corpus.js";

export interface TaskFloors {
  corpus: string;
  /** SHA-256 of the gold file the floors were measured on. */
  groundTruthSha256: string;
  note: string;
  systems: Record<string, { f1: number; measured: { f1: number; precision: number; recall: number } }>;
}

/** The key of the main-text extraction task in bench/floors.json. */
export const EXTRACT_TASK = "extract";

export function loadAllFloors(): Record<string, unknown> {
  return existsSync(FLOORS_FILE)
    ? (JSON.parse(readFileSync(FLOORS_FILE, "utf8")) as Record<string, unknown>)
    : {};
}

export function loadFloors(task: string = EXTRACT_TASK): TaskFloors | null {
  return (loadAllFloors()[task] as TaskFloors | undefined) ?? null;
}

/** Replace one task's entry, keeping the other tasks' entries as they are. */
export function saveFloors(task: string, floors: TaskFloors): void {
  const all = loadAllFloors();
  all[task] = floors;
  writeFileSync(FLOORS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}
