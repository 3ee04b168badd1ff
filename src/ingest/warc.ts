/**
 * WARC files (1.0 / 1.1, gzip'd per record or whole: the caller has already inflated them): every `response`
 * record holding a 2xx HTTP response with an HTML Content-Type, and every `resource` record of HTML, becomes a
 * document `<input>#<WARC-Record-ID>`. Records are walked by their Content-Length on bytes, streaming, so only
 * one record (≤ maxBytes) is held at a time. Other records are skipped; a truncated record fails and ends the file.
 */
import type { SourceDocument } from "../core/doc.js";
import { toBuffer } from "./chunks.js";
import { HEAD_BYTES } from "./constants.js";
import { decodeBytes } from "./decode.js";
import {
  ANGLE_BRACKETED,
  HEADER_LINE,
  HTML_MEDIA_TYPE,
  HTTP_STATUS_LINE,
  LINE_BREAK,
  WARC_ANY_VERSION_LINE,
  WARC_VERSION_LINE,
} from "./patterns.js";
import { failure, type IngestItem } from "./types.js";

const CR = 0x0d;
const LF = 0x0a;
const HTTP_HEADER_END = Buffer.from("\r\n\r\n");
const HTTP_HEADER_END_LF = Buffer.from("\n\n");

export interface WarcContext {
  /** The input the records come from; documents are named `<input>#<record id or n>`. */
  input: string;
  /** Largest record block read into memory; bigger HTML records fail alone. */
  maxBytes: number;
}

/** The HTML documents of a WARC stream, in record order. */
export async function* readWarc(
  chunks: AsyncIterable<Buffer>,
  context: WarcContext,
): AsyncGenerator<IngestItem> {
  const reader = new ByteReader(chunks[Symbol.asyncIterator]());
  let skipped = 0;
  let yielded = 0;
  for (let n = 1; ; n++) {
    const record = await readRecordHeaders(reader);
    if (record === "end") break;
    if (typeof record === "string") {
      yield failure(`${context.input}#${n}`, "ingest/bad-warc", record);
      return;
    }
    const name = `${context.input}#${unbracket(record.headers.get("warc-record-id")) ?? n}`;
    const item = await readRecordBlock(reader, record, name, context);
    if (item === "truncated") {
      yield truncated(name, record.length);
      return;
    }
    if (item === null) skipped++;
    else {
      yielded++;
      yield item;
    }
  }
  if (yielded === 0) {
    const message = `the WARC file holds no HTML response or resource records (${skipped} records skipped)`;
    yield failure(context.input, "ingest/bad-warc", message);
  }
}

interface RecordHeaders {
  headers: Map<string, string>;
  length: number;
}

/** The next record's WARC headers, "end" after the last record, or why the bytes are not a record. */
async function readRecordHeaders(reader: ByteReader): Promise<RecordHeaders | "end" | string> {
  let line = await reader.readLine();
  while (line === "") line = await reader.readLine();
  if (line === null) return "end";
  if (!WARC_VERSION_LINE.test(line)) {
    return WARC_ANY_VERSION_LINE.test(line)
      ? `unsupported WARC version "${line.trim()}" (sitrep reads WARC/1.0 and WARC/1.1)`
      : `expected a WARC record, found "${line.slice(0, 40)}"`;
  }
  const headers = new Map<string, string>();
  for (line = await reader.readLine(); line !== "" && line !== null; line = await reader.readLine()) {
    const match = HEADER_LINE.exec(line);
    if (match) headers.set((match[1] as string).toLowerCase(), match[2] as string);
  }
  if (line === null) return "the WARC file is truncated (a record's headers are cut off)";
  const length = Number(headers.get("content-length"));
  if (!Number.isInteger(length) || length < 0) return "a WARC record has no valid Content-Length";
  return { headers, length };
}

/** The record's document, null when it is skipped, or "truncated". The reader ends after the block. */
async function readRecordBlock(
  reader: ByteReader,
  record: RecordHeaders,
  name: string,
  context: WarcContext,
): Promise<IngestItem | null | "truncated"> {
  const type = record.headers.get("warc-type")?.toLowerCase();
  const isResource = type === "resource";
  if (type !== "response" && !isResource) return (await reader.skip(record.length)) ? null : "truncated";
  const head = await reader.peek(Math.min(record.length, HEAD_BYTES));
  const http = isResource ? null : parseHttpHead(head);
  const contentType = isResource ? record.headers.get("content-type") : http?.contentType;
  const keep = (isResource || http?.ok) && HTML_MEDIA_TYPE.test(contentType ?? "");
  if (!keep) return (await reader.skip(record.length)) ? null : "truncated";
  if (record.length > context.maxBytes) {
    if (!(await reader.skip(record.length))) return "truncated";
    return failure(
      name,
      "ingest/too-large",
      `record is ${record.length} bytes, over the limit of ${context.maxBytes}`,
    );
  }
  const block = await reader.read(record.length);
  if (block === null) return "truncated";
  return toItem(
    name,
    block.subarray(http?.bodyStart ?? 0),
    contentType,
    record.headers.get("warc-target-uri"),
  );
}

