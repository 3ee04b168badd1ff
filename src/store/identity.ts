/** How the store tells articles apart: the content hash of an input and the canonical URL of an article. */
import { createHash } from "node:crypto";

/** SHA-256 (hex) of a decoded input's content. */
export function contentHash(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex");
}

const TRACKING_PARAM = /^utm_/i;

/** Lower-case scheme and host, no fragment, no utm_* parameters; null for a missing or non-http(s) URL. */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  parsed.hash = "";
  const tracking = [...parsed.searchParams.keys()].filter((key) => TRACKING_PARAM.test(key));
  // Only re-serialise the query when something is dropped, so other parameters keep their spelling.
  if (tracking.length > 0) {
    for (const key of tracking) parsed.searchParams.delete(key);
    if (parsed.searchParams.size === 0) parsed.search = "";
  }
  return parsed.toString();
}
