/**
 * fast-check arbitraries for the property tests of the parsers that take outside input: news-like prose,
 * HTML-like trees (nested tags, attributes, entities, scripts, JSON-LD, broken markup), feeds, WARC records and
 * JSON Lines, plus random chunkings of a byte stream. Built from pieces of real-looking input rather than only
 * random strings, so that the parsers' interesting paths (dates, counts, bylines, boilerplate) are reached.
 */
import fc from "fast-check";

// ---------------------------------------------------------------------------------------------------------
// Prose

/** Pieces of news prose that reach the date, count, actor, place and attribution paths. */
const NEWS_PIECES = [
  "Gunmen",
  "killed",
  "at least",
  "more than",
  "dozens of",
  "a dozen",
  "three",
  "3",
  "1,200",
  "2.5",
  "40 km",
  "25 miles",
  "soldiers",
  "civilians",
  "were wounded",
  "protesters",
  "police said",
  "according to officials",
  "the army claimed",
  "denied",
  "on Monday",
  "last week",
  "two days ago",
  "less than a week ago",
  "between 3 and 5 May",
  "from 2011 to 2014",
  "on 12 March 2019",
  "31 February",
  "December 2020",
  "in 2017",
  "since 1999",
  "at 5 pm",
  "Raqqa",
  "Kharkiv",
  "Gao",
  "Menaka",
  "Bokkos",
  "Tumaco",
  "Syria",
  "Mali",
  "al-Shabaab",
  "Hezbollah",
  "Iranian-backed forces",
  "pro-Israeli sources",
  "Gen.",
  "U.S.",
  "Mr.",
  "J.",
  "St.",
  "km",
  "Nariño",
  "Đà Nẵng",
  "Ménaka",
  "حلب",
  "Харків",
  "東京",
  "👍",
  "\u200d",
  "\u202e",
  "e\u0301",
  "\u00a0",
  "—",
  "’s",
  '"',
  "“",
  "”",
  "(",
  ")",
  "[",
  "]",
  ",",
  ";",
  ":",
  ".",
  "!",
  "?",
  "...",
  "\n",
  "\n\n",
  "\t",
  "\r\n",
  "http://example.org/video/18.12.20_IMR.mp4",
  "Share on Facebook",
  "© 2024 Example News",
  "Advertisement",
  "By Jane Example",
  "Reuters",
] as const;

/** A random string of any code points (no lone surrogates), control characters included. */
export const anyText = fc.string({ unit: "binary", maxLength: 200 });

/** News-like prose: pieces of real reports, random words and random code points, joined by spaces or not. */
export const newsText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...NEWS_PIECES) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.integer({ min: -5, max: 3_000_000 }).map(String) },
    ),
    { maxLength: 80 },
  )
  .chain((pieces) =>
    fc
      .array(fc.constantFrom(" ", " ", " ", "", ". ", "\n"), {
        minLength: pieces.length,
        maxLength: pieces.length,
      })
      .map((seps) => pieces.map((p, i) => `${p}${seps[i]}`).join("")),
  );

const SUBJECTS = [
  "Gunmen",
  "Militants",
  "Police",
  "Soldiers",
  "Hezbollah fighters",
  "Protesters",
  "Russian forces",
  "Unidentified attackers",
  "The army",
] as const;
const VERBS = [
  "killed",
  "attacked",
  "shelled",
  "wounded",
  "clashed with",
  "abducted",
  "fired tear gas at",
  "did not kill",
  "may attack",
  "denied attacking",
] as const;
const COUNTS = [
  "three",
  "at least 12",
  "dozens of",
  "more than 1,000",
  "two",
  "no",
  "a dozen",
  "5",
  "up to 40",
] as const;
const OBJECTS = [
  "civilians",
  "soldiers",
  "villagers",
  "protesters",
  "a checkpoint",
  "an army post",
  "police officers",
  "fighters",
] as const;
const WHERE = [
  "near Gao",
  "in Raqqa",
  "40 km east of Menaka",
  "in Kharkiv",
  "in northern Mali",
  "outside Nairobi",
  "in the village of Hazima",
  "",
] as const;
const WHEN = [
  "on Monday",
  "last week",
  "on 12 March 2019",
  "two days ago",
  "between 3 and 5 May",
  "in 2017",
  "",
] as const;
const SOURCES = [
  "police said",
  "the army claimed",
  "according to witnesses",
  "officials denied",
  "a spokesman told reporters",
  "residents said",
  "",
] as const;