/** Status and Content-Type of the HTTP response at the start of a block, and where its body starts. */
function parseHttpHead(head: Buffer): { ok: boolean; contentType?: string; bodyStart: number } | null {
  let end = head.indexOf(HTTP_HEADER_END);
  let bodyStart = end + HTTP_HEADER_END.length;
  if (end < 0) {
    end = head.indexOf(HTTP_HEADER_END_LF);
    bodyStart = end + HTTP_HEADER_END_LF.length;
  }
  if (end < 0) return null;
  const [status = "", ...lines] = head.toString("latin1", 0, end).split(LINE_BREAK);
  const code = Number(HTTP_STATUS_LINE.exec(status)?.[1]);
  const contentType = lines
    .map((line) => HEADER_LINE.exec(line))
    .find((match) => match?.[1]?.toLowerCase() === "content-type")?.[2];
  return { ok: code >= 200 && code < 300, contentType, bodyStart };
}

function toItem(
  name: string,
  body: Buffer,
  contentType: string | undefined,
  url: string | undefined,
): IngestItem {
  const { text, encoding, warnings } = decodeBytes(body, { contentType, format: "html" });
  if (text.trim().length === 0) return failure(name, "ingest/empty", "the record's HTML body is empty");
  const doc: SourceDocument = { name, format: "html", content: text, encoding };
  if (url) doc.url = unbracket(url);
  return warnings.length > 0 ? { ok: true, doc, warnings } : { ok: true, doc };
}

/** `<urn:uuid:…>` → `urn:uuid:…` (WARC 1.0 writers also bracket the target URI). */
function unbracket(value: string | undefined): string | undefined {
  return value?.replace(ANGLE_BRACKETED, "$1");
}

function truncated(name: string, length: number): IngestItem {
  return failure(
    name,
    "ingest/bad-warc",
    `the WARC file is truncated (a record of ${length} bytes is cut off)`,
  );
}

/** Bytes of a stream read by line, by count, or skipped, holding only what is asked for. */
class ByteReader {
  /** Unconsumed bytes, as received (joined only when a caller needs them contiguous). */
  private parts: Buffer[] = [];
  private size = 0;
  private ended = false;

  constructor(private readonly iterator: AsyncIterator<Buffer | Uint8Array | string>) {}

  /** The next line without its CR LF; null at the end. A line longer than HEAD_BYTES is cut there. */
  async readLine(): Promise<string | null> {
    let newline = this.joined().indexOf(LF);
    while (newline < 0 && !this.ended && this.size < HEAD_BYTES) {
      await this.pull();
      newline = this.joined().indexOf(LF);
    }
    if (this.size === 0) return null;
    const end = newline < 0 ? Math.min(this.size, HEAD_BYTES) : newline;
    const buffer = this.joined();
    const text = buffer.toString("utf8", 0, end > 0 && buffer[end - 1] === CR ? end - 1 : end);
    this.consume(newline < 0 ? end : newline + 1);
    return text;
  }

  /** Up to `bytes` bytes without consuming them (fewer at the end). */
  async peek(bytes: number): Promise<Buffer> {
    while (this.size < bytes && !this.ended) await this.pull();
    return this.joined().subarray(0, bytes);
  }

  /** Exactly `bytes` bytes, or null when the stream ends first. */
  async read(bytes: number): Promise<Buffer | null> {
    const head = await this.peek(bytes);
    if (head.length < bytes) return null;
    this.consume(bytes);
    return head;
  }

  /** Drop `bytes` bytes without holding them; false when the stream ends first. */
  async skip(bytes: number): Promise<boolean> {
    let left = bytes;
    for (;;) {
      const take = Math.min(left, this.size);
      this.consume(take);
      left -= take;
      if (left === 0) return true;
      if (!(await this.pull())) return false;
    }
  }

  private joined(): Buffer {
    if (this.parts.length > 1) this.parts = [Buffer.concat(this.parts, this.size)];
    return this.parts[0] ?? Buffer.alloc(0);
  }

  private consume(bytes: number): void {
    const rest = this.joined().subarray(bytes);
    this.parts = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    const chunk = toBuffer(next.value);
    this.parts.push(chunk);
    this.size += chunk.length;
    return true;
  }
}
