import { describe, expect, it } from "vitest";
import { splitSentences, tokenize } from "../../src/nlp/index.js";

// Example sentences written for these tests.
function sentencesOf(text: string): string[] {
  return splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
}

describe("nlp: sentences", () => {
  it.each([
    [
      "plain sentences",
      "Troops entered the town. Two people were killed.",
      ["Troops entered the town.", "Two people were killed."],
    ],
    [
      "a title abbreviation",
      "Gen. Ali said the road was closed. Aid stopped.",
      ["Gen. Ali said the road was closed.", "Aid stopped."],
    ],
    [
      "an initialism",
      "The U.S. military said it struck a depot. Nobody was hurt.",
      ["The U.S. military said it struck a depot.", "Nobody was hurt."],
    ],
    [
      "an initial in a name",
      "Reporter J. Smith wrote it. Then he left.",
      ["Reporter J. Smith wrote it.", "Then he left."],
    ],
    [
      "a decimal number",
      "The blast was 3.5 km away. Windows broke.",
      ["The blast was 3.5 km away.", "Windows broke."],
    ],
    [
      "a quotation",
      '"We left at dawn," he said. The village emptied.',
      ['"We left at dawn," he said.', "The village emptied."],
    ],
    [
      "a question and an exclamation",
      "Was it an airstrike? Witnesses said yes!",
      ["Was it an airstrike?", "Witnesses said yes!"],
    ],
  ])("nlp: splits %s correctly", (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it("nlp: sentence spans slice back to their text and stay inside the paragraph", () => {
    const text = "First paragraph here. Second sentence.\n\nAnother paragraph.";
    const spans = splitSentences(text, 0, 38);
    expect(spans.every((s) => s.end <= 38)).toBe(true);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      "First paragraph here.",
      "Second sentence.",
    ]);
  });

  it("nlp: an unbounded run of words is cut into bounded sentences", () => {
    const text = `${"word ".repeat(5000)}end.`;
    const spans = splitSentences(text, 0, text.length);
    expect(spans.length).toBeGreaterThan(5);
    expect(Math.max(...spans.map((s) => s.end - s.start))).toBeLessThanOrEqual(2000);
  });
});

describe("nlp: tokens", () => {
  it.each([
    ["hyphenated Arabic names stay whole", "in al-Bukamal.", ["in", "al-Bukamal", "."]],
    ["numbers with separators", "1,200 people, 3.5 km", ["1,200", "people", ",", "3.5", "km"]],
    ["number and unit glued together", "30km", ["30", "km"]],
    ["ayn marks inside names", "Dar‘ā province", ["Dar‘ā", "province"]],
    ["apostrophes", "Israel's army", ["Israel's", "army"]],
  ])("nlp: %s", (_name, text, expected) => {
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(expected);
  });
});
