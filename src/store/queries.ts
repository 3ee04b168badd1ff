/**
 * Reads over the store's public API for `sitrep events` / `sitrep incidents` (issue #5):
 * - `collectEvents` pages through `Store.listEvents` (which returns at most DEFAULT_EVENT_LIMIT rows a call)
 *   for each wanted certainty, so a query can ask for more events than one page and for several certainties;
 * - `ArticleRecords` loads the stored records of the events' articles (each once), then finds a stored event's
 *   EventRecord in them.
 */
import type { AnalysisRecord } from "../analyze/index.js";
import type { EventRecord } from "../core/events.js";
import { DEFAULT_EVENT_LIMIT } from "./rows.js";
import type { EventFilter, Store, StoredArticle, StoredEvent } from "./types.js";

export interface CollectedEvents {
  events: StoredEvent[];
  /** More events matched than `max`. */
  truncated: boolean;
}

/** Newest first, then by row id: the order of `listEvents`. */
function compareEvents(a: StoredEvent, b: StoredEvent): number {
  const da = a.event_date ?? "";
  const db = b.event_date ?? "";
  if (da !== db) return da < db ? 1 : -1;
  return a.id - b.id;
}

/**
 * Up to `max` events matching `filter` with any of `certainties` (null: any certainty), in listEvents order.
 * Reads at most `max + 1` rows per certainty, so `truncated` is exact.
 */
export async function collectEvents(
  store: Store,
  filter: Omit<EventFilter, "limit" | "offset" | "certainty">,
  certainties: readonly string[] | null,
  max: number,
): Promise<CollectedEvents> {
  const out: StoredEvent[] = [];
  for (const certainty of certainties ?? [undefined]) {
    let offset = 0;
    for (;;) {
      const want = Math.min(DEFAULT_EVENT_LIMIT, max + 1 - offset);
      if (want <= 0) break;
      const page = await store.listEvents({ ...filter, certainty, limit: want, offset });
      out.push(...page);
      offset += page.length;
      if (page.length < want) break;
    }
  }
  if (certainties && certainties.length > 1) out.sort(compareEvents);
  return { events: out.slice(0, max), truncated: out.length > max };
}

/** The stored records of a set of articles, each loaded once (`ArticleRecords.load`). */
export class ArticleRecords {
  private constructor(private readonly articles: ReadonlyMap<number, StoredArticle | null>) {}

  /** Load the articles of these events (or these article ids); an article no longer stored reads as null. */
  static async load(store: Store, of: Iterable<StoredEvent | number>): Promise<ArticleRecords> {
    const articles = new Map<number, StoredArticle | null>();
    for (const item of of) {
      const id = typeof item === "number" ? item : item.article_id;
      if (!articles.has(id)) articles.set(id, await store.getArticle(id));
    }
    return new ArticleRecords(articles);
  }

  /** The stored article, or null when it is not stored or was not loaded. */
  article(id: number): StoredArticle | null {
    return this.articles.get(id) ?? null;
  }

  record(id: number): AnalysisRecord | null {
    return this.article(id)?.record ?? null;
  }

  /** The stored event's own EventRecord in its article's current record, or null. */
  eventRecord(event: StoredEvent): EventRecord | null {
    return this.record(event.article_id)?.events.find((e) => e.id === event.event_id) ?? null;
  }
}