/** A sentence shaped like an event report: who did what to how many of whom, where, when, who says so. */
export const newsSentence: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...SUBJECTS),
    fc.constantFrom(...VERBS),
    fc.constantFrom(...COUNTS),
    fc.constantFrom(...OBJECTS),
    fc.constantFrom(...WHERE),
    fc.constantFrom(...WHEN),
    fc.constantFrom(...SOURCES),
  )
  .map((parts) => {
    const [subject, verb, count, object, where, when, source] = parts;
    const clause = [subject, verb, count, object, where, when].filter((p) => p.length > 0).join(" ");
    return source ? `${clause}, ${source}.` : `${clause}.`;
  });

/** A short report: paragraphs of event sentences, with prose noise between them. */
export const newsReport: fc.Arbitrary<string> = fc
  .array(
    fc.array(fc.oneof({ weight: 3, arbitrary: newsSentence }, { weight: 1, arbitrary: newsText }), {
      minLength: 1,
      maxLength: 4,
    }),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .map((paragraphs) => paragraphs.map((sentences) => sentences.join(" ")).join("\n\n"));

/** Prose, a report, or any string. */
export const textInput = fc.oneof(
  { weight: 3, arbitrary: newsText },
  { weight: 2, arbitrary: newsReport },
  { weight: 1, arbitrary: anyText },
);

// ---------------------------------------------------------------------------------------------------------
// HTML-like trees

const TAGS = [
  "html",
  "head",
  "body",
  "title",
  "meta",
  "div",
  "p",
  "span",
  "a",
  "b",
  "i",
  "em",
  "strong",
  "br",
  "img",
  "h1",
  "h2",
  "h3",
  "ul",
  "ol",
  "li",
  "table",
  "tr",
  "td",
  "article",
  "main",
  "section",
  "header",
  "footer",
  "nav",
  "aside",
  "figure",
  "figcaption",
  "time",
  "blockquote",
  "pre",
  "form",
  "button",
  "svg",
  "math",
  "template",
  "noscript",
  "iframe",
  "textarea",
  "select",
  "option",
  "font",
  "center",
  "x-widget",
] as const;

const ATTRIBUTE_NAMES = [
  "class",
  "id",
  "itemprop",
  "property",
  "name",
  "content",
  "href",
  "src",
  "rel",
  "style",
  "hidden",
  "aria-hidden",
  "role",
  "lang",
  "datetime",
  "charset",
  "type",
  "http-equiv",
  "data-x",
] as const;

const ATTRIBUTE_VALUES = [
  "article-body",
  "story",
  "content",
  "byline",
  "author",
  "share",
  "social",
  "related",
  "comments",
  "footer",
  "nav",
  "ad",
  "advertisement",
  "hidden",
  "display:none",
  "visibility:hidden",
  "og:title",
  "og:url",
  "og:type",
  "article:published_time",
  "datePublished",
  "author",
  "articleBody",
  "2024-05-06T18:20:00Z",
  "2024-13-45",
  "https://example.org/a?utm_source=x#frag",
  "//cdn.example/img.jpg",
  "javascript:alert(1)",
  "application/ld+json",
  "text/html; charset=windows-1251",
  "utf-16",
  "true",
  "",
] as const;

const ENTITIES = [
  "&amp;",
  "&lt;",
  "&gt;",
  "&quot;",
  "&nbsp;",
  "&eacute;",
  "&#233;",
  "&#x1F600;",
  "&#0;",
  "&#xD800;",
  "&#1114112;",
  "&bogus;",
  "&",
  "&amp",
  "&#",
] as const;

const attributeValue = fc.oneof(
  fc.constantFrom(...ATTRIBUTE_VALUES),
  fc.string({ unit: "grapheme-ascii", maxLength: 20 }),
);

const attribute = fc
  .tuple(fc.constantFrom(...ATTRIBUTE_NAMES), attributeValue, fc.constantFrom('"', "'", ""))
  .map(([name, value, quote]) => (quote ? ` ${name}=${quote}${value}${quote}` : ` ${name}=${value}`));

/** A JSON-LD payload: schema.org-like objects, random JSON values, and broken JSON. */
export const jsonLd: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .record({
      "@context": fc.constant("https://schema.org"),
      "@type": fc.oneof(
        fc.constantFrom("NewsArticle", "Article", "VideoObject", "WebPage", "Person", "LiveBlogPosting"),
        fc.array(fc.constantFrom("NewsArticle", "ReportageNewsArticle", "Thing"), { maxLength: 3 }),
        fc.jsonValue({ maxDepth: 1 }),
      ),
      headline: fc.oneof(newsText, fc.jsonValue({ maxDepth: 2 })),
      datePublished: fc.oneof(
        fc.constantFrom("2024-05-06", "yesterday", "", "2024-02-31T25:61:00Z"),
        anyText,
      ),
      author: fc.oneof(
        fc.record({
          "@type": fc.constant("Person"),
          name: fc.oneof(newsText, fc.jsonValue({ maxDepth: 1 })),
        }),
        fc.array(fc.oneof(newsText, fc.record({ name: newsText })), { maxLength: 4 }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      publisher: fc.jsonValue({ maxDepth: 2 }),
      image: fc.jsonValue({ maxDepth: 2 }),
      "@graph": fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
      "@id": fc.oneof(fc.constant("#main"), anyText),
      mainEntity: fc.jsonValue({ maxDepth: 3 }),
    })
    .map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => `<!--${JSON.stringify(v)},\n\t}-->`),
  anyText,
);

type HtmlNode = string;

/** HTML-like markup: nested elements with attributes, text with entities, scripts, comments and breakage. */
export const htmlFragment: fc.Arbitrary<string> = fc.letrec<{ node: HtmlNode; nodes: HtmlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: newsText },
    {
      weight: 2,
      arbitrary: newsReport.map((report) =>
        report
          .split("\n\n")
          .map((p) => `<p>${p}</p>`)
          .join(""),
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...ENTITIES) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...TAGS),
          fc.array(attribute, { maxLength: 3 }),
          tie("nodes"),
          fc.constantFrom("close", "close", "close", "unclosed", "self-closing", "stray-close"),
        )
        .map(([tag, attrs, inner, ending]) => {
          const open = `<${tag}${attrs.join("")}${ending === "self-closing" ? "/" : ""}>`;
          if (ending === "unclosed") return `${open}${inner}`;
          if (ending === "stray-close") return `${open}${inner}</${tag}></${tag}></div>`;
          return `${open}${inner}</${tag}>`;
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("script", "style"), fc.oneof(anyText, newsText))
        .map(([tag, body]) => `<${tag}>${body}</${tag}>`),
    },
    { weight: 1, arbitrary: jsonLd.map((json) => `<script type="application/ld+json">${json}</script>`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...ATTRIBUTE_VALUES), fc.oneof(newsText, attributeValue))
        .map(
          ([property, content]) =>
            `<meta property="${property}" content="${content.replace(/"/g, "&quot;")}">`,
        ),
    },
    { weight: 1, arbitrary: anyText.map((t) => `<!--${t}-->`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "<!--",
        "<![CDATA[x]]>",
        "<!doctype html>",
        "</html>",
        "</body>",
        "<p",
        "<a href='",
        "<",
        ">",
        "</>",
        "<?xml version='1.0'?>",
        "<br/>",
        "<img src=x onerror=alert(1)>",
      ),
    },
  ),
  nodes: fc.array(tie("node"), { maxLength: 5 }).map((parts) => parts.join("")),
})).nodes;

