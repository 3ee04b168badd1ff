import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze/index.js";
import type { SourceDocument } from "../../src/core/doc.js";

// Invented example reports written for these tests.
function report(content: string, published = "2024-05-07"): SourceDocument {
  return { name: "example", format: "text", content, hints: { published } };
}

describe("events: one occurrence, one record", () => {
  it("events: a government and a militant version of one attack are one event, numbers kept per source", () => {
    const doc = analyze(
      report(
        "The army said 5 soldiers were killed when militants attacked a checkpoint in Kidal on Monday.\n\n" +
          "The rebel group claimed that its fighters killed 20 soldiers in the attack on the checkpoint in Kidal on Monday.",
      ),
    );
    const battles = doc.layers.events.filter((e) => e.eventType === "Battles");
    expect(battles).toHaveLength(1);
    const [event] = battles;
    expect(event?.sources.map((s) => s.fatalities).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([5, 20]);
    expect(event?.fatalities).toBe(5); // ACLED: the most conservative figure
    expect(event?.sources.map((s) => s.attribution.certainty)).toEqual(
      expect.arrayContaining(["reported", "claimed"]),
    );
  });

  it("events: the dead and the wounded of one sentence are counted apart", () => {
    const doc = analyze(
      report(
        "Two fighters were killed and at least five others were wounded in clashes near Raqqa on Tuesday, the council said.",
      ),
    );
    expect(doc.layers.events[0]).toMatchObject({ fatalities: 2, injuries: 5 });
  });

  it("events: 'killing N … and wounding M' counts the N as dead and the M as wounded", () => {
    const doc = analyze(
      report(
        "Fighters attacked a military base in Damboa, in Borno State, on Tuesday, killing nine soldiers and wounding 14 others, officials said.",
      ),
    );
    expect(doc.layers.events[0]).toMatchObject({ fatalities: 9, injuries: 14 });
  });

  it("events: the weapon counted with 'a' is not a victim ('A missile killed four people')", () => {
    const doc = analyze(
      report(
        "A Russian missile killed four people and injured 19 others in Kharkiv on Wednesday, officials said.",
      ),
    );
    expect(doc.layers.events[0]).toMatchObject({ fatalities: 4, injuries: 19 });
  });

  it("events: the date of the attack, not the date it was told ('said on Thursday that … on Tuesday')", () => {
    // Published Friday 2024-05-10: Tuesday is the 7th, Thursday the 9th.
    const doc = analyze(
      report(
        "The army said on Thursday that militants attacked a checkpoint in Kidal on Tuesday night, killing 5 soldiers.",
        "2024-05-10",
      ),
    );
    expect(doc.layers.events[0]?.date?.start).toBe("2024-05-07");
  });

  it("events: a sentence with one date keeps it, wherever the reporting verb is", () => {
    const doc = analyze(
      report(
        "Officials said militants attacked a checkpoint in Kidal on Tuesday, killing 5 soldiers.",
        "2024-05-10",
      ),
    );
    expect(doc.layers.events[0]?.date?.start).toBe("2024-05-07");
  });

  it("events: a report of what did not happen is not a new fatality", () => {
    const doc = analyze(
      report("Police said nobody was hurt when a grenade exploded outside a bar in Goma on Friday."),
    );
    expect(doc.layers.events[0]?.subEventType).toBe("Grenade");
    expect(doc.layers.events[0]?.fatalities ?? 0).toBe(0);
  });
});

describe("events: bad input gets a sane record, never a crash", () => {
  it.each([
    ["a 5,000-word sentence", `Militants attacked ${"the village and ".repeat(2500)}fled.`],
    [
      "absurd numbers",
      "Officials said 1e309 people and 999999999999 soldiers were killed in clashes near Goma.",
    ],
    ["an impossible date", "On 31 February 2021, gunmen killed 4 villagers in an attack near Mopti."],
    [
      "a self-contradicting report",
      "Police said 3 people were killed in the riot in Lagos. Police said nobody was killed in the riot in Lagos.",
    ],
  ])("events: %s", (_name, text) => {
    const doc = analyze(report(text));
    expect(doc.diagnostics.filter((d) => d.code === "pipeline/stage-failed")).toEqual([]);
    expect(doc.layers.events.length).toBeLessThan(50);
    for (const e of doc.layers.events) {
      expect(e.fatalities === null || (Number.isFinite(e.fatalities) && e.fatalities <= 1_000_000)).toBe(
        true,
      );
      if (e.date) expect(Number.isNaN(Date.parse(e.date.start))).toBe(false);
    }
  });
});
