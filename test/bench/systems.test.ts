import { describe, expect, it } from "vitest";
import type { BenchPage } from "../../bench/lib/corpus.js";
import { readabilityText } from "../../bench/lib/readability.js";
import { sitrepText, wholePageText } from "../../bench/lib/systems.js";

/** Example page written for this test. */
const PAGE: BenchPage = {
  id: "example",
  url: "https://news.example/story",
  truth: "",
  html: `<html><head><title>Port strike ends</title><style>p{color:red}</style><script>var x = "script text";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Port strike ends</h1>
<p>Dock workers in the northern port returned to work on Monday after a nine-day strike, the union said, ending delays for hundreds of ships.</p>
<p>The deal raises wages by six percent over two years and adds a safety committee, according to a statement from both sides released late on Sunday.</p>
</article></body></html>`,
};

describe("bench: systems", () => {
  it("bench: sitrepText joins body paragraphs with a blank line and leaves out the title", () => {
    const text = sitrepText(PAGE);
    expect(text.split("\n\n")).toHaveLength(2);
    expect(text).not.toContain("Port strike ends");
  });

  it("bench: wholePageText keeps all visible text and drops scripts, styles and <head>", () => {
    const text = wholePageText(PAGE.html);
    expect(text).toContain("Home");
    expect(text).toContain("Dock workers");
    expect(text).not.toContain("script text");
    expect(text).not.toContain("color:red");
  });

  it("bench: readabilityText runs Readability.js on a jsdom document", () => {
    expect(readabilityText(PAGE)).toContain("Dock workers in the northern port");
  });
});