/** A whole page: sometimes wrapped in html/head/body, sometimes a bare fragment. */
export const htmlPage: fc.Arbitrary<string> = fc
  .tuple(htmlFragment, htmlFragment, fc.boolean(), newsText)
  .map(([head, body, wrapped, title]) =>
    wrapped
      ? `<!doctype html><html><head><title>${title}</title>${head}</head><body>${body}</body></html>`
      : `${head}${body}`,
  );

/** HTML-ish input of any kind: a page, a fragment, or prose with a few tags. */
export const htmlInput = fc.oneof({ weight: 4, arbitrary: htmlPage }, { weight: 1, arbitrary: textInput });

/** Prose without markup characters, so that its text is exactly what a parser must keep. */
export const markupFreeText = newsText.map((text) => text.replace(/[<>&]/g, " "));

/** A page with `depth` nested elements of one tag around a paragraph of markup-free prose. */
export const deepPage: fc.Arbitrary<{ html: string; text: string; depth: number }> = fc
  .tuple(
    fc.constantFrom("div", "span", "b", "li", "font", "section"),
    fc.integer({ min: 1, max: 3000 }),
    markupFreeText,
    fc.boolean(),
  )
  .map(([tag, depth, text, closed]) => ({
    html: `<body>${`<${tag}>`.repeat(depth)}<p>${text}</p>${closed ? `</${tag}>`.repeat(depth) : ""}</body>`,
    text,
    depth,
  }));

