/** Local inputs: files, folders (walked lazily, sorted, hidden entries skipped) and stdin. */
import type { Dirent } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { EXTENSION_FORMATS, READ_CHUNK_BYTES } from "./constants.js";
import { GZIP_EXTENSION } from "./patterns.js";
import { type ByteSource, failure, type IngestFailure, type IngestFormat } from "./types.js";

const HIDDEN_PREFIX = ".";
const NOT_FOUND_CODES = new Set(["ENOENT", "ENOTDIR"]);

/** A file to read, or a failure for a path that cannot be read (or a folder with nothing in it). */
export type LocalEntry = { ok: true; path: string } | IngestFailure;

/** The file paths a path stands for: itself, or every visible file under it (sorted, depth first). */
export async function* expandPath(path: string): AsyncGenerator<LocalEntry> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    yield failureForFsError(path, error);
    return;
  }
  if (!info.isDirectory()) {
    yield { ok: true, path };
    return;
  }
  let found = false;
  for await (const entry of walkFolder(path, new Set())) {
    found = true;
    yield entry;
  }
  if (!found) yield failure(path, "ingest/empty", "the folder holds no files (hidden ones are skipped)");
}

async function* walkFolder(dir: string, seen: Set<string>): AsyncGenerator<LocalEntry> {
  let entries: Dirent[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return; // a symlink loop
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield failureForFsError(dir, error);
    return;
  }
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith(HIDDEN_PREFIX)) continue;
    const path = join(dir, entry.name);
    const kind = await kindOf(entry, path);
    if (kind === "dir") yield* walkFolder(path, seen);
    else if (kind === "file") yield { ok: true, path };
  }
}

/** Files and folders, following symlinks; sockets, FIFOs, devices and broken links inside folders are skipped. */
async function kindOf(entry: Dirent, path: string): Promise<"file" | "dir" | "other"> {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "dir";
  if (!entry.isSymbolicLink()) return "other";
  try {
    const target = await stat(path);
    return target.isFile() ? "file" : target.isDirectory() ? "dir" : "other";
  } catch {
    return "other";
  }
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Open a file for streaming. Regular files report their size, so a big one is refused before it is read. */
export async function openFile(path: string): Promise<ByteSource | IngestFailure> {
  try {
    const handle = await open(path, "r");
    const info = await handle.stat();
    if (info.isDirectory()) {
      await handle.close();
      return failure(path, "ingest/unreadable", "is a folder");
    }
    const stream = handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES });
    return {
      name: path,
      chunks: stream,
      size: info.isFile() ? info.size : undefined,
      formatHint: formatOfExtension(path),
      close: () => stream.destroy(),
    };
  } catch (error) {
    return failureForFsError(path, error);
  }
}

/** The input "-". The stream is not closed when we stop early (it is not ours). */
export function openStdin(stdin: NodeJS.ReadableStream): ByteSource {
  return { name: "-", chunks: stdin as AsyncIterable<Buffer | string>, close: () => {} };
}

/** The format a file name hints (`.html`, `.jsonl`, `.txt`, also under `.gz`). */
export function formatOfExtension(path: string): IngestFormat | undefined {
  return EXTENSION_FORMATS[extname(path.replace(GZIP_EXTENSION, "")).toLowerCase()];
}

/** not-found for a missing path, unreadable for anything else the file system refuses. */
export function failureForFsError(path: string, error: unknown): IngestFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  if (NOT_FOUND_CODES.has(code)) return failure(path, "ingest/not-found", "no such file or folder");
  const reason = error instanceof Error ? error.message : String(error);
  return failure(path, "ingest/unreadable", `cannot read it (${reason})`);
}
