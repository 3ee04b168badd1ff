/**
 * The assembled pipeline: `analyze(input)` runs every stage over one decoded input and returns its Doc.
 * It sits above the stages; the CLI, store and server sit above it.
 */

import { claimsStage } from "../claims/index.js";
import type { Article } from "../core/article.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { type Doc, type SourceDocument, sourceRangeOf } from "../core/doc.js";
import type { Actor, Check, Place } from "../core/entities.js";
import type { ClaimRecord, EventRecord } from "../core/events.js";
import type { Range } from "../core/offsets.js";
import { createPipeline, defineStage } from "../core/stage.js";
import { actorStage } from "../entities/index.js";
import { eventsStage } from "../events/index.js";
import { detectLanguage, extractArticle, normaliseLanguageTag } from "../extract/index.js";
import { geoStage } from "../geo/index.js";
import { nlpStage } from "../nlp/index.js";
import { quantitiesStage } from "../quantities/index.js";
import { timesStage } from "../temporal/index.js";

/** Options of one analysis run (none yet; later stages add theirs). */
export type AnalyzeOptions = Record<string, never>;

const languageStage = defineStage<AnalyzeOptions>({
  name: "language",
  requires: ["text"],
  assigns: ["language"],
  run(doc) {
    const declared = normaliseLanguageTag(doc.article.language);
    const guess = detectLanguage(doc.text.length > 0 ? doc.text : (doc.article.title ?? ""));
    // A page's declared language is trusted unless the text itself reliably says otherwise
    // (templates often ship a fixed <html lang>, e.g. "de" on an English page).
    if (declared && (!guess.reliable || guess.language === declared)) {
      doc.article.language = declared;
      return doc;
    }
    doc.article.language = guess.language ?? declared;
    if (declared && guess.reliable && guess.language !== declared) {
      doc.diagnostics.push({
        code: "extract/language-mismatch",
        severity: "info",
        stage: "language",
        message: `page declares "${declared}" but the text reads as "${guess.language}"; using "${guess.language}"`,
      });
    } else if (!guess.reliable) {
      doc.diagnostics.push({
        code: "extract/language-unknown",
        severity: "info",
        stage: "language",
        message:
          guess.language === null
            ? "could not identify the language"
            : `language guessed as "${guess.language}" with low confidence`,
      });
    }
    return doc;
  },
});

/** Stages after extraction, checked and frozen once at load. */
export const PIPELINE = createPipeline<AnalyzeOptions>(
  [languageStage, nlpStage, geoStage, actorStage, timesStage, quantitiesStage, eventsStage, claimsStage],
  ["text", "paragraphs", "article"],
);

/** Analyse one decoded input. Data problems end up as diagnostics on the Doc; this does not throw for them. */
export function analyze(input: SourceDocument, options: AnalyzeOptions = {}): Doc {
  const doc = extractArticle(input);
  return PIPELINE.run(doc, options);
}

/** The fatal problem of a Doc, if any: an analysis that produced no article. */
export function failureOf(doc: Doc): Diagnostic | null {
  return doc.diagnostics.find((d) => d.severity === "error") ?? null;
}

/** A paragraph span in the output, with where it came from in the input. */
export interface ParagraphRecord extends Range {
  source: Range | null;
}

/** The output record (README "Output"). */
export interface AnalysisRecord {
  input: string;
  article: Omit<Article, "paragraphs"> & { paragraphs: ParagraphRecord[] };
  places: Place[];
  actors: Actor[];
  checks: Check[];
  events: EventRecord[];
  claims: ClaimRecord[];
  encoding: SourceDocument["encoding"] | null;
  extractor: Doc["provenance"];
  diagnostics: Diagnostic[];
}

/** Turn a Doc into its output record. */
export function toRecord(doc: Doc): AnalysisRecord {
  const a = doc.article;
  return {
    input: doc.input.name,
    article: {
      title: a.title,
      kind: a.kind,
      authors: a.authors,
      publisher: a.publisher,
      published: a.published,
      url: a.url,
      original: a.original,
      language: a.language,
      tags: a.tags,
      media: a.media,
      text: a.text,
      paragraphs: a.paragraphs.map((p) => ({ start: p.start, end: p.end, source: sourceRangeOf(doc, p) })),
      boilerplate: a.boilerplate,
    },
    places: doc.layers.places,
    actors: doc.layers.actors,
    checks: doc.layers.checks,
    events: doc.layers.events,
    claims: doc.layers.claims,
    encoding: doc.input.encoding ?? null,
    extractor: doc.provenance,
    diagnostics: doc.diagnostics,
  };
}
