/**
 * Field-level checks of extractHtmlMetadata over small example pages written for these tests
 * (test/extract/metadata/fixtures/*.html, each labelled as an example).
 */
import { readFileSync } from "node:fs";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { ArticleMeta } from "../../../src/core/article.js";
import { ArticleKind, Media, Original } from "../../../src/core/article.js";
import { extractHtmlMetadata } from "../../../src/extract/metadata/index.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);
/** Parsing 100k nested elements takes htmlparser2 a few seconds on a loaded 2-core machine; extraction ~30 ms. */
const DEEP_PAGE_TIMEOUT_MS = 60_000;

function parse(html: string) {
  return parseDocument(html, { withStartIndices: true, withEndIndices: true });
}

function extractFixture(slug: string, url?: string): ArticleMeta {
  const html = readFileSync(new URL(`${slug}.html`, FIXTURES), "utf8");
  return extractHtmlMetadata(parse(html), url === undefined ? {} : { url });
}

interface PageCase {
  slug: string;
  url?: string;
  expected: ArticleMeta;
  /** Fields that must stay undefined. */
  absent?: (keyof ArticleMeta)[];
}

const PAGES: PageCase[] = [
  {
    slug: "wordpress-graph",
    expected: {
      title: "Town council approves new flood budget",
      kind: "article",
      authors: ["Jane Doe"],
      publisher: "Riverside Gazette",
      published: "2021-03-09T18:04:11Z",
      url: "https://riverside-gazette.example/2021/03/09/town-council-flood-budget/",
      language: "en",
      tags: ["Flooding", "Town Council", "budget"],
      media: [
        { type: "image", url: "https://riverside-gazette.example/wp-content/uploads/2021/03/council.jpg" },
      ],
    },
    absent: ["original"],
  },
  {
    slug: "news-graph-multi-author",
    expected: {
      title: "Ceasefire talks resume in border town",
      kind: "article",
      authors: ["Amira Haddad", "Tom O'Neill"],
      publisher: "The Daily Example",
      published: "2022-06-14T09:30:00+01:00",
      url: "https://daily.example.co.uk/world/2022/jun/14/ceasefire-talks-resume",
      language: "en",
      tags: ["ceasefire", "diplomacy", "Border Region", "talks"],
      media: [
        { type: "image", url: "https://cdn.daily.example.co.uk/img/talks-1200.jpg" },
        { type: "image", url: "https://cdn.daily.example.co.uk/img/talks-600.jpg" },
      ],
    },
  },
  {
    slug: "opengraph-only",
    url: "https://diario-ejemplo.example.es/portada",
    expected: {
      title: "Lluvias torrenciales dejan tres heridos en la costa",
      kind: "article",
      publisher: "Diario Ejemplo",
      published: "2023-10-02T07:15:00+02:00",
      url: "https://diario-ejemplo.example.es/sociedad/lluvias-costa-123.html",
      language: "es",
      tags: ["Lluvias", "Costa"],
      media: [{ type: "image", url: "https://diario-ejemplo.example.es/img/lluvias.jpg" }],
    },
    absent: ["authors"],
  },
  {
    slug: "video-page",
    url: "https://example-news.tv/watch/flood-old-town",
    expected: {
      title: "Video: Floodwaters rise in the old town",
      kind: "video",
      publisher: "Example News Network",
      published: "2022-01-15T16:45:00Z",
      media: [
        { type: "image", url: "https://media.example-news.tv/thumbs/flood.jpg" },
        { type: "video", url: "https://media.example-news.tv/clips/flood-old-town.mp4" },
        { type: "embed", url: "https://www.youtube.com/embed/abcDEF12345" },
        { type: "video", url: "https://example-news.tv/clips/flood-old-town-720.mp4" },
      ],
    },
  },
  {
    slug: "opinion-page",
    expected: {
      title: "Why the city must rethink its bus lanes",
      kind: "opinion",
      authors: ["Priya Raman"],
      publisher: "The Metro Example",
      published: "2020-12-20",
    },
  },
  {
    slug: "analysis-by-section",
    expected: {
      title: "Ce que change la réforme des retraites",
      kind: "analysis",
      publisher: "Le Quotidien Exemple",
      published: "2023-03-03T10:05:00",
      language: "fr",
      tags: ["retraites", "réforme", "économie"],
    },
    absent: ["authors"],
  },
  {
    slug: "republished-conversation",
    expected: {
      title: "Why coastal wetlands matter more than ever",
      authors: ["Lena Okafor"],
      publisher: "Example Science Daily",
      url: "https://science-daily.example.com/wetlands-matter",
      original: {
        publisher: "The Conversation",
        url: "https://theconversation.example/why-coastal-wetlands-matter-123456",
        published: null,
      },
    },
  },
  {
    slug: "republished-originally",
    url: "https://labourreport.example/2021/03/mine-strike",
    expected: {
      title: "Mine workers strike over safety",
      publisher: "Example Labour Report",
      published: "2021-03-05T10:00:00Z",
      original: { publisher: "Example Wire", url: null, published: "2021-03-03" },
    },
  },
  {
    slug: "syndication-link",
    expected: {
      publisher: "Aggregator Example",
      published: "2022-07-02T08:00:00Z",
      original: {
        publisher: "Origin News",
        url: "https://origin-news.example.org/2022/07/drought-wheat",
        published: "2022-07-01T18:00:00Z",
      },
    },
  },
  {
    slug: "portuguese-page",
    url: "https://jornal-exemplo.example.br/cidades/chuvas",
    expected: {
      title: "Chuvas deixam 200 desalojados no interior",
      kind: "article",
      authors: ["João Silva", "Maria Souza"],
      publisher: "Jornal Exemplo",
      published: "2020-12-20T14:30:00",
      language: "pt",
    },
  },
  {
    slug: "broken-json-ld",
    url: "https://ports.example.org/strike",
    expected: {
      title: "Port strike enters second week",
      authors: ["Sam Carter"],
      publisher: "ports.example.org",
      published: "2021-11-08T06:00:00-05:00",
      url: "https://ports.example.org/strike",
    },
  },
  {
    slug: "no-metadata",
    url: "https://www.example.com/news/2021/story",
    expected: { publisher: "example.com", url: "https://www.example.com/news/2021/story" },
    absent: ["title", "kind", "authors", "published", "language", "tags", "media", "original"],
  },
  {
    slug: "multi-author-byline",
    url: "https://valley-times.example/health/pay-deal",
    expected: {
      title: "Hospital workers win pay deal",
      authors: ["Jane Doe", "John Roe", "Ana Lima"],
      published: "2020-12-19T09:15:00-05:00",
    },
    absent: ["language"],
  },
  {
    slug: "live-blog",
    expected: {
      title: "Bushfire emergency: live updates",
      kind: "live",
      published: "2020-01-04T06:00:00+11:00",
      language: "en",
      tags: ["bushfires", "NSW", "evacuations"],
    },
  },
  {
    slug: "modified-before-published",
    expected: { published: "2019-05-20T22:10:00+02:00", kind: "article" },
  },
  {
    slug: "press-release",
    expected: {
      title: "Example Corp announces new plant",
      kind: "press-release",
      publisher: "Example Corp Newsroom",
      published: "2020-12-20T10:00:00Z",
    },
  },
  {
    slug: "microdata",
    expected: {
      title: "Hochwasser: Pegel steigt weiter",
      authors: ["Klaus Becker"],
      published: "2021-07-15T07:30:00+02:00",
      language: "de",
    },
  },
  {
    slug: "media-embeds",
    url: "https://example-radio.org/shows/week-in-climate",
    expected: {
      kind: "audio",
      publisher: "Example Radio",
      media: [
        { type: "image", url: "https://cdn.example-radio.org/art/week.png" },
        { type: "audio", url: "https://example-radio.org/audio/week-in-climate.mp3" },
        { type: "embed", url: "https://player.vimeo.com/video/123456789" },
      ],
    },
  },
  {
    slug: "fragment-no-head",
    expected: { title: "Bridge reopens after repairs", authors: ["Carlos Mendes"], published: "2024-02-29" },
    absent: ["publisher", "url", "language"],
  },
];

