/**
 * Case runner for test/cases/geo: one `describe` per case (invented news texts, not benchmark rows), one
 * `it` per expected toponym checking each field its expected.json gives (span found, countryCode, admin1,
 * featureType), and one per surface that must not be recognised as a place.
 *
 * expected.json: `{ places: [{ text, nth?, countryCode?, admin1?, featureType? }], notPlaces?: [text] }`;
 * `nth` (1-based, default 1) picks the occurrence of `text` in input.txt; `admin1` is the admin1 region's
 * gazetteer name (for an admin1 record, its own name).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/core/entities.js";
import { loadGazetteer } from "../../src/geo/gazetteer.js";
import { recognizePlaces } from "../../src/geo/recognize.js";
import { type Resolution, resolveMentions } from "../../src/geo/resolve.js";

interface ExpectedPlace {
  text: string;
  nth?: number;
  countryCode?: string;
  admin1?: string;
  featureType?: string;
}
interface GeoCaseExpected {
  places: ExpectedPlace[];
  notPlaces?: string[];
}

const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), "geo");
const gazetteer = loadGazetteer();

/** One span per line, as geoparseText does for plain text. */
function lineSpans(text: string): Mention[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Start offset of the nth whole-word occurrence of `needle`, or -1. */
function occurrence(text: string, needle: string, nth: number): number {
  let from = 0;
  let seen = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return -1;
    const before = text[at - 1] ?? " ";
    const after = text[at + needle.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after) && ++seen === nth) return at;
    from = at + 1;
  }
}

function admin1Of(r: Resolution): string | null {
  const e = r.entry;
  if (!e) return null;
  if (e.featureType === "admin1") return e.name;
  return e.admin1;
}

for (const slug of readdirSync(CASES_DIR).sort()) {
  const input = readFileSync(join(CASES_DIR, slug, "input.txt"), "utf8");
  const expected = JSON.parse(
    readFileSync(join(CASES_DIR, slug, "expected.json"), "utf8"),
  ) as GeoCaseExpected;
  describe(`geo case ${slug}`, () => {
    const resolutions = resolveMentions(recognizePlaces(input, lineSpans(input), gazetteer));
    const at = (start: number, length: number) =>
      resolutions.find((r) => r.mention.start === start && r.mention.end === start + length);

    it.each(expected.places.map((p) => [`${p.text}#${p.nth ?? 1}`, p] as const))(
      "geo: %s is found and resolved as expected",
      (_label, p) => {
        const start = occurrence(input, p.text, p.nth ?? 1);
        expect(start, `"${p.text}" occurs in input.txt`).toBeGreaterThanOrEqual(0);
        const r = at(start, p.text.length);
        expect(r, `mention "${p.text}" at ${start}`).toBeDefined();
        if (p.countryCode !== undefined) expect(r?.entry?.countryCode, "countryCode").toBe(p.countryCode);
        if (p.admin1 !== undefined) expect(r && admin1Of(r), "admin1").toBe(p.admin1);
        if (p.featureType !== undefined) expect(r?.entry?.featureType, "featureType").toBe(p.featureType);
      },
    );

    const notPlaces = expected.notPlaces ?? [];
    it.skipIf(notPlaces.length === 0).each(notPlaces.map((t) => [t]))("geo: %s is not a place", (t) => {
      expect(resolutions.filter((r) => r.mention.text === t).map((r) => r.mention.start)).toEqual([]);
    });
  });
}
