/**
 * Knobs and name sets for HTML metadata extraction. Meta keys are lower-cased `property`, `name`,
 * `itemprop` or `http-equiv` values; each set lists them in order of preference.
 */
import type { ArticleKind } from "../../core/article.js";

// ── meta names, in order of preference ──────────────────────────────────────────────────────────────
export const METANAME_TITLE = [
  "og:title",
  "twitter:title",
  "title",
  "dc.title",
  "dcterms.title",
  "sailthru.title",
  "parsely-title",
  "headline",
] as const;
export const METANAME_AUTHOR = [
  "author",
  "article:author",
  "og:article:author",
  "dc.creator",
  "dcterms.creator",
  "sailthru.author",
  "parsely-author",
  "byl",
  "citation_author",
] as const;
export const METANAME_PUBLISHED = [
  "article:published_time",
  "og:article:published_time",
  "article:published",
  "datepublished",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "published_time",
  "published-date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.date",
  "sailthru.date",
  "parsely-pub-date",
  "article.published",
  "original-publish-date",
  "citation_publication_date",
  "displaydate",
  "release_date",
] as const;
export const METANAME_SITE_NAME = ["og:site_name"] as const;
export const METANAME_PUBLISHER = [
  "application-name",
  "publisher",
  "dc.publisher",
  "dcterms.publisher",
] as const;
export const METANAME_URL = ["og:url", "twitter:url"] as const;
export const METANAME_LANGUAGE = [
  "content-language",
  "language",
  "dc.language",
  "dcterms.language",
  "og:locale",
  "inlanguage",
] as const;
export const METANAME_TAGS = [
  "article:tag",
  "og:article:tag",
  "news_keywords",
  "keywords",
  "parsely-tags",
  "sailthru.tags",
  "dc.subject",
] as const;
export const METANAME_SECTION = [
  "article:section",
  "og:article:section",
  "section",
  "parsely-section",
  "articlesection",
] as const;
export const METANAME_TYPE = ["og:type"] as const;
export const METANAME_IMAGE = [
  "og:image",
  "og:image:url",
  "og:image:secure_url",
  "twitter:image",
  "twitter:image:src",
  "thumbnailurl",
] as const;
export const METANAME_VIDEO = [
  "og:video",
  "og:video:url",
  "og:video:secure_url",
  "twitter:player:stream",
] as const;
export const METANAME_AUDIO = ["og:audio", "og:audio:url", "og:audio:secure_url"] as const;
export const METANAME_ORIGINAL = [
  "original-source",
  "syndication-source",
  "dc.source",
  "dcterms.source",
] as const;

/** `rel` values on <link>/<a> naming where a republished article first ran. */
export const REL_ORIGINAL = new Set(["original-source", "syndication-source"]);

// ── JSON-LD types ───────────────────────────────────────────────────────────────────────────────────
/** schema.org types that describe the article itself, with the kind each implies (null: plain article). */
export const JSONLD_ARTICLE_TYPES: ReadonlyMap<string, ArticleKind | null> = new Map([
  ["NewsArticle", null],
  ["Article", null],
  ["ReportageNewsArticle", "article"],
  ["BlogPosting", null],
  ["SocialMediaPosting", null],
  ["Report", null],
  ["ScholarlyArticle", null],
  ["TechArticle", null],
  ["AskPublicNewsArticle", null],
  ["OpinionNewsArticle", "opinion"],
  ["AnalysisNewsArticle", "analysis"],
  ["BackgroundNewsArticle", "analysis"],
  ["ReviewNewsArticle", "opinion"],
  ["LiveBlogPosting", "live"],
]);
/** Media types that describe the page when no article type does. */
export const JSONLD_MEDIA_TYPES: ReadonlyMap<string, ArticleKind> = new Map([
  ["VideoObject", "video"],
  ["AudioObject", "audio"],
  ["PodcastEpisode", "audio"],
  ["ImageGallery", "gallery"],
  ["MediaGallery", "gallery"],
]);
export const JSONLD_PERSON_TYPES = new Set(["Person"]);
export const JSONLD_WEBSITE_TYPES = new Set(["WebSite", "NewsMediaOrganization", "Organization"]);

