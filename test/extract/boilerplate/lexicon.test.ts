import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBoilerplateRules, parseBoilerplateRows } from "../../../src/extract/boilerplate/lexicon.js";

const row = (cols: string[]): [number, string[]] => [1, cols];

describe("boilerplate: loader validation", () => {
  it.each([
    ["unknown kind", ["sidebar", "line", "x", "why"], /unknown boilerplate kind/],
    ["unknown match", ["share", "middle", "x", "why"], /unknown match type/],
    ["empty pattern", ["share", "line", "", "why"], /empty pattern/],
    ["empty reason", ["share", "line", "x", ""], /empty reason/],
    ["bad regex", ["share", "line", "(unclosed", "why"], /does not compile/],
    ["unknown flag", ["share", "line", "x", "why", "stop"], /unknown flag/],
  ])("boilerplate: rejects a row with %s", (_name, cols, message) => {
    expect(() => parseBoilerplateRows([row(cols)], "test.tsv")).toThrow(message);
  });

  it("boilerplate: rejects a file with no rules (empty group)", () => {
    expect(() => parseBoilerplateRows([], "empty.tsv")).toThrow(/no boilerplate rules/);
  });

  it("boilerplate: rejects a data directory without pattern files", () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-bp-"));
    expect(() => loadBoilerplateRules(dir)).toThrow(/no boilerplate/);
  });

  it("boilerplate: loads English first, then other languages, with comments skipped", () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-bp-"));
    writeFileSync(join(dir, "boilerplate.fr.tsv"), "# comment\nshare\tline\tpartager\tfr\n");
    writeFileSync(join(dir, "boilerplate.en.tsv"), "# comment\n\nshare\tline\tshare\ten\tend\n");
    const rules = loadBoilerplateRules(dir);
    expect(rules.map((r) => [r.index, r.pattern, r.endsArticle])).toEqual([
      [0, "share", true],
      [1, "partager", false],
    ]);
  });

  it("boilerplate: the shipped data files load", () => {
    const rules = loadBoilerplateRules();
    const origins = new Set(rules.map((r) => r.origin.split(":")[0]));
    expect(origins).toContain("boilerplate.en.tsv");
  });
});
