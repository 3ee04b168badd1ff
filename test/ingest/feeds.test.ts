import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { sniffFormat } from "../../src/ingest/index.js";
import { sniffFormatOfHead } from "../../src/ingest/sniff.js";
import { collect, NEWS_PARAGRAPH, useTmpDir, writeFiles } from "./fixtures/helpers.js";

const tmp = useTmpDir();

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="feed.xsl"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Example News</title>
    <link>https://news.example/</link>
    <item>
      <title>Clashes in the capital</title>
      <link>https://news.example/clashes</link>
      <pubDate>Fri, 03 May 2024 10:30:00 +0200</pubDate>
      <description>Short teaser.</description>
      <content:encoded><![CDATA[<p>${NEWS_PARAGRAPH}</p>]]></content:encoded>
    </item>
    <item>
      <title>Photo gallery</title>
      <link>https://news.example/gallery</link>
    </item>
    <item>
      <title>Ceasefire &amp; talks</title>
      <link>https://news.example/talks</link>
      <dc:date>2024-05-04T08:00:00Z</dc:date>
      <description>Talks resumed on Saturday in the port city, officials said.</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <entry>
    <title type="text">Flooding in the north</title>
    <link rel="self" href="https://wire.example/api/1"/>
    <link rel="alternate" href="https://wire.example/flooding"/>
    <updated>2024-06-01T12:00:00+02:00</updated>
    <summary>Rivers rose.</summary>
    <content type="html">&lt;p&gt;Rivers burst their banks on Saturday.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Markets</title>
    <link href="https://wire.example/markets"/>
    <summary>Shares &lt;b&gt;fell&lt;/b&gt; sharply.</summary>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <item rdf:about="https://rdf.example/1"><title>One</title><description>Plain words.</description></item>
</rdf:RDF>`;

describe("ingest: feeds sniffing", () => {
  it.each([
    ["RSS 2.0", RSS],
    ["Atom", ATOM],
    ["RSS 1.0 / RDF", RDF],
  ])("ingest: sniffs %s as a feed", (_label, text) => {
    expect(sniffFormatOfHead(text, { complete: true })).toBe("feed");
  });

  it.each([
    ["an XHTML page", '<?xml version="1.0"?><html><body><p>x</p></body></html>', "html"],
    ["a non-Atom <feed>", "<feed><p>x</p></feed>", "text"],
  ])("ingest: does not sniff %s as a feed", (_label, text, expected) => {
    expect(sniffFormatOfHead(text, { complete: true })).toBe(expected);
  });

  it("ingest: the single-document sniffFormat keeps its three formats", () => {
    expect(["html", "text"]).toContain(sniffFormat(RSS));
  });
});

describe("ingest: feeds", () => {
  it("ingest: RSS items become documents; an item without content fails alone", async () => {
    const [path] = writeFiles(tmp(), { "news.xml": RSS });
    const items = await collect([path as string]);
    expect(items).toHaveLength(3);
    const [first, second, third] = items;
    expect(first).toMatchObject({
      ok: true,
      doc: {
        name: `${path}#1`,
        format: "html",
        url: "https://news.example/clashes",
        hints: { title: "Clashes in the capital", published: "2024-05-03T08:30:00.000Z" },
        encoding: { name: "utf-8" },
      },
    });
    expect(first?.ok && first.doc.content).toBe(`<p>${NEWS_PARAGRAPH}</p>`);
    expect(second).toMatchObject({ ok: false, input: `${path}#2`, code: "ingest/bad-feed" });
    expect(second?.ok === false && second.message).toMatch(/no content/);
    expect(third).toMatchObject({
      ok: true,
      doc: {
        name: `${path}#3`,
        format: "text",
        content: "Talks resumed on Saturday in the port city, officials said.",
        url: "https://news.example/talks",
        hints: { title: "Ceasefire & talks", published: "2024-05-04T08:00:00.000Z" },
      },
    });
  });

  it("ingest: Atom entries take the alternate link and HTML content", async () => {
    const [path] = writeFiles(tmp(), { "wire.atom": ATOM });
    const items = await collect([path as string]);
    expect(items).toMatchObject([
      {
        ok: true,
        doc: {
          name: `${path}#1`,
          format: "html",
          content: "<p>Rivers burst their banks on Saturday.</p>",
          url: "https://wire.example/flooding",
          hints: { title: "Flooding in the north", published: "2024-06-01T10:00:00.000Z" },
        },
      },
      {
        ok: true,
        doc: {
          name: `${path}#2`,
          format: "html",
          content: "Shares <b>fell</b> sharply.",
          url: "https://wire.example/markets",
        },
      },
    ]);
  });

  it("ingest: RSS 1.0 items take rdf:about as the url", async () => {
    const [path] = writeFiles(tmp(), { "feed.rdf": RDF });
    expect(await collect([path as string])).toMatchObject([
      { ok: true, doc: { format: "text", content: "Plain words.", url: "https://rdf.example/1" } },
    ]);
  });

  it("ingest: a gzip'd feed is inflated first", async () => {
    const [path] = writeFiles(tmp(), { "news.xml.gz": gzipSync(RSS) });
    const items = await collect([path as string]);
    expect(items.map((item) => item.ok)).toEqual([true, false, true]);
  });

  it("ingest: a malformed feed yields what the parser recovers", async () => {
    const broken = `<rss version="2.0"><channel>
      <item><title>Kept</title><link>https://news.example/kept</link><description>Still here & readable.</description></item>
      <item><title>Cut off <description>Half an item`;
    const [path] = writeFiles(tmp(), { "broken.xml": broken });
    const items = await collect([path as string]);
    expect(items[0]).toMatchObject({
      ok: true,
      doc: { name: `${path}#1`, content: "Still here & readable.", url: "https://news.example/kept" },
    });
    expect(items.length).toBeGreaterThanOrEqual(1);
  });

  it("ingest: a feed with no items is one failure for the file", async () => {
    const [path] = writeFiles(tmp(), {
      "empty.xml": '<rss version="2.0"><channel><title>Nothing yet</title></channel></rss>',
    });
    expect(await collect([path as string])).toEqual([
      {
        ok: false,
        input: path,
        code: "ingest/bad-feed",
        message: expect.stringMatching(/no items/),
      },
    ]);
  });

  it("ingest: --from feed forces feed parsing", async () => {
    const [path] = writeFiles(tmp(), { "feed.txt": `\n\n${RDF}` });
    expect(await collect([path as string], { from: "feed" })).toMatchObject([{ ok: true }]);
  });
});
