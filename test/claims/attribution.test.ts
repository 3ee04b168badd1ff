import { describe, expect, it } from "vitest";
import { attributeSentence, OUTLET_SOURCE, reportUnits } from "../../src/claims/index.js";
import type { Attribution, Certainty } from "../../src/core/events.js";
import { makeActor, spanOf } from "./helpers.js";

const whole = (text: string) => ({ start: 0, end: text.length });

describe("claims: attributeSentence finds source, cue and certainty", () => {
  it.each<[string, string, string | null, Certainty]>([
    ["Rebels shelled the town on Monday.", OUTLET_SOURCE, null, "asserted"],
    ["A military source said the convoy was hit near the border.", "A military source", "said", "reported"],
    ["The convoy was hit near the border, a military source said.", "a military source", "said", "reported"],
    ["“We repelled the attack,” said the ministry.", "the ministry", "said", "reported"],
    ["According to residents, the market was shelled twice.", "residents", "According to", "reported"],
    ["The ministry denied that its forces shelled the market.", "The ministry", "denied", "denied"],
    ["The group claimed responsibility for the bombing.", "The group", "claimed", "claimed"],
    ["Officials have said the road is closed.", "Officials", "said", "reported"],
    ["Local officials later confirmed the death toll.", "Local officials", "confirmed", "reported"],
    ["Police told reporters that two suspects were arrested.", "Police", "told", "reported"],
    ["The opposition accused the army of shelling the camp.", "The opposition", "accused", "alleged"],
    ["Five civilians were reportedly killed in the strike.", OUTLET_SOURCE, "reportedly", "alleged"],
    ["The army will resume operations next week.", OUTLET_SOURCE, "will", "predicted"],
    ["The strike was possibly carried out by drones.", OUTLET_SOURCE, "possibly", "speculative"],
    ["The reported attack could not be verified.", OUTLET_SOURCE, "could", "speculative"],
    ["Ten people were reported killed in the clashes.", OUTLET_SOURCE, "reported", "reported"],
    ["The ministry, however, said it would respond.", "The ministry", "said", "reported"],
    ["The road is open, said officials.", "officials", "said", "reported"],
    ["Fighting went on as officials said the truce had collapsed.", "officials", "said", "reported"],
    ["The attack could not be verified.", OUTLET_SOURCE, "could", "speculative"],
    ["Rebels attacked the town, which can be reached only by road.", OUTLET_SOURCE, null, "asserted"],
    ["Rebels attacked the town in May.", OUTLET_SOURCE, null, "asserted"],
    ["The strike showed the will of the people.", OUTLET_SOURCE, null, "asserted"],
    ["There is no evidence that the camp was hit.", OUTLET_SOURCE, "no evidence that", "asserted"],
  ])("claims: %s", (text, source, cue, certainty) => {
    const a = attributeSentence(text, whole(text), []);
    expect(a.source).toBe(source);
    expect(a.cue).toBe(cue);
    expect(a.certainty).toBe(certainty);
    if (a.cueSpan) expect(text.slice(a.cueSpan.start, a.cueSpan.end)).toBe(cue);
    else expect(cue).toBeNull();
  });
});

describe("claims: attributeSentence links a source to a recognised actor", () => {
  it.each<[string, string, string]>([
    ["Syrian Army officers said the road was reopened.", "Syrian Army", "Syrian Army officers"],
    ["The attack was claimed by Amaq.", "Amaq", "Amaq"],
    [
      "The bombing was condemned, according to the Interior Ministry.",
      "Interior Ministry",
      "the Interior Ministry",
    ],
  ])("claims: %s", (text, mention, source) => {
    const actor = makeActor("a1", "source", text, mention);
    const a = attributeSentence(text, whole(text), [actor]);
    expect(a.source).toBe(source);
    expect(a.sourceActor).toBe("a1");
  });
});

describe("claims: attribution carries into a sentence that continues a report", () => {
  const amaq: Attribution = {
    source: "Amaq",
    sourceActor: "a9",
    cue: "claimed",
    cueSpan: null,
    certainty: "claimed",
  };
  it.each<[string, Attribution | undefined, string, Certainty]>([
    ["Two fighters were allegedly captured.", amaq, "Amaq", "alleged"],
    ["Two fighters were allegedly captured.", undefined, OUTLET_SOURCE, "alleged"],
    ["The town lies on the river.", amaq, OUTLET_SOURCE, "asserted"],
    ["He said the talks had failed.", amaq, "Amaq", "reported"],
    ["Three were reported killed.", amaq, "Amaq", "reported"],
  ])("claims: %s (after %o)", (text, previous, source, certainty) => {
    const a = attributeSentence(text, whole(text), [], previous);
    expect(a.source).toBe(source);
    expect(a.certainty).toBe(certainty);
  });
});

describe("claims: a sentence the splitter kept whole is read in report units", () => {
  const text =
    "Amaq claimed that militants repelled an attack in Hama province. 3 soldiers were allegedly killed.";
  it.each([[text]])("claims: units of %s", (t) => {
    const units = reportUnits(t, whole(t)).map((u) => t.slice(u.start, u.end));
    expect(units).toEqual([
      "Amaq claimed that militants repelled an attack in Hama province.",
      "3 soldiers were allegedly killed.",
    ]);
  });
  it.each([["The U.S. Army base and Gen. Smith were hit."]])(
    "claims: no cut after an abbreviation: %s",
    (t) => {
      expect(reportUnits(t, whole(t))).toHaveLength(1);
    },
  );
  it.each([["killed", "allegedly", "alleged"] as const, ["repelled", "claimed", "claimed"] as const])(
    "claims: focus on %s",
    (word, cue, certainty) => {
      const actor = makeActor("a1", "media-wing", text, "Amaq");
      const a = attributeSentence(text, whole(text), [actor], undefined, { focus: spanOf(text, word) });
      expect(a).toMatchObject({ source: "Amaq", sourceActor: "a1", cue, certainty });
    },
  );
});
