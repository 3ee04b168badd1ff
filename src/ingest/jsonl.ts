/**
 * JSON Lines: one article per line, `{"url","html"}` or `{"url","text","title"?,"published"?}`.
 * The input is streamed line by line, so a file of any size costs at most one record (≤ maxBytes) of memory.
 * Each line becomes its own document `<input>#<line>`; a bad line fails alone and the others still come.
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { z } from "zod";
import type { SourceDocument } from "../core/doc.js";
import { MAX_REASON_CHARS } from "./constants.js";
import type { Utf16 } from "./sniff.js";
import { failure, type IngestItem, type IngestWarning } from "./types.js";

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/** The first half of a UTF-16 surrogate pair. */
const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;

/** One record. Unknown keys are ignored; "html" wins when both "html" and "text" are given. */
export const JsonlRecord = z
  .object({
    url: z.string().optional(),
    html: z.string().optional(),
    text: z.string().optional(),
    title: z.string().nullish(),
    published: z.string().nullish(),
  })
  .refine((record) => record.html !== undefined || record.text !== undefined, {
    message: 'a record needs "html" or "text"',
  });
export type JsonlRecord = z.infer<typeof JsonlRecord>;

export interface JsonLinesContext {
  /** The input the lines come from; documents are named `<input>#<line>`. */
  input: string;
  maxBytes: number;
  /** UTF-16 when the file has a UTF-16 BOM or NUL pattern; JSON Lines is UTF-8 otherwise. */
  encoding: "utf-8" | Utf16;
  /** Whether a byte-order mark announced the encoding. */
  bom: boolean;
}

interface RawLine {
  lineNo: number;
  /** The line's bytes without the newline, or null when it is longer than maxBytes. */
  bytes: Buffer | null;
  size: number;
}

/** Read every record of a JSON Lines stream, yielding one item per non-blank line, in order (one ingest/empty
 * failure for the input when every line is blank, so that no input passes unreported). */
export async function* readJsonLines(
  chunks: AsyncIterable<Buffer>,
  context: JsonLinesContext,
): AsyncGenerator<IngestItem> {
  const utf8 = context.encoding === "utf-8" ? chunks : transcodeToUtf8(chunks, context.encoding);
  let yielded = false;
  for await (const line of splitLines(utf8, context.maxBytes)) {
    const item = parseLine(line, context);
    if (item) {
      yielded = true;
      yield item;
    }
  }
  if (!yielded) yield failure(context.input, "ingest/empty", "the JSON Lines input holds only blank lines");
}

/** Split a UTF-8 byte stream at LF; a line over `maxBytes` is dropped while it streams and reported as null. */
async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let lineNo = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, newline < 0 ? chunk.length : newline);
      size += piece.length;
      if (size > maxBytes) parts = [];
      else if (piece.length > 0) parts.push(piece);
      if (newline < 0) break;
      lineNo++;
      yield { lineNo, bytes: size > maxBytes ? null : Buffer.concat(parts), size };
      parts = [];
      size = 0;
      start = newline + 1;
    }
  }
  if (size > 0) yield { lineNo: lineNo + 1, bytes: size > maxBytes ? null : Buffer.concat(parts), size };
}

/**
 * UTF-16 chunks → UTF-8 chunks. A chunk may end between the two halves of a surrogate pair (an emoji, say):
 * the high half is held back until the next chunk, or UTF-8 encoding would turn each half into U+FFFD.
 */
async function* transcodeToUtf8(chunks: AsyncIterable<Buffer>, encoding: Utf16): AsyncGenerator<Buffer> {
  const decoder = iconv.getDecoder(encoding);
  let pending = "";
  for await (const chunk of chunks) {
    const text = pending + decoder.write(chunk);
    const cut = endsWithHighSurrogate(text) ? text.length - 1 : text.length;
    pending = text.slice(cut);
    if (cut > 0) yield Buffer.from(text.slice(0, cut), "utf8");
  }
  const tail = pending + (decoder.end() ?? "");
  if (tail) yield Buffer.from(tail, "utf8");
}

function endsWithHighSurrogate(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST;
}

/** The item for one line, or null for a blank line. */
function parseLine(line: RawLine, context: JsonLinesContext): IngestItem | null {
  const name = `${context.input}#${line.lineNo}`;
  if (line.bytes === null) {
    return failure(
      name,
      "ingest/too-large",
      `record is ${line.size} bytes, over the limit of ${context.maxBytes}`,
    );
  }
  const bytes = trimLineBytes(line.bytes, line.lineNo);
  const text = new TextDecoder("utf-8").decode(bytes);
  if (text.trim().length === 0) return null;
  const warnings: IngestWarning[] = isUtf8(bytes)
    ? []
    : [{ code: "ingest/invalid-utf8", message: "invalid UTF-8 in the record, replaced with U+FFFD" }];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failure(name, "ingest/bad-jsonl", `invalid JSON: ${clip((error as Error).message)}`);
  }
  const parsed = JsonlRecord.safeParse(value);
  if (!parsed.success) return failure(name, "ingest/bad-jsonl", describeIssues(parsed.error));
  const content = parsed.data.html ?? parsed.data.text ?? "";
  if (content.trim().length === 0) {
    return failure(
      name,
      "ingest/empty",
      `the record's "${parsed.data.html !== undefined ? "html" : "text"}" is empty`,
    );
  }
  const doc = toDocument(name, parsed.data, content, context);
  return warnings.length > 0 ? { ok: true, doc, warnings } : { ok: true, doc };
}

function toDocument(
  name: string,
  record: JsonlRecord,
  content: string,
  context: JsonLinesContext,
): SourceDocument {
  const doc: SourceDocument = {
    name,
    format: record.html !== undefined ? "html" : "text",
    content,
    encoding: { name: context.encoding, by: context.bom ? "bom" : "declared" },
  };
  if (record.url !== undefined) doc.url = record.url;
  const hints: NonNullable<SourceDocument["hints"]> = {};
  if (record.title != null) hints.title = record.title;
  if (record.published != null) hints.published = record.published;
  if (Object.keys(hints).length > 0) doc.hints = hints;
  return doc;
}

/** Drop a UTF-8 BOM on the first line and the CR of a CRLF ending. */
function trimLineBytes(bytes: Buffer, lineNo: number): Buffer {
  let start = 0;
  if (lineNo === 1 && UTF8_BOM.every((byte, i) => bytes[i] === byte)) start = UTF8_BOM.length;
  const end = bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  return bytes.subarray(start, Math.max(start, end));
}

function describeIssues(error: z.ZodError): string {
  const reasons = error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join(".") : "record";
    return `${path}: ${issue.message}`;
  });
  return clip(reasons.join("; "));
}

function clip(text: string): string {
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS - 1)}…` : text;
}
