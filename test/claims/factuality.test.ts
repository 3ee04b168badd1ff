import { describe, expect, it } from "vitest";
import { assessFactuality } from "../../src/claims/factuality.js";
import type { Certainty } from "../../src/core/events.js";
import { spanOf } from "./helpers.js";

describe("claims: assessFactuality reads negation, modality, conditions, futures, questions, speech", () => {
  it.each<[string, string, Certainty, boolean]>([
    ["Rebels attacked the village on Monday.", "attacked", "asserted", true],
    ["The army did not attack the village.", "attack", "asserted", false],
    ["The army didn't attack the village.", "attack", "asserted", false],
    ["The army has never attacked the village.", "attacked", "asserted", false],
    ["No one was killed in the blast.", "killed", "asserted", false],
    ["The shell killed no one.", "killed", "asserted", false],
    ["The convoy left without stopping.", "stopping", "asserted", false],
    ["Officials said rebels attacked the village.", "attacked", "reported", true],
    ["The group claimed that it downed a drone.", "downed", "claimed", true],
    ["The group denied that it attacked the village.", "attacked", "denied", false],
    ["Two men were allegedly tortured.", "tortured", "alleged", true],
    ["Rebels may attack the village.", "attack", "speculative", false],
    ["Rebels will attack the village.", "attack", "predicted", false],
    ["The army is expected to withdraw.", "withdraw", "predicted", false],
    ["If rebels attack the village, the army will respond.", "attack", "speculative", false],
    ["Did rebels attack the village?", "attack", "speculative", false],
    ["They crossed the river to undermine the state.", "undermine", "speculative", false],
    ["They managed to escape.", "escape", "asserted", true],
    ["Please call the hotline.", "call", "speculative", false],
  ])("claims: %s [%s]", (sentence, word, certainty, happened) => {
    const r = assessFactuality(sentence, spanOf(sentence, word));
    expect(r.certainty).toBe(certainty);
    expect(r.happened).toBe(happened);
    expect(r.score > 0).toBe(happened);
    expect(Math.abs(r.score)).toBeLessThanOrEqual(3);
  });

  it.each([["Rebels attacked the village.", { start: 100, end: 104 }]])(
    "claims: a predicate outside the sentence reads as asserted",
    (sentence, span) => {
      expect(assessFactuality(sentence, span)).toMatchObject({ certainty: "asserted", happened: true });
    },
  );

  it.each([
    [
      "Rebels attacked the village.",
      "Rebels allegedly attacked the village.",
      "Rebels may have attacked the village.",
    ],
  ])("claims: the score orders asserted > alleged > speculative", (a, b, c) => {
    const score = (s: string) => assessFactuality(s, spanOf(s, "attacked")).score;
    expect(score(a)).toBeGreaterThan(score(b));
    expect(score(b)).toBeGreaterThan(score(c));
  });
});
