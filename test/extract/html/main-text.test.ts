/**
 * Unit tests of the HTML main-text extractor on small pages written for these tests (examples, not real
 * sites). Each checks one behaviour: body kept, furniture removed with its kind, offsets map back, etc.
 */
import { describe, expect, it } from "vitest";
import { extractMainText, parseHtml } from "../../../src/extract/html/index.js";

/** Example news page: header nav, headline, byline, body with a caption, share bar, related, comments. */
const NEWS_PAGE = `<!doctype html>
<html><head><title>Floods close river crossings in Lowtown | Example News</title>
<style>.x{color:red}</style><script>var tracking = "do not extract";</script></head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main>
<article class="story">
  <h1 class="headline">Floods close river crossings in Lowtown</h1>
  <p class="byline">By Jane Example, Staff Reporter</p>
  <time datetime="2024-03-02">March 2, 2024</time>
  <div class="story-body">
    <p>Heavy rain overnight pushed the Low river over its banks on Saturday, and the city closed three of its five crossings, officials said.</p>
    <figure><img src="a.jpg"><figcaption>The flooded east bridge on Saturday morning. Photo: Example Agency</figcaption></figure>
    <p>The mayor, speaking at a briefing in the town hall, said that no injuries had been reported, but that more rain was expected on Sunday.</p>
    <h2>Schools stay open</h2>
    <p>Schools will open as usual on Monday, the education office said, although two buses will take longer routes around the closed roads.</p>
    <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
    <p>Residents near the water were asked to move cars to higher ground &amp; to keep clear of the embankments until the water drops.</p>
  </div>
  <div class="related-stories"><h3>Related</h3><ul>
    <li><a href="/1">River levels hit a ten-year high in the north</a></li>
    <li><a href="/2">How the new flood walls were built</a></li></ul></div>
</article>
<section id="comments" class="comments"><h3>Comments</h3>
  <div class="comment"><p>I live near the bridge and the water is higher than I have ever seen it, which is quite worrying for all of us here.</p></div>
</section>
</main>
<footer class="site-footer"><p>© 2024 Example News. All rights reserved.</p></footer>
</body></html>`;

const BODY_SENTENCES = [
  "Heavy rain overnight pushed the Low river over its banks on Saturday",
  "no injuries had been reported",
  "Schools stay open",
  "Schools will open as usual on Monday",
  "Residents near the water were asked to move cars to higher ground & to keep clear",
];

function run(html: string, title?: string) {
  return extractMainText(parseHtml(html), html, title === undefined ? {} : { title });
}

function bodyText(html: string): string {
  return run(html)
    .paragraphs.map((p) => p.text)
    .join("\n\n");
}

