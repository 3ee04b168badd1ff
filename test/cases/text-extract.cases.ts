/**
 * The text-extract case set: test/cases/text-extract/<slug>/{input.txt, expected.json, notes.md}.
 * Shared by the case runner (text-extract.test.ts) and the bench (bench/text-boilerplate.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const TEXT_CASES_DIR = fileURLToPath(new URL("./text-extract/", import.meta.url));

/** Fields of expected.json; a field that is absent is not checked. */
export interface TextCaseExpected {
  title?: string | null;
  kind?: string;
  authors?: string[];
  publisher?: string | null;
  published?: string | null;
  /** Checked field by field: only the fields given. */
  original?: { publisher?: string | null; published?: string | null; url?: string | null } | null;
  /** Tags that must be present (others may be). */
  tagsInclude?: string[];
  media?: Array<{ type: string; url: string }>;
  /** The body paragraphs, exactly and in order. */
  body: string[];
  /** Removed lines: the input line starting with `startsWith` must be boilerplate of this kind. */
  boilerplate?: Array<{ startsWith: string; kind: string }>;
  /** Diagnostic codes that must be present. */
  diagnostics?: string[];
}

export interface TextCase {
  slug: string;
  input: string;
  expected: TextCaseExpected;
  notes: string;
}

export function loadTextCases(dir: string = TEXT_CASES_DIR): TextCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((slug) => {
      const base = join(dir, slug);
      return {
        slug,
        input: readFileSync(join(base, "input.txt"), "utf8"),
        expected: JSON.parse(readFileSync(join(base, "expected.json"), "utf8")) as TextCaseExpected,
        notes: readFileSync(join(base, "notes.md"), "utf8"),
      };
    });
}

/** Input range of the first non-blank line that starts with `prefix` (after leading spaces), or null. */
export function findLine(input: string, prefix: string): { start: number; end: number } | null {
  let offset = 0;
  for (const line of input.split("\n")) {
    const lead = line.length - line.trimStart().length;
    const content = line.trim();
    if (content.length > 0 && content.startsWith(prefix)) {
      return { start: offset + lead, end: offset + lead + content.length };
    }
    offset += line.length + 1;
  }
  return null;
}