// ── kind signals ────────────────────────────────────────────────────────────────────────────────────
/** article:section values (whole, case-insensitive) → kind. */
export const SECTION_KIND_PATTERNS: readonly (readonly [RegExp, ArticleKind])[] = [
  [
    /^(?:opinions?|comment(?:ary|s)?|op-?eds?|editorials?|columns?|columnists?|opinião|opinion y análisis|meinung)$/i,
    "opinion",
  ],
  [/^(?:analysis|análise|análisis|analyse)$/i, "analysis"],
  [/^(?:videos?|vídeos?|watch)$/i, "video"],
  [/^(?:podcasts?|audio|listen)$/i, "audio"],
  [/^(?:galler(?:y|ies)|photos?|in pictures|fotos?|pictures)$/i, "gallery"],
  [/^(?:live|live blogs?|ao vivo|en directo)$/i, "live"],
  [/^(?:interviews?|entrevistas?|q&a)$/i, "interview"],
  [/^(?:press releases?|news releases?|comunicados?)$/i, "press-release"],
];
/** Title prefixes that state the kind ("Video: …", "WATCH: …", "Opinion | …"). */
export const TITLE_KIND_PATTERNS: readonly (readonly [RegExp, ArticleKind])[] = [
  [/^(?:video|watch|vídeo)\s*[:|]/i, "video"],
  [/^(?:opinion|op-ed|comment|editorial|opinião)\s*[:|]/i, "opinion"],
  [/^analysis\s*[:|]/i, "analysis"],
  [/^(?:live(?: updates?| blog)?|as it happened)\s*[:|]/i, "live"],
  [/^(?:interview|q&a|entrevista)\s*[:|]/i, "interview"],
  [/^(?:in pictures|photos|gallery)\s*[:|]/i, "gallery"],
  [/^(?:podcast|listen|audio)\s*[:|]/i, "audio"],
  [/^press release\s*[:|]/i, "press-release"],
];
/** og:type values → kind ("video.other", "video.episode" …). */
export const OG_TYPE_KIND_PATTERNS: readonly (readonly [RegExp, ArticleKind])[] = [
  [/^video(?:\.|$)/i, "video"],
  [/^music(?:\.|$)|^audio$/i, "audio"],
];
/** URL path segments that state the kind; the weakest signal, used last. */
export const URL_KIND_PATTERNS: readonly (readonly [RegExp, ArticleKind])[] = [
  [/\/(?:opinions?|commentisfree|op-?eds?)\//i, "opinion"],
  [/\/videos?\//i, "video"],
];
/** og:type values that say the page is an article. */
export const OG_ARTICLE_TYPE = /^article$|^news/i;

// ── page regions ────────────────────────────────────────────────────────────────────────────────────
/** class/id of elements holding a byline or author name. */
export const BYLINE_CLASS = /byline|author|autor|by-line|writer|contributor|reporter/i;
/** class/id of byline-ish elements that are not the name (pictures, biographies, social links). */
export const BYLINE_CLASS_EXCLUDED =
  /avatar|image|img|photo|pic|bio|desc|about|social|follow|more|email|twitter/i;
/** class/id of elements holding a visible publication date. */
export const DATE_CLASS = /date|time|publish|publica|posted|dateline|fecha|datum|\bdata\b/i;
export const DATE_CLASS_EXCLUDED = /updat|modif|edit|timeline|runtime|read-?time|reading/i;
/** class/id of regions whose bylines and dates belong to other articles or to comments. */
export const BOILERPLATE_CLASS =
  /(?:^|[\s_-])(?:related|recommend\w*|sidebar|comments?|footer|nav|navbar|menu|promo|trending|popular|most-?read|outbrain|taboola|more-stories|teaser)(?:$|[\s_-])/i;
export const BOILERPLATE_TAGS = new Set(["nav", "footer", "aside", "form"]);
/** Elements that mark the article region. */
export const ARTICLE_TAGS = new Set(["article", "main"]);
export const ARTICLE_ITEMPROPS = new Set(["articlebody", "mainentity"]);
/** Block elements that bound a republication notice. */
export const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "footer",
  "aside",
  "li",
  "blockquote",
  "td",
  "article",
  "figcaption",
]);
/** How far up from a matching text node to look for its block. */
export const MAX_BLOCK_CLIMB = 4;

// ── shared patterns ─────────────────────────────────────────────────────────────────────────────────
/** An absolute or protocol-relative URL. */
export const ABSOLUTE_URL = /^(?:https?:)?\/\//i;
/** Video hosts whose iframes and URLs are embeds. */
export const EMBED_HOST = /(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com)\//i;
export const WWW_PREFIX = /^www\d?\./;

// ── limits ──────────────────────────────────────────────────────────────────────────────────────────
/** Candidates of each kind kept from the single DOM pass; real pages need a handful. */
export const MAX_CANDIDATES = 16;
/** Values kept per meta name (og:title, article:tag…): more than any field reads (MAX_TAGS, MAX_MEDIA). */
export const MAX_META_VALUES = 64;
export const MAX_TAGS = 20;
export const MAX_MEDIA = 20;
export const MAX_AUTHORS = 10;
/** Longest text accepted as a byline element (longer means it holds a biography or more). */
export const MAX_BYLINE_CHARS = 200;
/** Longest text accepted as a visible date element. */
export const MAX_DATE_TEXT_CHARS = 120;
/** Longest republication notice read. */
export const MAX_NOTICE_CHARS = 600;
export const MAX_TAG_CHARS = 60;
export const MAX_TITLE_CHARS = 400;
/** A title suffix/prefix ("… | Site") is stripped only when it is at most this many words. */
export const MAX_SITE_SUFFIX_WORDS = 5;
export const MAX_JSONLD_NODES = 500;
export const MAX_JSONLD_DEPTH = 6;

// ── republication ───────────────────────────────────────────────────────────────────────────────────
/** Cheap test run on every text node to find republication notices. */
export const REPUBLICATION_HINT =
  /originally (?:published|appeared|ran|posted)|republished|first (?:published|appeared)|original source of this|reprinted (?:with permission )?from|publicado originalmente|originalmente publicad/i;
/** Notice forms; group "source" holds the publisher (or a date), "date" a trailing date. */
export const REPUBLICATION_PATTERNS: readonly RegExp[] = [
  /(?:originally|first) (?:published|appeared|ran|posted)(?: (?:on|in|by|at|with))? (?<source>.+)/i,
  /the original source of this (?:article|story|post) is (?<source>.+)/i,
  /(?:is |was )?republished (?:with permission )?(?:from|by|courtesy of) (?<source>.+)/i,
  /reprinted (?:with permission )?from (?<source>.+)/i,
  /(?:publicado originalmente|originalmente publicad[oa]) (?:em|no|na|por|pelo|pela) (?<source>.+)/i,
];
/** Where the publisher name inside a notice ends. */
export const NOTICE_SOURCE_END =
  /\s+(?:under|with permission|and (?:is|was|has been)|as part|on\s+(?=\p{Lu}|\d)|in\s+(?=\d)|read the|original article|,\s)|[.;(]\s|[.;]$|\s[-–—|]\s/u;
export const ORIGINAL_ARTICLE_LINK =
  /original (?:article|story|post|piece|version)|read (?:it|more) (?:here|at)|here/i;
