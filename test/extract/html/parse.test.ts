import type { Element, Text } from "domhandler";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../../src/extract/html/parse.js";

describe("extract/html: parseHtml", () => {
  const html = `<html><head><title>A &amp; B</title></head><body><p id="x">Caf&eacute; opens</p></body></html>`;
  const doc = parseHtml(html);

  it("extract/html: keeps start and end indices into the input", () => {
    const htmlEl = doc.children[0] as Element;
    const body = htmlEl.children[1] as Element;
    const p = body.children[0] as Element;
    expect(p.name).toBe("p");
    expect(html.slice(p.startIndex ?? -1, (p.endIndex ?? -1) + 1)).toBe(`<p id="x">Caf&eacute; opens</p>`);
  });

  it("extract/html: decodes entities in text while indices point at the raw source", () => {
    const htmlEl = doc.children[0] as Element;
    const body = htmlEl.children[1] as Element;
    const text = (body.children[0] as Element).children[0] as Text;
    expect(text.data).toBe("Café opens");
    expect(html.slice(text.startIndex ?? -1, (text.endIndex ?? -1) + 1)).toBe("Caf&eacute; opens");
  });
});
