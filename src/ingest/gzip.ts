/** Transparent gzip: recognised by its magic bytes, inflated as a stream so memory stays bounded. */
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { DiagnosticCode } from "../core/diagnostics.js";
import { GZIP_TRUNCATED_MESSAGE, ZLIB_ERROR_CODE } from "./patterns.js";

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Whether the bytes start like a gzip stream (the extension does not matter). */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** Inflate a stream of gzip chunks; stopping the iteration stops reading the compressed source. */
export function gunzipChunks(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const gunzip = createGunzip();
  // Errors of either side reach the consumer through the gunzip stream's iterator.
  pipeline(Readable.from(chunks), gunzip, () => {});
  return gunzip;
}

/** The diagnostic for a zlib error, or null when `error` did not come from zlib. */
export function classifyGzipError(error: unknown): { code: DiagnosticCode; message: string } | null {
  if (!(error instanceof Error)) return null;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (!ZLIB_ERROR_CODE.test(code) && !GZIP_TRUNCATED_MESSAGE.test(error.message)) return null;
  if (GZIP_TRUNCATED_MESSAGE.test(error.message)) {
    return { code: "ingest/gzip-truncated", message: "gzip data is truncated (unexpected end of file)" };
  }
  return { code: "ingest/gzip-corrupt", message: `gzip data is corrupt (${error.message})` };
}
