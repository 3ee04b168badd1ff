/**
 * URLs: fetched with one timeout for the whole download (headers and body), redirects followed, the body
 * streamed so the size limit can stop it early. The timeout is enforced even when an injected fetch
 * ignores the abort signal.
 */
import { SitrepError } from "../core/diagnostics.js";
import { MEDIA_TYPE_FORMATS } from "./constants.js";
import { MEDIA_TYPE } from "./patterns.js";
import { type ByteSource, failure, type IngestFailure, type IngestFormat } from "./types.js";

/** Sent with every request; some sites refuse requests without a user agent. */
const REQUEST_HEADERS = {
  accept: "text/html,application/xhtml+xml,text/plain;q=0.9,application/x-ndjson;q=0.8,*/*;q=0.5",
  "user-agent": "sitrep/0.1 (news report ingest)",
} as const;

export interface FetchSettings {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

/** Start a download; a failed request, a non-2xx status or a timeout before the headers is a failure. */
export async function openUrl(url: string, settings: FetchSettings): Promise<ByteSource | IngestFailure> {
  const controller = new AbortController();
  const timedOut = timeoutPromise(controller, settings.timeoutMs);
  let response: Response;
  try {
    response = await Promise.race([
      settings.fetch(url, { signal: controller.signal, redirect: "follow", headers: REQUEST_HEADERS }),
      timedOut.promise,
    ]);
  } catch (error) {
    timedOut.clear();
    controller.abort();
    if (error instanceof SitrepError && error.code === "ingest/fetch-timeout")
      return failure(url, error.code, error.message);
    return failure(url, "ingest/fetch-failed", `request failed (${describeFetchError(error)})`);
  }
  if (!response.ok) {
    timedOut.clear();
    controller.abort();
    await response.body?.cancel().catch(() => {});
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    return failure(url, "ingest/fetch-failed", `HTTP ${status}`);
  }
  const contentType = response.headers.get("content-type") ?? undefined;
  return {
    name: url,
    chunks: streamBody(response, timedOut.promise, () => timedOut.clear()),
    size: declaredSize(response.headers),
    contentType,
    url: response.url || url,
    formatHint: formatOfMediaType(contentType),
    close: () => {
      timedOut.clear();
      controller.abort();
    },
  };
}

/** The body's chunks; a timeout or network error mid-body is thrown as a SitrepError with an ingest code. */
async function* streamBody(
  response: Response,
  timedOut: Promise<never>,
  done: () => void,
): AsyncGenerator<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timedOut]);
      if (next.done) return;
      yield next.value;
    }
  } catch (error) {
    if (error instanceof SitrepError) throw error;
    throw new SitrepError("ingest/fetch-failed", `download failed (${describeFetchError(error)})`, {
      cause: error,
    });
  } finally {
    done();
    reader.cancel().catch(() => {});
  }
}

/** A promise that rejects with ingest/fetch-timeout (and aborts the request) after `ms`. */
function timeoutPromise(controller: AbortController, ms: number): { promise: Promise<never>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new SitrepError("ingest/fetch-timeout", `no complete response within ${ms} ms`));
      controller.abort();
    }, ms);
  });
  promise.catch(() => {}); // handled by whoever races it; never an unhandled rejection
  return { promise, clear: () => clearTimeout(timer) };
}

/** Content-Length, when it describes the bytes we will read (not a compressed transfer). */
function declaredSize(headers: Headers): number | undefined {
  if (headers.get("content-encoding")) return undefined;
  const length = Number(headers.get("content-length") ?? Number.NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

function formatOfMediaType(contentType: string | undefined): IngestFormat | undefined {
  const type = contentType?.match(MEDIA_TYPE)?.[1]?.toLowerCase();
  return type === undefined ? undefined : MEDIA_TYPE_FORMATS[type];
}

/** Node's fetch hides the reason (ECONNREFUSED, ENOTFOUND, …) in `cause`. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (cause) return code ? `${code}: ${cause.message}` : cause.message;
  return error.message;
}
