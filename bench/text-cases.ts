/**
 * `npm run bench:text-heldout` / `npm run bench:text-blind2` (or `tsx bench/text-cases.ts <folder>`): the text
 * extractor on a held-out or blind case folder — measure only, never tune on them; improve the extractor on
 * the dev set test/cases/text-extract instead.
 *
 * Line level (same metric as bench/text-boilerplate.ts; see bench/lib/text-cases.ts): rows everything /
 * nothing / baseline / sitrep-text. Case level for sitrep-text: exact-body, title and published accuracy.
 * Prints one table plus per-case lines; writes bench/out/<folder name>.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadTextCases } from "../test/cases/text-extract.cases.js";
import { LINE_SYSTEMS, scoreHeldout, scoreLineSystem } from "./lib/text-cases.js";

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "out");
export const HELDOUT_DIR = fileURLToPath(new URL("../test/cases/text-extract-heldout/", import.meta.url));

function fmt(n: number): string {
  return n.toFixed(3);
}

function main(): void {
  const dir = process.argv[2] ? resolve(process.argv[2]) : HELDOUT_DIR;
  const name = basename(dir);
  const cases = loadTextCases(dir);
  const score = scoreHeldout(cases);
  const rows = Object.entries(LINE_SYSTEMS).map(([system, predict]) => ({
    system,
    ...(system === "sitrep-text" ? score.line : scoreLineSystem(predict, cases)),
  }));
  const w = (s: string, n: number) => s.padStart(n);
  process.stdout.write(`${name}: ${score.cases} cases, ${score.lines} non-blank lines (positive = body)\n`);
  process.stdout.write(
    `${"system".padEnd(12)} ${w("P", 6)} ${w("R", 6)} ${w("F1", 6)} ${w("exact-body", 11)} ${w("title", 11)} ${w("published", 11)}\n`,
  );
  for (const r of rows) {
    const mine = r.system === "sitrep-text";
    const acc = (a: { right: number; of: number; accuracy: number }) =>
      mine ? `${fmt(a.accuracy)} ${`${a.right}/${a.of}`.padStart(5)}` : "-";
    process.stdout.write(
      `${r.system.padEnd(12)} ${w(fmt(r.precision), 6)} ${w(fmt(r.recall), 6)} ${w(fmt(r.f1), 6)} ${w(acc(score.exactBody), 11)} ${w(acc(score.title), 11)} ${w(acc(score.published), 11)}\n`,
    );
  }
  process.stdout.write("per case (sitrep-text):\n");
  for (const c of score.perCase) {
    const k = c.counts;
    process.stdout.write(
      `  ${c.slug.padEnd(38)} F1 ${fmt(c.f1)}  tp ${w(String(k.tp), 2)} fp ${w(String(k.fp), 2)} fn ${w(String(k.fn), 2)}  paras ${c.gotParagraphs}/${c.wantParagraphs}  body ${c.exactBody ? "=" : "≠"}  title ${c.titleOk === null ? "-" : c.titleOk ? "=" : "≠"}${c.error ? `  ERROR ${c.error}` : ""}\n`,
    );
  }
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, `${name}.json`), `${JSON.stringify({ dir, ...score, rows }, null, 2)}\n`);
}

main();
