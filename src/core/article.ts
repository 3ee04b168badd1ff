/**
 * The article record: what sitrep says about one input document before any event coding.
 * Field names are part of the public output format (README "Output").
 */
import { z } from "zod";

export const BOILERPLATE_KINDS = [
  "navigation",
  "share",
  "donation",
  "related",
  "comments",
  "copyright",
  "disclaimer",
  "contact",
  "ads",
  "newsletter",
  "byline",
  "metadata",
  "title",
  "media",
  "caption",
  "republication",
  "tags",
  "other",
] as const;
export const BoilerplateKind = z.enum(BOILERPLATE_KINDS);
export type BoilerplateKind = z.infer<typeof BoilerplateKind>;

export const ARTICLE_KINDS = [
  "article",
  "video",
  "audio",
  "opinion",
  "analysis",
  "interview",
  "live",
  "press-release",
  "gallery",
] as const;
export const ArticleKind = z.enum(ARTICLE_KINDS);
export type ArticleKind = z.infer<typeof ArticleKind>;

export const RangeSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const Media = z.object({
  type: z.enum(["image", "video", "audio", "embed"]),
  url: z.string(),
});
export type Media = z.infer<typeof Media>;

export const Original = z.object({
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
});
export type Original = z.infer<typeof Original>;

export const Boilerplate = z.object({
  kind: BoilerplateKind,
  text: z.string(),
  /** Why it was removed, in words (e.g. "class contains 'share'", "donation appeal"). */
  reason: z.string().optional(),
  /** Where it was in the input. */
  source: RangeSchema.optional(),
});
export type Boilerplate = z.infer<typeof Boilerplate>;

export const Article = z.object({
  title: z.string().nullable(),
  kind: ArticleKind,
  authors: z.array(z.string()),
  publisher: z.string().nullable(),
  /** ISO 8601 date (YYYY-MM-DD) or date-time. */
  published: z.string().nullable(),
  url: z.string().nullable(),
  original: Original.nullable(),
  /** ISO 639-1 code, or null when it could not be told. */
  language: z.string().nullable(),
  tags: z.array(z.string()),
  media: z.array(Media),
  text: z.string(),
  paragraphs: z.array(RangeSchema),
  boilerplate: z.array(Boilerplate),
});
export type Article = z.infer<typeof Article>;

/** Metadata an extractor may find; the pipeline fills the rest with defaults. */
export type ArticleMeta = Partial<Omit<Article, "text" | "paragraphs" | "boilerplate">>;

export function emptyArticle(): Article {
  return {
    title: null,
    kind: "article",
    authors: [],
    publisher: null,
    published: null,
    url: null,
    original: null,
    language: null,
    tags: [],
    media: [],
    text: "",
    paragraphs: [],
    boilerplate: [],
  };
}