describe("extract/html: news page", () => {
  const result = run(NEWS_PAGE);
  const text = result.paragraphs.map((p) => p.text).join("\n\n");

  it.each(BODY_SENTENCES)("extract/html: keeps body text %#", (sentence) => {
    expect(text).toContain(sentence);
  });

  it.each([
    ["headline", "Floods close river crossings in Lowtown"],
    ["byline", "Jane Example"],
    ["date line", "March 2, 2024"],
    ["caption", "flooded east bridge"],
    ["share bar", "Share on Facebook"],
    ["related links", "ten-year high"],
    ["comments", "I live near the bridge"],
    ["navigation", "Sport"],
    ["footer", "All rights reserved"],
    ["script", "do not extract"],
  ])("extract/html: leaves out the %s", (_label, fragment) => {
    expect(text).not.toContain(fragment);
  });

  it("extract/html: one block per paragraph and heading, in document order, whitespace normalised", () => {
    expect(result.paragraphs.length).toBe(5);
    expect(result.paragraphs[2]?.text).toBe("Schools stay open");
    for (const p of result.paragraphs) expect(p.text).toBe(p.text.replace(/\s+/g, " ").trim());
  });

  it.each([
    ["share", "Share on Facebook"],
    ["related", "ten-year high"],
    ["comments", "I live near the bridge"],
    ["navigation", "World"],
    ["caption", "flooded east bridge"],
    ["byline", "Jane Example"],
  ])("extract/html: lists removed %s boilerplate", (kind, fragment) => {
    const entry = result.boilerplate.find((b) => b.text.includes(fragment));
    expect(entry, `an entry containing "${fragment}"`).toBeDefined();
    expect(entry?.kind).toBe(kind);
    expect(entry?.reason).toBeTruthy();
  });

  it("extract/html: boilerplate entries are capped and point into the source", () => {
    for (const b of result.boilerplate) {
      expect(b.text.length).toBeLessThanOrEqual(500);
      expect(b.source?.end ?? 0).toBeGreaterThan(b.source?.start ?? 0);
      expect(b.source?.end ?? 0).toBeLessThanOrEqual(NEWS_PAGE.length);
    }
  });

  it("extract/html: records the cascade path and no diagnostics on a clean page", () => {
    expect(result.path).toBe("main-scoring");
    expect(result.diagnostics).toEqual([]);
  });

  it("extract/html: exact segments map back to the source text", () => {
    let exact = 0;
    for (const block of result.paragraphs) {
      for (const seg of block.segments) {
        const piece = block.text.slice(seg.start, seg.end);
        if (seg.end - seg.start === seg.srcEnd - seg.srcStart) {
          exact++;
          expect(NEWS_PAGE.slice(seg.srcStart, seg.srcEnd)).toBe(piece);
        } else {
          // Non-exact (entities decoded): the source range still spans the text's origin.
          expect(seg.srcEnd).toBeGreaterThan(seg.srcStart);
          expect(NEWS_PAGE.slice(seg.srcStart, seg.srcEnd)).toContain("&amp;");
        }
      }
    }
    expect(exact).toBeGreaterThan(0);
  });

  it("extract/html: segments are sorted, non-overlapping and inside the block text", () => {
    for (const block of result.paragraphs) {
      let last = 0;
      for (const seg of block.segments) {
        expect(seg.start).toBeGreaterThanOrEqual(last);
        expect(seg.end).toBeLessThanOrEqual(block.text.length);
        last = seg.end;
      }
    }
  });
});

describe("extract/html: robustness", () => {
  it("extract/html: page without an article → no paragraphs and an extract/no-article error", () => {
    const html = `<html><body><nav><a href="/">Home</a><a href="/a">About</a><a href="/c">Contact</a></nav></body></html>`;
    const result = run(html);
    expect(result.paragraphs).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toContainEqual([
      "extract/no-article",
      "error",
    ]);
    expect(result.path).toMatch(/no-article/);
  });

  it.each([
    ["empty string", ""],
    ["text only", "just a few words"],
    ["unclosed tags", "<html><body><div><p>Broken <b>markup <i>everywhere"],
    ["stray closing tags", "</div></p><p>Text</span> that </article> is fine</p>"],
    ["garbage", "<<<>>><!-- <p> --><![CDATA[ x ]]></html></html>"],
  ])("extract/html: never throws on %s", (_label, html) => {
    expect(() => run(html)).not.toThrow();
  });

  it("extract/html: recovers the body of broken HTML", () => {
    const para =
      "The council voted on Tuesday to repair the old harbour wall, which was damaged in last winter's storms, at a cost of two million.";
    const html = `<html><body><div class="content"><p>${para}<p>${para.replace("Tuesday", "Wednesday")}<div><b>unclosed bold`;
    const text = bodyText(html);
    expect(text).toContain("voted on Tuesday");
    expect(text).toContain("voted on Wednesday");
  });

  it("extract/html: a deeply nested page does not overflow the stack", () => {
    const depth = 20_000;
    const para =
      "<p>Deep inside many wrappers, this paragraph is the only prose on the page, and it should still be found by the extractor.</p>";
    const html = `<html><body>${"<div>".repeat(depth)}${para}${"</div>".repeat(depth)}</body></html>`;
    const result = run(html);
    expect(result.paragraphs.map((p) => p.text).join(" ")).toContain("Deep inside many wrappers");
  });

  it("extract/html: short page falls back and says so", () => {
    const html =
      "<html><body><div><p>Storm warning lifted for the coast, officials say.</p></div></body></html>";
    const result = run(html);
    expect(result.paragraphs.map((p) => p.text)).toEqual([
      "Storm warning lifted for the coast, officials say.",
    ]);
    expect(result.path).toMatch(/^fallback:/);
    expect(result.diagnostics.map((d) => d.code)).toContain("extract/fallback");
  });
});

