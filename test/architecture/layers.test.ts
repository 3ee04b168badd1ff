import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";

// Data flows one way: core and shared lexicons at the bottom, stages above them (never importing each
// other), the assembled pipeline above the stages, and the CLI on top.
const SRC = join(REPO_ROOT, "src");
const STAGES = ["ingest", "extract", "nlp", "geo", "entities", "temporal", "quantities", "events", "claims"];
const BELOW_STAGES = ["core", "lexicon"];
const ABOVE_STAGES = ["analyze", "cli", "store", "server", "workers"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function importedTopFolders(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
    const target = relative(SRC, join(file, "..", m[1] as string));
    if (!target.startsWith("..")) out.push(target.split("/")[0] as string);
  }
  return out;
}

describe("architecture: layers", () => {
  it.each(STAGES)("architecture: stage %s imports only itself, the core and shared lexicons", (stage) => {
    const offending = files(join(SRC, stage)).flatMap((f) =>
      importedTopFolders(f)
        .filter((top) => top !== stage && !BELOW_STAGES.includes(top))
        .map((top) => `${relative(SRC, f)} → ${top}`),
    );
    expect(offending).toEqual([]);
  });

  it.each(BELOW_STAGES)("architecture: %s imports nothing above it", (folder) => {
    const offending = files(join(SRC, folder)).flatMap((f) =>
      importedTopFolders(f)
        .filter((top) => STAGES.includes(top) || ABOVE_STAGES.includes(top))
        .map((top) => `${relative(SRC, f)} → ${top}`),
    );
    expect(offending).toEqual([]);
  });
});