// ---------------------------------------------------------------------------------------------------------
// Containers

/** Split a buffer into pieces of the given sizes (cycled), as a stream may deliver it. */
export function chunkBy(bytes: Buffer, sizes: readonly number[]): Buffer[] {
  if (sizes.length === 0) return bytes.length > 0 ? [bytes] : [];
  const out: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] as number;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

/** Chunk sizes for `chunkBy`: small ones, so chunk edges fall inside lines, headers and UTF-8 sequences. */
export const chunkSizes = fc.array(fc.integer({ min: 1, max: 97 }), { maxLength: 8 });

export async function* streamOf(chunks: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield chunk;
}

/** A value for a JSON Lines record field: usually a string, often the wrong type. */
const jsonlField = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(newsText, htmlPage) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** One line of a JSON Lines file: records with right and wrong types, other JSON, broken JSON, blank lines. */
export const jsonlLine: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        { url: jsonlField, html: jsonlField, text: jsonlField, title: jsonlField, published: jsonlField },
        { requiredKeys: [] },
      )
      .map((record) => JSON.stringify(record)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: anyText.map((t) => t.replace(/\n/g, " ")) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "   ", "\r", "{", '{"text":', "}", "[", "null", '{"text":"a"}\r'),
  },
);

const FEED_ROOTS = [
  ['<rss version="2.0"><channel><title>Wire</title>', "</channel></rss>", "item"],
  ['<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>', "</feed>", "entry"],
  ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "</rdf:RDF>", "item"],
] as const;

const FEED_CHILD_TAGS = [
  "title",
  "link",
  "description",
  "content:encoded",
  "content",
  "summary",
  "pubDate",
  "published",
  "updated",
  "dc:date",
  "guid",
  "category",
] as const;