describe("extractHtmlMetadata", () => {
  it.each(PAGES)("metadata: reads the example page $slug", ({ slug, url, expected, absent }) => {
    const meta = extractFixture(slug, url);
    expect(meta).toMatchObject(expected);
    for (const field of absent ?? []) expect(meta[field], field).toBeUndefined();
  });

  it.each(PAGES)("metadata: $slug output fits the Article schema", ({ slug, url }) => {
    const meta = extractFixture(slug, url);
    if (meta.kind !== undefined) expect(ArticleKind.safeParse(meta.kind).success).toBe(true);
    if (meta.original) expect(Original.safeParse(meta.original).success).toBe(true);
    for (const media of meta.media ?? []) expect(Media.safeParse(media).success).toBe(true);
    for (const value of Object.values(meta)) expect(value).not.toBeNull();
  });

  it.each([
    ["an empty document", ""],
    ["plain text", "just some words"],
    ["unclosed tags", "<html><head><meta property='og:title' content='x'><title>"],
    [
      "a script that is not JSON-LD",
      "<script>var x = {</script><script type='application/ld+json'></script>",
    ],
    ["JSON-LD that is a bare string", "<script type='application/ld+json'>\"hello\"</script>"],
    [
      "JSON-LD with a cyclic-looking @id web",
      `<script type="application/ld+json">{"@graph":[{"@id":"a","@type":"NewsArticle","author":{"@id":"a"},"publisher":{"@id":"a"}}]}</script>`,
    ],
    ["attributes without values", "<meta property><link rel=canonical><time datetime>"],
  ])("metadata: never throws on %s", (_label, html) => {
    expect(() => extractHtmlMetadata(parse(html), { url: "not a url" })).not.toThrow();
  });

  it(
    "metadata: walks a 100k-deep nesting without overflowing the stack",
    () => {
      const depth = 100_000;
      const html = `<html lang="en"><head><title>Deep page</title></head><body>${"<div>".repeat(depth)}<p class="byline">By Dana Deepwell</p>${"</div>".repeat(depth)}</body></html>`;
      const meta = extractHtmlMetadata(parse(html));
      expect(meta).toMatchObject({ title: "Deep page", language: "en", authors: ["Dana Deepwell"] });
    },
    DEEP_PAGE_TIMEOUT_MS,
  );

  it.each([
    [
      "og:title wins over <title> with a suffix",
      `<title>Storm hits coast | Coastal Example</title><meta property="og:title" content="Storm hits coast">`,
      "Storm hits coast",
    ],
    [
      "site prefix is stripped",
      `<meta property="og:site_name" content="Coastal Example"><title>Coastal Example: Storm hits coast</title>`,
      "Storm hits coast",
    ],
    [
      "site suffix after a dash is stripped",
      `<meta property="og:site_name" content="Coastal Example"><title>Storm hits coast - Coastal Example</title>`,
      "Storm hits coast",
    ],
    [
      "a dash inside the headline stays",
      `<title>Covid-19 - what we know so far</title>`,
      "Covid-19 - what we know so far",
    ],
    [
      "a short suffix after a pipe is stripped",
      `<title>Storm hits the northern coast overnight | Weather</title>`,
      "Storm hits the northern coast overnight",
    ],
    [
      "the agreeing headline wins over a lone h1",
      `<meta property="og:title" content="Storm hits coast"><title>Storm hits coast</title><h1>Subscribe now</h1>`,
      "Storm hits coast",
    ],
    [
      "a headline starting with the site's name stays",
      `<meta property="og:site_name" content="The Guardian"><meta property="og:title" content="The Guardian view on ports: a fragile recovery | Editorial">`,
      "The Guardian view on ports: a fragile recovery",
    ],
  ])("metadata: title — %s", (_label, html, title) => {
    expect(extractHtmlMetadata(parse(html)).title).toBe(title);
  });

  it.each([
    ["html lang", `<html lang="EN-us"><p>x</p></html>`, "en"],
    ["http-equiv content-language", `<meta http-equiv="content-language" content="it-IT">`, "it"],
    ["og:locale with underscore", `<meta property="og:locale" content="pt_BR">`, "pt"],
    [
      "JSON-LD inLanguage",
      `<script type="application/ld+json">{"@type":"NewsArticle","inLanguage":"ru-RU"}</script>`,
      "ru",
    ],
    ["nothing declared", `<p>x</p>`, undefined],
  ])("metadata: language from %s", (_label, html, language) => {
    expect(extractHtmlMetadata(parse(html)).language).toBe(language);
  });

  it.each([
    [
      "a profile URL in meta author gives no name",
      `<meta name="author" content="https://example.com/people/jdoe">`,
      undefined,
    ],
    [
      "JSON-LD persons win over organisations",
      `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Organization","name":"Wire Example"},{"@type":"Person","name":"Lee Chan"}]}</script>`,
      ["Lee Chan"],
    ],
    [
      "an organisation author is kept when it is all there is",
      `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Wire Example"}}</script>`,
      ["Wire Example"],
    ],
    ["rel=author link text", `<p>By <a rel="author" href="/u/kim">Kim Park</a></p>`, ["Kim Park"]],
    [
      "the site name as meta author is dropped",
      `<meta property="og:site_name" content="Coastal Example"><meta name="author" content="Coastal Example">`,
      undefined,
    ],
  ])("metadata: authors — %s", (_label, html, authors) => {
    expect(extractHtmlMetadata(parse(html)).authors).toEqual(authors);
  });

  it.each([
    [
      "a passing mention in prose is not a notice",
      `<p>The virus first appeared in West Michigan at the end of August, officials said.</p>`,
      undefined,
    ],
    [
      "a notice naming the site itself is not a republication",
      `<meta property="og:site_name" content="Valley Example Times"><p>This story was originally published by Valley Example Times on May 2, 2020.</p>`,
      undefined,
    ],
    [
      "a notice that opens its block",
      `<p>Originally published at Harbour Example Post. Reprinted with permission.</p>`,
      { publisher: "Harbour Example Post", url: null, published: null },
    ],
    [
      "meta original-source with a URL",
      `<meta name="original-source" content="https://first.example.org/story/9">`,
      { publisher: null, url: "https://first.example.org/story/9", published: null },
    ],
  ])("metadata: original — %s", (_label, html, original) => {
    expect(extractHtmlMetadata(parse(html), { url: "https://valley-times.example/story" }).original).toEqual(
      original,
    );
  });

  it("metadata: drops CMS-internal keywords from tags", () => {
    const html = `<meta name="keywords" content="Flooding, channel_other, source:tagname:Wire, 12345, Coty Inc">`;
    expect(extractHtmlMetadata(parse(html)).tags).toEqual(["Flooding", "Coty Inc"]);
  });

  it("metadata: caps tags and de-duplicates them case-insensitively", () => {
    const keywords = Array.from({ length: 40 }, (_, i) => `topic ${i}`).join(", ");
    const html = `<meta name="keywords" content="Alpha, alpha, ALPHA, ${keywords}">`;
    const tags = extractHtmlMetadata(parse(html)).tags ?? [];
    expect(tags[0]).toBe("Alpha");
    expect(tags.filter((t) => t.toLowerCase() === "alpha")).toHaveLength(1);
    expect(tags.length).toBeLessThanOrEqual(20);
  });
});
