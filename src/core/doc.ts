/**
 * The one document model of the pipeline.
 *
 * A `Doc` owns the clean body text (`text`) and the decoded input (`source`). Everything later stages find
 * is a span layer of half-open character offsets into `text` (`text.slice(start, end)` is the span's text),
 * and `segments` maps any clean-text range back to the input.
 */
import type { Article, ArticleMeta, Boilerplate } from "./article.js";
import { emptyArticle } from "./article.js";
import type { Diagnostic } from "./diagnostics.js";
import type { Actor, Check, Place } from "./entities.js";
import type { ClaimRecord, EventRecord, Quantity, TimeExpression } from "./events.js";
import type { Range, SourceSegment } from "./offsets.js";
import { shiftSegments, toSourceRange } from "./offsets.js";

/** Input formats sitrep reads. */
export type InputFormat = "html" | "text";

/** One decoded input document, as ingest hands it to the pipeline. */
export interface SourceDocument {
  /** Where it came from: a path, a URL, "-" for stdin, or "path#line" for a JSON Lines record. */
  name: string;
  format: InputFormat;
  /** The decoded input text (HTML or plain text). */
  content: string;
  /** The page URL when known (fetched URL, JSON Lines "url"). */
  url?: string;
  /** Metadata the container already gives (JSON Lines "title", "published"). */
  hints?: { title?: string; published?: string };
  /** The character encoding the bytes were decoded from, and how it was chosen. */
  encoding?: { name: string; by: "bom" | "meta" | "header" | "detected" | "default" | "declared" };
}

/** A span in the clean text. */
export interface Span extends Range {
  label?: string;
}

/** A token: a word, a number or a punctuation mark. */
export interface Token extends Span {
  /** Index of the sentence (in `layers.sentences`) the token is in. */
  sentence: number;
}

/** Named span layers. Later stages add their layers here (typed, not an untyped bag). */
export interface Layers {
  paragraphs: Span[];
  sentences: Span[];
  tokens: Token[];
  places: Place[];
  actors: Actor[];
  checks: Check[];
  times: TimeExpression[];
  quantities: Quantity[];
  events: EventRecord[];
  claims: ClaimRecord[];
}
export type LayerName = keyof Layers;

/** A block of clean text and where each part of it came from (segments relative to `text`). */
export interface Block {
  text: string;
  segments: SourceSegment[];
}

/** What an extractor returns: metadata, body paragraphs in order, and what it removed. */
export interface Extraction {
  meta: ArticleMeta;
  paragraphs: Block[];
  boilerplate: Boilerplate[];
  diagnostics: Diagnostic[];
  /** Which path of the extractor's cascade produced the body, and why (provenance). */
  path: string;
}

export interface Doc {
  input: SourceDocument;
  /** The decoded input (same as input.content). */
  source: string;
  /** The clean body text: paragraphs joined by a blank line. */
  text: string;
  article: Article;
  layers: Layers;
  /** Clean-text → input offset map. */
  segments: SourceSegment[];
  diagnostics: Diagnostic[];
  /** Which extractor path produced the text. */
  provenance: { extractor: string; path: string };
}

export const PARAGRAPH_SEPARATOR = "\n\n";

/** Every layer empty: for Docs built by hand (tests) and as the start of createDoc. */
export function emptyLayers(): Layers {
  return {
    paragraphs: [],
    sentences: [],
    tokens: [],
    places: [],
    actors: [],
    checks: [],
    times: [],
    quantities: [],
    events: [],
    claims: [],
  };
}

/** Build a Doc from an input and an extraction: join paragraphs, record their spans and offset map. */
export function createDoc(input: SourceDocument, extraction: Extraction, extractor: string): Doc {
  const parts: string[] = [];
  const paragraphs: Span[] = [];
  const segments: SourceSegment[] = [];
  let offset = 0;
  for (const block of extraction.paragraphs) {
    if (block.text.length === 0) continue;
    if (parts.length > 0) offset += PARAGRAPH_SEPARATOR.length;
    parts.push(block.text);
    paragraphs.push({ start: offset, end: offset + block.text.length });
    // One by one: a block may have more segments than a call may take arguments (push(...) overflowed the stack).
    for (const segment of shiftSegments(block.segments, offset)) segments.push(segment);
    offset += block.text.length;
  }
  const text = parts.join(PARAGRAPH_SEPARATOR);
  const article: Article = {
    ...emptyArticle(),
    ...stripUndefined(extraction.meta),
    text,
    paragraphs: paragraphs.map(({ start, end }) => ({ start, end })),
    boilerplate: extraction.boilerplate,
  };
  return {
    input,
    source: input.content,
    text,
    article,
    layers: { ...emptyLayers(), paragraphs },
    segments,
    diagnostics: [...extraction.diagnostics],
    provenance: { extractor, path: extraction.path },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The input range a clean-text range came from, or null. */
export function sourceRangeOf(doc: Doc, range: Range): Range | null {
  return toSourceRange(doc.segments, range);
}

/** Convenience for callers that build a Block from text copied verbatim from the input at `srcStart`. */
export function verbatimBlock(text: string, srcStart: number): Block {
  return { text, segments: [{ start: 0, end: text.length, srcStart, srcEnd: srcStart + text.length }] };
}
