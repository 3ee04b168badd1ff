/** Article metadata from the claimed (non-body) units: title, kind, authors, publisher/date, original, tags, media. */
import type { ArticleKind, ArticleMeta, Media, Original } from "../../core/article.js";
import { adjacentTags, type Claimed } from "./claim.js";
import { type Dateline, mediaOf, parseRepublication, splitSiteSuffix, splitTitlePrefix } from "./header.js";

export interface MetaOptions {
  url?: string;
  hints?: { title?: string; published?: string };
}

function pushUnique<T>(list: T[], items: Iterable<T>, key: (t: T) => string): void {
  const seen = new Set(list.map(key));
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    list.push(item);
  }
}

function readTitle(claimed: readonly Claimed[], titleIndex: number, hint: string | undefined) {
  let title: string | null = null;
  let kind: ArticleKind = "article";
  const unit = claimed[titleIndex]?.unit;
  if (unit) {
    const parts = splitTitlePrefix(unit.text);
    title = parts.title;
    if (parts.kind) kind = parts.kind;
  }
  if (hint) {
    title = hint;
    const hinted = splitTitlePrefix(hint).kind;
    if (kind === "article" && hinted) kind = hinted;
  }
  return { title, kind };
}

function siteOf(claimed: readonly Claimed[], titleIndex: number): string | null {
  const unit = claimed[titleIndex]?.unit;
  return unit ? (splitSiteSuffix(unit.text)?.site ?? null) : null;
}

/** Fill the fields of `into` that are still null from `from`. */
function mergeOriginal(into: Original | null, from: Original): Original {
  return {
    publisher: into?.publisher ?? from.publisher,
    published: into?.published ?? from.published,
    url: into?.url ?? from.url,
  };
}

/**
 * Metadata from the claimed units outside the body. Publisher and date come from date lines before the
 * body (a second one naming another publisher is the original of a republication); the original is
 * completed from republication lines anywhere ("The original source of this article is X").
 */
export function collectMeta(
  claimed: readonly Claimed[],
  inBody: readonly boolean[],
  titleIndex: number,
  bodyStart: number,
  options: MetaOptions,
): ArticleMeta {
  const { title, kind } = readTitle(claimed, titleIndex, options.hints?.title);
  const authors: string[] = [];
  const tags: string[] = [];
  const media: Media[] = [];
  const datelines: Dateline[] = [];
  let fromRepublication: Original | null = null;
  for (let i = 0; i < claimed.length; i++) {
    const c = claimed[i] as Claimed;
    for (const u of c.urls ?? []) if (u.media) pushUnique(media, [u.media], (m) => m.url);
    for (const img of c.unit.images) {
      pushUnique(media, [mediaOf(img.url) ?? { type: "image", url: img.url }], (m) => m.url);
    }
    if (inBody[i]) continue;
    if (c.role === "byline" && authors.length === 0 && c.authors) pushUnique(authors, c.authors, (a) => a);
    if ((c.role === "dateline" || c.role === "byline") && c.dateline && i < bodyStart)
      datelines.push(c.dateline);
    if (c.role === "tags" && c.tags) pushUnique(tags, c.tags, (t) => t);
    if (c.role === "linkline" && i < bodyStart && adjacentTags(claimed, i)) {
      pushUnique(
        tags,
        c.unit.links.map((l) => l.text).filter((t) => t.length > 0),
        (t) => t,
      );
    }
    if (c.role === "boilerplate" && c.verdict?.kind === "republication") {
      fromRepublication = mergeOriginal(fromRepublication, parseRepublication(c.unit));
    }
  }
  const [first, ...rest] = datelines;
  const second = rest.find((d) => d.publisher && d.publisher !== first?.publisher);
  let original: Original | null = fromRepublication;
  if (second)
    original = mergeOriginal(
      { publisher: second.publisher, published: second.published, url: null },
      fromRepublication ?? { publisher: null, published: null, url: null },
    );
  if (authors.length === 0 && first) authors.push(...first.authors);
  return {
    title,
    kind,
    authors,
    // a "Title | Site" title names the site when no date line does
    publisher: first?.publisher ?? siteOf(claimed, titleIndex),
    published: options.hints?.published ?? first?.published ?? null,
    original,
    tags,
    media,
    url: options.url ?? null,
  };
}
