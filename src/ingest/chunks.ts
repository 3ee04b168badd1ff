/** Byte streams with a look-ahead: read the head of an input, decide, then stream the whole of it. */
import { isSitrepError, SitrepError } from "../core/diagnostics.js";
import { classifyGzipError } from "./gzip.js";

/** Chunks of an input with the first bytes buffered for sniffing; iterate it once for all the bytes. */
export class PeekableChunks implements AsyncIterable<Buffer> {
  private readonly buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private ended = false;
  private iterated = false;

  constructor(private readonly iterator: AsyncIterator<Buffer | Uint8Array | string>) {}

  static from(chunks: AsyncIterable<Buffer | Uint8Array | string>): PeekableChunks {
    return new PeekableChunks(chunks[Symbol.asyncIterator]());
  }

  /** Whether the source is known to have no bytes beyond the buffered head. */
  get exhausted(): boolean {
    return this.ended;
  }

  /** Buffer at least `bytes` bytes (or all there are) and return the buffered head. */
  async peek(bytes: number): Promise<Buffer> {
    while (!this.ended && this.bufferedBytes < bytes) await this.pull();
    return this.head();
  }

  /** Buffer until `byte` occurs at or after offset `from`, the source ends, or more than `limit` bytes are buffered. */
  async peekUntilByte(byte: number, from: number, limit: number): Promise<Buffer> {
    let found = this.head().indexOf(byte, from) >= 0;
    while (!found && !this.ended && this.bufferedBytes <= limit) {
      const chunk = await this.pull();
      found = chunk !== null && chunk.indexOf(byte) >= 0;
    }
    return this.head();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    if (this.iterated) throw new Error("PeekableChunks can be iterated only once");
    this.iterated = true;
    try {
      while (this.buffered.length > 0) yield this.buffered.shift() as Buffer;
      this.bufferedBytes = 0;
      while (!this.ended) {
        const next = await this.next();
        if (next.done) this.ended = true;
        else yield toBuffer(next.value);
      }
    } finally {
      await this.close();
    }
  }

  /** Stop reading the source (closes the file or HTTP body behind it). */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.iterator.return?.();
  }

  private async next(): Promise<IteratorResult<Buffer | Uint8Array | string>> {
    try {
      return await this.iterator.next();
    } catch (error) {
      this.ended = true;
      throw toInputError(error);
    }
  }

  private head(): Buffer {
    if (this.buffered.length > 1) this.buffered.splice(0, this.buffered.length, Buffer.concat(this.buffered));
    return this.buffered[0] ?? Buffer.alloc(0);
  }

  private async pull(): Promise<Buffer | null> {
    const next = await this.next();
    if (next.done) {
      this.ended = true;
      return null;
    }
    const chunk = toBuffer(next.value);
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    return chunk;
  }
}

/** Whatever goes wrong while reading the source is a problem of that input, never of the batch. */
function toInputError(error: unknown): SitrepError {
  if (isSitrepError(error)) return error;
  const gzip = classifyGzipError(error);
  if (gzip) return new SitrepError(gzip.code, gzip.message, { cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new SitrepError("ingest/unreadable", `reading failed (${reason})`, { cause: error });
}

/** All bytes of `chunks`, or null as soon as they exceed `maxBytes` (the rest is never read). */
export async function collectBytes(chunks: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

export function toBuffer(chunk: Buffer | Uint8Array | string): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