describe("extract/html: scripts and layouts", () => {
  it("extract/html: scores text without commas or English words (Japanese)", () => {
    const para = (n: number) =>
      `<p>東京で${n}日、新しい鉄道路線が開業し、多くの利用者が朝から駅に集まった。市は混雑を避けるため臨時の案内係を配置したと発表した。</p>`;
    const html = `<html><body><div class="menu"><a href="/">ホーム</a> <a href="/n">ニュース</a></div><div>${para(1)}${para(2)}${para(3)}</div></body></html>`;
    const text = bodyText(html);
    expect(text).toContain("新しい鉄道路線");
    expect(text).not.toContain("ホーム");
  });

  it("extract/html: text typed straight into a div between <br>s is found", () => {
    const line =
      "The regional court on Monday ordered a new hearing in the case, saying the first trial had not heard key witnesses";
    const html = `<html><body><div id="x"><div class="ad">Advert</div>${line}.<br><br>${line}, again.<br><br>${line}, and more.</div></body></html>`;
    const text = bodyText(html);
    expect(text).toContain("ordered a new hearing");
    expect(text).not.toContain("Advert");
  });

  it("extract/html: a heading that repeats the given title is not body", () => {
    const p =
      "<p>Officials said on Friday that the new bridge would open next spring, two years later than first planned, because of cost overruns.</p>";
    const html = `<html><body><div><h2>New bridge delayed to spring</h2>${p}${p}</div></body></html>`;
    const texts = run(html, "New bridge delayed to spring").paragraphs.map((b) => b.text);
    expect(texts).not.toContain("New bridge delayed to spring");
  });

  it("extract/html: embedded social posts inside the body are kept as quoted content", () => {
    const p =
      "<p>The minister's post drew thousands of replies within an hour, many of them critical of the decision to close the museum early.</p>";
    const tweet = `<div class="social-embed"><blockquote class="twitter-tweet"><p>We will reopen the museum in May, with longer hours for schools.</p>— Minister (@minister) May 1, 2024</blockquote></div>`;
    const html = `<html><body><article>${p}${tweet}${p}</article></body></html>`;
    expect(bodyText(html)).toContain("We will reopen the museum in May");
  });
});

/** A realistic body paragraph, numbered so that each one is distinct. */
function prose(n: number): string {
  return `<p>Paragraph ${n}: the harbour authority said on Thursday that repairs to the northern pier, damaged in the spring storms, would take until the end of the year, and that ferries would dock further south meanwhile.</p>`;
}

