/** In-memory stdout/stderr for running CLI commands inside a test. */
import { PassThrough, Readable } from "node:stream";
import type { CliIo } from "../../src/cli/io.js";

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(stdinText?: string): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const outChunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  stdout.on("data", (c: Buffer) => outChunks.push(c));
  stderr.on("data", (c: Buffer) => errChunks.push(c));
  return {
    stdout,
    stderr,
    stdin: stdinText === undefined ? undefined : Readable.from([Buffer.from(stdinText)]),
    fetch: () => Promise.reject(new Error("tests never touch the network")),
    out: () => Buffer.concat(outChunks).toString("utf8"),
    err: () => Buffer.concat(errChunks).toString("utf8"),
  };
}
