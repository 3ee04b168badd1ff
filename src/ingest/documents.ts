/**
 * One opened input → its documents. The workflow, in order:
 * 1. peek at the head: 0 bytes → ingest/empty;
 * 2. gzip magic → inflate as a stream (maxBytes then counts decompressed bytes);
 * 3. binary head → ingest/binary (with what it looks like);
 * 4. format: `from`, else sniffed from the head (the extension or media type breaks ties);
 * 5. JSON Lines → one document per line, streamed; WARC (sniffed before step 3, as its records may hold
 *    images) → one document per HTML response record, streamed; a feed → one document per item;
 * 6. otherwise refuse a known size over maxBytes before reading, read at most maxBytes, decode, and
 *    refuse whitespace-only text as ingest/empty.
 * Failures are yielded, never thrown; only programmer errors escape.
 */
import { isSitrepError } from "../core/diagnostics.js";
import type { SourceDocument } from "../core/doc.js";
import { collectBytes, PeekableChunks } from "./chunks.js";
import { HEAD_BYTES } from "./constants.js";
import { decodeBytes, decodeForSniffing } from "./decode.js";
import { readFeed } from "./feeds.js";
import { gunzipChunks, isGzip } from "./gzip.js";
import { readJsonLines } from "./jsonl.js";
import { sniffBinary, sniffBom, sniffFormatOfHead, sniffUtf16, sniffWarc } from "./sniff.js";
import { type ByteSource, failure, type IngestFailure, type IngestFormat, type IngestItem } from "./types.js";
import { readWarc } from "./warc.js";

const NEWLINE = 0x0a;
const JSON_OBJECT_START = "{";
const INGEST_CODE_PREFIX = "ingest/";

export interface DocumentSettings {
  from?: IngestFormat;
  maxBytes: number;
}

/** The documents of one input (several for JSON Lines), or the failures that stopped them. */
export async function* readDocuments(
  source: ByteSource,
  settings: DocumentSettings,
): AsyncGenerator<IngestItem> {
  try {
    yield* readSource(source, settings);
  } catch (error) {
    yield failureOfError(source.name, error);
  } finally {
    source.close();
  }
}

async function* readSource(source: ByteSource, settings: DocumentSettings): AsyncGenerator<IngestItem> {
  const raw = PeekableChunks.from(source.chunks);
  let body = raw;
  try {
    let head = await raw.peek(HEAD_BYTES);
    if (head.length === 0) {
      yield failure(source.name, "ingest/empty", "the input is empty (0 bytes)");
      return;
    }
    const gzipped = isGzip(head);
    if (gzipped) {
      body = PeekableChunks.from(gunzipChunks(raw));
      head = await body.peek(HEAD_BYTES);
      if (head.length === 0) {
        yield failure(source.name, "ingest/empty", "the gzip data decompresses to 0 bytes");
        return;
      }
    }
    yield* readBody(source, { body, head, gzipped }, settings);
  } finally {
    await body.close();
    if (body !== raw) await raw.close();
  }
}

/** Steps 3–6 on the (inflated) body whose head has been peeked. */
async function* readBody(
  source: ByteSource,
  { body, head, gzipped }: { body: PeekableChunks; head: Buffer; gzipped: boolean },
  settings: DocumentSettings,
): AsyncGenerator<IngestItem> {
  if (settings.from === "warc" || (settings.from === undefined && sniffWarc(head))) {
    yield* readWarc(body, { input: source.name, maxBytes: settings.maxBytes });
    return;
  }
  const binary = sniffBinary(head);
  if (binary) {
    yield failure(source.name, "ingest/binary", `not a text document: it ${binary}`);
    return;
  }
  const format = settings.from ?? (await sniffSourceFormat(body, head, source.formatHint, settings.maxBytes));
  if (format === "jsonl") {
    yield* readJsonLines(body, { input: source.name, maxBytes: settings.maxBytes, ...jsonlEncoding(head) });
    return;
  }
  if (!gzipped && source.size !== undefined && source.size > settings.maxBytes) {
    yield tooLarge(source.name, settings.maxBytes, `it is ${source.size} bytes`);
    return;
  }
  const bytes = await collectBytes(body, settings.maxBytes);
  if (bytes === null) {
    yield tooLarge(
      source.name,
      settings.maxBytes,
      gzipped ? "more than that after gunzip" : "more than that was read",
    );
    return;
  }
  if (format === "feed") yield* readFeedBytes(source, bytes);
  else if (format !== "warc") yield toItem(source, bytes, format);
}

/** A feed is read whole (≤ maxBytes), decoded once, then split into its items. */
function readFeedBytes(source: ByteSource, bytes: Buffer): IngestItem[] {
  const { text, encoding, warnings } = decodeBytes(bytes, {
    contentType: source.contentType,
    format: "feed",
  });
  const items = readFeed(text, { input: source.name, encoding });
  return warnings.length > 0 ? items.map((item) => (item.ok ? { ...item, warnings } : item)) : items;
}

/** Sniff the format from the head; a first line that may be a long JSON record is read to its end first. */
async function sniffSourceFormat(
  body: PeekableChunks,
  head: Buffer,
  hint: IngestFormat | undefined,
  maxBytes: number,
): Promise<IngestFormat> {
  let text = decodeForSniffing(head);
  if (text.trimStart().startsWith(JSON_OBJECT_START) && !text.includes("\n") && !body.exhausted) {
    text = decodeForSniffing(await body.peekUntilByte(NEWLINE, head.length, maxBytes));
  }
  return sniffFormatOfHead(text, { complete: body.exhausted, hint });
}

function jsonlEncoding(head: Buffer): { encoding: "utf-8" | "utf-16le" | "utf-16be"; bom: boolean } {
  const bom = sniffBom(head);
  if (bom) return { encoding: bom, bom: true };
  return { encoding: sniffUtf16(head) ?? "utf-8", bom: false };
}

function toItem(source: ByteSource, bytes: Buffer, format: "html" | "text"): IngestItem {
  const { text, encoding, warnings } = decodeBytes(bytes, { contentType: source.contentType, format });
  if (text.trim().length === 0) {
    return failure(source.name, "ingest/empty", "the input holds only whitespace");
  }
  const doc: SourceDocument = { name: source.name, format, content: text, encoding };
  if (source.url !== undefined) doc.url = source.url;
  return warnings.length > 0 ? { ok: true, doc, warnings } : { ok: true, doc };
}

function tooLarge(input: string, maxBytes: number, detail: string): IngestFailure {
  return failure(input, "ingest/too-large", `larger than the limit of ${maxBytes} bytes (${detail})`);
}

/** The failure an input error stands for; anything else is a programmer error and is rethrown. */
function failureOfError(input: string, error: unknown): IngestFailure {
  if (isSitrepError(error) && error.code.startsWith(INGEST_CODE_PREFIX)) {
    return failure(input, error.code as IngestFailure["code"], error.message);
  }
  throw error;
}