describe("extract/html: container rules", () => {
  it("extract/html: a list whose every item is a short link is a related list, even inside the body", () => {
    const list = `<ul><li>Ferry fares rise <a href="/a">again in May</a></li><li>New dock <a href="/b">opens in the south</a></li><li><a href="/c">Storm damage, in pictures</a></li></ul>`;
    const html = `<html><body><article>${prose(1)}${prose(2)}${list}${prose(3)}</article></body></html>`;
    const result = run(html);
    const text = result.paragraphs.map((p) => p.text).join("\n");
    expect(text).not.toContain("Ferry fares rise");
    expect(text).toContain("Paragraph 3");
    expect(result.boilerplate.find((b) => b.text.includes("Ferry fares"))?.kind).toBe("related");
  });

  it("extract/html: content bullets without links are kept", () => {
    const list = `<ul><li>The northern pier stays closed until December.</li><li>Ferries dock at the south quay.</li><li>Parking near the pier is suspended.</li></ul>`;
    const html = `<html><body><article>${prose(1)}${list}${prose(2)}</article></body></html>`;
    expect(bodyText(html)).toContain("Ferries dock at the south quay.");
  });

  it("extract/html: a date line in a <span> of its own is removed, a class on a word inside a sentence is not", () => {
    const html = `<html><body><div class="post"><span class="date">Wednesday 20 November 2024 9:22 am</span>${prose(1)}<p>The report, written by <span class="author">Ann Lee</span> for the council, was published on Friday morning after a long delay.</p>${prose(2)}</div></body></html>`;
    const text = bodyText(html);
    expect(text).not.toContain("Wednesday 20 November");
    expect(text).toContain("written by Ann Lee for the council");
  });

  it("extract/html: article sections split into twin wrappers by the template are joined in order", () => {
    const section = (a: number, b: number) =>
      `<div class="outer"><div class="wrap"><div class="post-section">${prose(a)}${prose(b)}</div></div></div>`;
    const video = `<div class="outer"><div class="video-block"><span>Video: the pier at dawn</span></div></div>`;
    const html = `<html><body><main>${section(1, 2)}${video}${section(3, 4)}${video}${section(5, 6)}</main></body></html>`;
    const text = bodyText(html);
    const positions = [1, 2, 3, 4, 5, 6].map((n) => text.indexOf(`Paragraph ${n}:`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("extract/html: a wrapper with an unlucky class does not hide the article (retry path)", () => {
    const html = `<html><body><div class="page has-comments">${prose(1)}${prose(2)}${prose(3)}</div></body></html>`;
    const result = run(html);
    expect(result.paragraphs.length).toBe(3);
    expect(result.path).not.toMatch(/^none/);
  });

  it("extract/html: a page wrapper with a boilerplate-looking class (ad-free) does not hide the article", () => {
    const html = `<html><body><div class="wrapper ad-free"><div class="menu"><a href="/">Home</a></div><div>${prose(1)}${prose(2)}${prose(3)}</div></div></body></html>`;
    const result = run(html);
    expect(result.path).toBe("main-scoring");
    expect(result.paragraphs.length).toBe(3);
  });

  it("extract/html: a long comments section inside the container is still removed", () => {
    const comment = (n: number) =>
      `<div class="comment-body"><p>Comment ${n}: I have used that ferry for years, and honestly the southern dock is much better for anyone coming from the station, so good riddance.</p></div>`;
    const comments = `<section class="comments">${[1, 2, 3, 4, 5, 6].map(comment).join("")}</section>`;
    const html = `<html><body><article>${prose(1)}${prose(2)}${comments}</article></body></html>`;
    const result = run(html);
    const text = result.paragraphs.map((p) => p.text).join("\n");
    expect(text).toContain("Paragraph 2");
    expect(text).not.toContain("Comment 1:");
    expect(result.boilerplate.find((b) => b.text.includes("Comment 1:"))?.kind).toBe("comments");
  });

  it("extract/html: a page-wide <form> wrapper (ASP.NET style) is not furniture", () => {
    const html = `<html><body><form id="aspnetForm" action="/x"><div class="content">${prose(1)}${prose(2)}</div><input type="hidden" name="v"></form></body></html>`;
    expect(run(html).paragraphs.length).toBe(2);
  });

  it("extract/html: hidden elements and popovers inside paragraphs are not body text", () => {
    const html = `<html><body><article>${prose(1)}<p>The mayor, <span class="popover"><a href="/p">Profile: the mayor</a> <a href="/q">More stories</a></span> speaking at noon, said the pier would reopen.</p><div hidden>Hidden teaser text that should not appear</div>${prose(2)}</article></body></html>`;
    const text = bodyText(html);
    expect(text).toContain("The mayor, speaking at noon, said the pier would reopen.");
    expect(text).not.toContain("Profile: the mayor");
    expect(text).not.toContain("Hidden teaser");
  });
});
