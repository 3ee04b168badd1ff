/**
 * Tags (article:tag, keywords, JSON-LD keywords, rel=tag) and media (images, videos, audio, embeds), trimmed,
 * de-duplicated and capped.
 */
import type { Media } from "../../core/article.js";
import {
  ABSOLUTE_URL,
  EMBED_HOST,
  MAX_MEDIA,
  MAX_TAG_CHARS,
  MAX_TAGS,
  METANAME_AUDIO,
  METANAME_IMAGE,
  METANAME_TAGS,
  METANAME_VIDEO,
} from "./constants.js";
import { type Context, metaValues } from "./context.js";
import { resolveUrl, squish, textOf } from "./dom.js";

const TAG_SEPARATOR = /\s*[,;]\s*/;
/** CMS-internal keywords ("channel_other", "type_news") and bare ids are not tags. */
const INTERNAL_TAG = /_|:\S|^\d+$/;

export function findTags(ctx: Context): string[] {
  const raw = [
    ...metaValues(ctx.metas, METANAME_TAGS).flatMap((v) => v.split(TAG_SEPARATOR)),
    ...ctx.ld.keywords,
    ...ctx.page.links
      .filter((l) => l.element.name === "a" && l.rels.includes("tag"))
      .map((l) => textOf(l.element, MAX_TAG_CHARS)),
  ];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of raw) {
    const tag = squish(value);
    const key = tag.toLowerCase();
    if (
      tag.length === 0 ||
      tag.length > MAX_TAG_CHARS ||
      ABSOLUTE_URL.test(tag) ||
      INTERNAL_TAG.test(tag) ||
      seen.has(key)
    )
      continue;
    seen.add(key);
    tags.push(tag);
    if (tags.length >= MAX_TAGS) break;
  }
  return tags;
}

export function findMedia(ctx: Context): Media[] {
  const { page, metas, ld } = ctx;
  const inScope = page.media.filter((m) => m.inArticle || !page.hasArticleRegion);
  const raw: [Media["type"], string | undefined][] = [
    ...metaValues(metas, METANAME_IMAGE).map((u) => ["image", u] as [Media["type"], string]),
    ...ld.images.map((u) => ["image", u] as [Media["type"], string]),
    ...metaValues(metas, METANAME_VIDEO).map((u) => ["video", u] as [Media["type"], string]),
    ...ld.videos.map((u) => ["video", u] as [Media["type"], string]),
    ...ld.embeds.map((u) => ["embed", u] as [Media["type"], string]),
    ...metaValues(metas, METANAME_AUDIO).map((u) => ["audio", u] as [Media["type"], string]),
    ...inScope.map((m) => [m.type, m.src] as [Media["type"], string]),
  ];
  const seen = new Set<string>();
  const media: Media[] = [];
  for (const [type, value] of raw) {
    const url = resolveUrl(value, ctx.base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    media.push({ type: type !== "image" && EMBED_HOST.test(url) ? "embed" : type, url });
    if (media.length >= MAX_MEDIA) break;
  }
  return media;
}