/** A feed child element: text, CDATA-wrapped HTML, xhtml content, Atom links, or broken markup. */
const feedChild = fc.oneof(
  fc
    .tuple(fc.constantFrom(...FEED_CHILD_TAGS), fc.oneof(newsText, fc.constantFrom(...ENTITIES)))
    .map(([tag, text]) => `<${tag}>${text}</${tag}>`),
  fc
    .tuple(fc.constantFrom("description", "content:encoded", "summary"), htmlFragment)
    .map(([tag, html]) => `<${tag}><![CDATA[${html.replace(/]]>/g, "")}]]></${tag}>`),
  htmlFragment.map(
    (html) => `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${html}</div></content>`,
  ),
  fc
    .tuple(fc.constantFrom("alternate", "self", "enclosure", ""), attributeValue)
    .map(([rel, href]) => `<link${rel ? ` rel="${rel}"` : ""} href="${href}"/>`),
  fc.constantFrom("<title>", "</item>", "<![CDATA[", "&lol9;", "<link>", "<item>"),
);

/** An RSS 2.0, Atom or RSS 1.0 feed with random items, sometimes cut off anywhere. */
export const feedXml: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...FEED_ROOTS),
    fc.array(fc.array(feedChild, { maxLength: 6 }), { maxLength: 5 }),
    fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    fc.constantFrom("", '<?xml version="1.0" encoding="UTF-8"?>\n', '<!DOCTYPE rss [<!ENTITY x "&x;&x;">]>'),
  )
  .map(([[open, close, item], items, keep, prologue]) => {
    const xml = `${prologue}${open}${items.map((children) => `<${item}>${children.join("")}</${item}>`).join("")}${close}`;
    return xml.slice(0, Math.round(xml.length * keep));
  });

const WARC_TYPES = [
  "response",
  "resource",
  "request",
  "warcinfo",
  "metadata",
  "revisit",
  "RESPONSE",
  "",
] as const;

/** The block of a WARC record: an HTTP response around HTML, a bare page, or random bytes. */
const warcBlock: fc.Arbitrary<Buffer> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("200 OK", "404 Not Found", "301 Moved", "204 No Content", "999 ?", "OK"),
      fc.constantFrom(
        "text/html",
        "text/html; charset=windows-1252",
        "application/xhtml+xml",
        "image/png",
        "",
      ),
      htmlPage,
      fc.constantFrom("\r\n", "\n"),
    )
    .map(([status, type, body, eol]) =>
      Buffer.from(`HTTP/1.1 ${status}${eol}Content-Type: ${type}${eol}X-Junk: a:b${eol}${eol}${body}`),
    ),
  htmlPage.map((page) => Buffer.from(page)),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
);

/** One WARC record; its Content-Length is usually right and sometimes a lie. */
const warcRecord: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.constantFrom("WARC/1.0", "WARC/1.1", "WARC/1.1", "WARC/0.18", "WARC/2.0", "HTTP/1.1 200 OK", ""),
    fc.constantFrom(...WARC_TYPES),
    fc.oneof(fc.constant("<urn:uuid:1>"), fc.string({ unit: "grapheme-ascii", maxLength: 12 })),
    fc.constantFrom("text/html", "application/http; msgtype=response", ""),
    warcBlock,
    fc.oneof(
      { weight: 4, arbitrary: fc.constant("true") },
      { weight: 1, arbitrary: fc.constantFrom("-1", "abc", "", "1e3", "99999999999", "0", "0x10") },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }).map(String) },
    ),
  )
  .map(([version, type, id, contentType, block, length]) =>
    Buffer.concat([
      Buffer.from(
        `${version}\r\nWARC-Type: ${type}\r\nWARC-Record-ID: ${id}\r\nContent-Type: ${contentType}\r\n` +
          `Content-Length: ${length === "true" ? block.length : length}\r\n\r\n`,
      ),
      block,
      Buffer.from("\r\n\r\n"),
    ]),
  );

/** A WARC file of a few records, sometimes cut off anywhere. */
export const warcFile: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.array(warcRecord, { maxLength: 4 }),
    fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
  )
  .map(([records, keep]) => {
    const all = Buffer.concat(records);
    return all.subarray(0, Math.round(all.length * keep));
  });
