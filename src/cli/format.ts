/**
 * Output formats of `sitrep analyze`: json, jsonl, a readable one for a terminal, and the exports (issue #5):
 * acled-csv (one ACLED-style CSV row per event, src/export) and geojson (one FeatureCollection of events).
 */
import type { AnalysisRecord } from "../analyze/index.js";

export const OUTPUT_FORMATS = ["pretty", "json", "jsonl", "acled-csv", "geojson"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Width the readable format wraps body text to. */
const PRETTY_WIDTH = 100;
/** Paragraphs shown in full by the readable format before it shortens the rest. */
const PRETTY_MAX_PARAGRAPHS = 12;

export function formatJsonLine(record: AnalysisRecord | FailureRecord): string {
  return `${JSON.stringify(record)}\n`;
}

export function formatJson(record: AnalysisRecord | readonly AnalysisRecord[]): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** A line in JSON Lines output for an input that could not be analysed (so nothing is silently lost). */
export interface FailureRecord {
  input: string;
  error: { code: string; message: string };
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (word.length === 0) continue;
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(indent + line);
  return lines.join("\n");
}

/** A readable summary of one record for a terminal. */
export function formatPretty(record: AnalysisRecord): string {
  const a = record.article;
  const out: string[] = [];
  out.push(`━━ ${record.input}`);
  out.push(`${a.title ?? "(no title)"}${a.kind !== "article" ? `  [${a.kind}]` : ""}`);
  const by = [
    a.authors.length > 0 ? `by ${a.authors.join(", ")}` : null,
    a.publisher,
    a.published,
    a.language ? `lang ${a.language}` : null,
  ].filter((x): x is string => Boolean(x));
  if (by.length > 0) out.push(by.join(" · "));
  if (a.url) out.push(a.url);
  if (a.original) {
    const o = [a.original.publisher, a.original.published, a.original.url].filter(Boolean).join(", ");
    out.push(`first published: ${o}`);
  }
  if (a.tags.length > 0) out.push(`tags: ${a.tags.join(", ")}`);
  for (const m of a.media) out.push(`${m.type}: ${m.url}`);
  out.push("");
  a.paragraphs.slice(0, PRETTY_MAX_PARAGRAPHS).forEach((p) => {
    out.push(wrap(a.text.slice(p.start, p.end), PRETTY_WIDTH, "  "));
    out.push("");
  });
  if (a.paragraphs.length > PRETTY_MAX_PARAGRAPHS) {
    out.push(`  … ${a.paragraphs.length - PRETTY_MAX_PARAGRAPHS} more paragraphs (use --format json)`);
    out.push("");
  }
  if (record.places.length > 0) {
    const places = record.places.map((p) => {
      const where = [p.resolvedName !== p.name ? p.resolvedName : null, p.precision, p.countryCode]
        .filter(Boolean)
        .join(", ");
      return `${p.name}${where ? ` (${where})` : ""}`;
    });
    out.push(wrap(`places: ${places.join("; ")}`, PRETTY_WIDTH, ""));
  }
  if (record.actors.length > 0) {
    const actors = record.actors.map((a) => `${a.canonical} [${a.kind}${a.country ? `, ${a.country}` : ""}]`);
    out.push(wrap(`actors: ${actors.join("; ")}`, PRETTY_WIDTH, ""));
  }
  for (const c of record.checks) {
    const verdict = c.consistent === null ? "cannot check" : c.consistent ? "holds" : "DOES NOT HOLD";
    out.push(
      `check: "${c.text}" — stated ${c.stated.relation} ${c.stated.km} km, computed ${c.computedKm ?? "?"} km: ${verdict}`,
    );
  }
  const kinds = new Map<string, number>();
  for (const b of a.boilerplate) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
  const removed = [...kinds].map(([k, n]) => `${k} ${n}`).join(", ");
  out.push(
    `${a.paragraphs.length} paragraphs, ${a.text.length} chars; removed ${a.boilerplate.length} blocks${removed ? ` (${removed})` : ""}`,
  );
  for (const d of record.diagnostics) out.push(`${d.severity}: ${d.code}: ${d.message}`);
  return `${out.join("\n")}\n\n`;
}
