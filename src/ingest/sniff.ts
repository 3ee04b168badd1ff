/** Cheap looks at the head of an input: byte-order mark, UTF-16 without BOM, binary, and format. */
import iconv from "iconv-lite";
import {
  BINARY_CONTROL_SHARE,
  BINARY_SIGNATURES,
  BINARY_SNIFF_BYTES,
  HTML_MIN_KNOWN_TAGS,
  HTML_SNIFF_CHARS,
  JSONL_MIN_OBJECT_SHARE,
  JSONL_SNIFF_LINES,
  UTF16_NUL_PAIR_SHARE,
  UTF16_OTHER_SIDE_MAX_SHARE,
  UTF16_SNIFF_PAIRS,
} from "./constants.js";
import {
  FEED_PROLOGUE,
  FEED_START,
  HTML_PROLOGUE,
  HTML_START,
  KNOWN_HTML_TAG,
  KNOWN_HTML_TAG_START,
  LEADING_BOM,
  LINE_BREAK,
  WARC_START,
} from "./patterns.js";
import type { IngestFormat } from "./types.js";

export type Utf16 = "utf-16le" | "utf-16be";

const BOMS: readonly { bytes: readonly number[]; encoding: "utf-8" | Utf16 }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/** The encoding a byte-order mark announces, or null. */
export function sniffBom(bytes: Uint8Array): "utf-8" | Utf16 | null {
  return BOMS.find(({ bytes: bom }) => startsWith(bytes, bom))?.encoding ?? null;
}

/** UTF-16 without a BOM, recognised by ASCII characters having a NUL on one side of each byte pair. */
export function sniffUtf16(bytes: Uint8Array): Utf16 | null {
  const pairs = Math.min(UTF16_SNIFF_PAIRS, Math.floor(bytes.length / 2));
  if (pairs === 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNuls++;
    if (bytes[2 * i + 1] === 0) oddNuls++;
  }
  const even = evenNuls / pairs;
  const odd = oddNuls / pairs;
  if (odd >= UTF16_NUL_PAIR_SHARE && even <= UTF16_OTHER_SIDE_MAX_SHARE) return "utf-16le";
  if (even >= UTF16_NUL_PAIR_SHARE && odd <= UTF16_OTHER_SIDE_MAX_SHARE) return "utf-16be";
  return null;
}

/**
 * Why the head looks binary ("looks like a PNG image", "contains NUL bytes", …), or null when it looks like
 * text. UTF-16 (with a BOM or the NUL pattern) is judged on its decoded characters.
 */
export function sniffBinary(head: Uint8Array): string | null {
  const signature = BINARY_SIGNATURES.find(({ bytes }) => matchesSignature(head, bytes));
  if (signature) return `looks like ${signature.looksLike}`;
  const bom = sniffBom(head);
  const utf16 = bom === "utf-8" ? null : (bom ?? sniffUtf16(head));
  if (utf16) {
    const sample = iconv.decode(Buffer.from(head.subarray(0, 2 * BINARY_SNIFF_BYTES)), utf16);
    return describeControls(countControls(sample), sample.length);
  }
  const sample = head.subarray(bom ? 3 : 0, BINARY_SNIFF_BYTES);
  if (sample.includes(0)) return "contains NUL bytes";
  let controls = 0;
  for (const byte of sample) if (isControl(byte)) controls++;
  return describeControls({ controls, nuls: 0 }, sample.length);
}

/** Whether the (inflated) head starts like a WARC file; checked before binary sniffing (records hold images). */
export function sniffWarc(head: Uint8Array): boolean {
  return WARC_START.test(
    Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 16)).toString("latin1"),
  );
}

/**
 * The format of a single decoded document: "jsonl" when its first non-blank line is a JSON object (and most of
 * the next ones are too), "html" when it opens like HTML or holds enough HTML tags early on, else "text".
 * `hint` (from the file extension or media type) decides only when the evidence is weak. Feeds and WARC files
 * (which hold many documents) are recognised only by `sniffFormatOfHead`, so callers of this one keep their
 * three formats.
 */
export function sniffFormat(text: string, hint?: IngestFormat): "html" | "text" | "jsonl" {
  return sniffDocumentFormat(text.replace(LEADING_BOM, ""), { complete: true, hint });
}

/**
 * `sniffFormat` on the head of a longer input (a last line that may be cut off is not judged), which may also
 * be a WARC file (`WARC/1.x` first) or a feed (root element `<rss>`, `<rdf:RDF>` or an Atom `<feed>`).
 */
export function sniffFormatOfHead(
  text: string,
  options: { complete: boolean; hint?: IngestFormat },
): IngestFormat {
  const body = text.replace(LEADING_BOM, "");
  if (WARC_START.test(body)) return "warc";
  if (FEED_START.test(body.slice(0, HTML_SNIFF_CHARS).replace(FEED_PROLOGUE, ""))) return "feed";
  return sniffDocumentFormat(body, options);
}

function sniffDocumentFormat(
  body: string,
  options: { complete: boolean; hint?: IngestFormat },
): "html" | "text" | "jsonl" {
  if (looksLikeJsonLines(body, options.complete)) return "jsonl";
  if (options.hint === "jsonl" && body.trimStart().startsWith("{")) return "jsonl";
  const start = body.slice(0, HTML_SNIFF_CHARS).replace(HTML_PROLOGUE, "");
  if (HTML_START.test(start) || KNOWN_HTML_TAG_START.test(start)) return "html";
  const tags = start.match(KNOWN_HTML_TAG)?.length ?? 0;
  if (tags >= HTML_MIN_KNOWN_TAGS) return "html";
  if (options.hint === "html" && tags > 0) return "html";
  return "text";
}

function looksLikeJsonLines(text: string, complete: boolean): boolean {
  const lines = text.split(LINE_BREAK);
  if (!complete) lines.pop();
  const sample = lines.filter((line) => line.trim().length > 0).slice(0, JSONL_SNIFF_LINES);
  const [first] = sample;
  if (first === undefined || !isJsonObject(first)) return false;
  const objects = sample.filter(isJsonObject).length;
  return objects / sample.length >= JSONL_MIN_OBJECT_SHARE;
}

/** Whether a line is a JSON object (cheap prefix check first). */
export function isJsonObject(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function matchesSignature(bytes: Uint8Array, signature: readonly (number | null)[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => byte === null || bytes[i] === byte);
}

/** C0 controls other than tab, LF, FF, CR and ESC (which plain text and old terminals use). */
function isControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d && code !== 0x1b;
}

function countControls(text: string): { controls: number; nuls: number } {
  let controls = 0;
  let nuls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) nuls++;
    else if (isControl(code)) controls++;
  }
  return { controls, nuls };
}

function describeControls(
  { controls, nuls }: { controls: number; nuls: number },
  length: number,
): string | null {
  if (nuls > 0) return "contains NUL characters";
  if (length > 0 && controls / length > BINARY_CONTROL_SHARE) {
    return `${Math.round((100 * controls) / length)}% of its first bytes are control characters`;
  }
  return null;
}
