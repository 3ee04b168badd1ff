/**
 * Request-rate limits per client address (issue #6): a token bucket per address, one for all requests and a
 * smaller one for analyses (POST /api/analyze and /api/articles run the whole pipeline, the costly part).
 * A refused request gets 429 with `Retry-After`. Buckets of addresses idle for a while are dropped so the
 * table cannot grow without bound.
 */

export interface RateLimits {
  /** Requests per minute per client address (all routes, the web app's files included). */
  requestsPerMinute: number;
  /** Analyses (POSTs that run the pipeline) per minute per client address. */
  analysesPerMinute: number;
}

/** Generous for one analyst's browser (a page view is ~10 requests), tight enough to stop a flood. */
export const DEFAULT_RATE_LIMITS: RateLimits = { requestsPerMinute: 600, analysesPerMinute: 60 };
/** Most client addresses tracked at once; past it, the longest-idle buckets are dropped. */
export const MAX_TRACKED_CLIENTS = 10_000;
const MINUTE_MS = 60_000;

interface Bucket {
  tokens: number;
  updated: number;
}

/** One token bucket per key, refilled continuously at `perMinute`, holding at most `perMinute` tokens. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(perMinute > 0)) throw new RangeError("perMinute must be positive");
  }

  /** Take one token for `key`: 0 when allowed, else the seconds to wait before the next one. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(
        this.perMinute,
        bucket.tokens + ((now - bucket.updated) * this.perMinute) / MINUTE_MS,
      );
      bucket.updated = now;
      // Re-insert so the Map's order stays least-recently-used first.
      this.buckets.delete(key);
    } else {
      bucket = { tokens: this.perMinute, updated: now };
      this.evict();
    }
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * MINUTE_MS) / this.perMinute / 1000));
  }

  get size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    while (this.buckets.size >= MAX_TRACKED_CLIENTS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}
