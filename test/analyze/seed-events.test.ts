import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze/index.js";
import type { EventRecord } from "../../src/core/events.js";
import { HAS_SEED, SEED_FILE, skipMessage } from "../helpers/shared.js";

// Issue #4, "What it must do on the seed": events, their arguments, certainty and evidence; claims.
describe.skipIf(!HAS_SEED)("analyze: events and claims on the seed article", () => {
  const doc = HAS_SEED
    ? analyze({ name: "seed", format: "text", content: readFileSync(SEED_FILE, "utf8") })
    : null;
  const events = doc?.layers.events ?? [];
  const actor = (id: string | null) => doc?.layers.actors.find((a) => a.id === id)?.canonical ?? null;
  const place = (e: EventRecord) => doc?.layers.places.find((p) => p.id === e.location?.place);
  const find = (sub: string, actor1: string) =>
    events.find((e) => e.subEventType === sub && actor(e.actor1) === actor1);

  it("analyze: the Russian Military Police HQ in al-Bukamal leads, asserted, dated the week before the original", () => {
    const hq = find("Headquarters or base established", "Russian Military Police");
    expect(events[0]).toBe(hq);
    expect(hq).toMatchObject({ eventType: "Strategic developments", background: false });
    expect(place(hq as EventRecord)?.countryCode).toBe("SY");
    expect(place(hq as EventRecord)?.resolvedName).toBe("Ālbū Kamāl");
    expect(hq?.date).toMatchObject({ end: "2020-12-18", precision: "week", text: "Less than a week ago" });
    expect(hq?.attribution.certainty).toBe("asserted");
    expect(hq?.evidence[0]?.text).toContain("established a local HQ");
  });

  it("analyze: the 5th Corps sets up border posts (a strategic development)", () => {
    const posts = find("Headquarters or base established", "5th Corps of the Syrian Army");
    expect(posts?.eventType).toBe("Strategic developments");
  });

  it("analyze: ISIS repels a Syrian Army attack in eastern Hama: 3 killed, 10 injured, a vehicle destroyed, claimed by Amaq, allegedly", () => {
    const clash = find("Armed clash", "Islamic State");
    expect(clash).toMatchObject({ eventType: "Battles", fatalities: 3, injuries: 10 });
    expect(actor(clash?.actor2 ?? null)).toBe("Syrian Arab Army");
    expect(place(clash as EventRecord)).toMatchObject({ featureType: "admin1", countryCode: "SY" });
    expect(clash?.materiel).toContainEqual(expect.objectContaining({ count: 1, status: "destroyed" }));
    expect(clash?.attribution).toMatchObject({ source: "Amaq", certainty: "claimed" });
    expect(clash?.sources.map((s) => s.attribution.certainty)).toContain("alleged");
    expect(clash?.evidence.map((e) => e.text).join(" ")).toContain("3 soldiers were allegedly killed");
  });

  it("analyze: increased Russian airstrikes are an air/drone strike confirmed by pro-militant sources", () => {
    const strike = events.find((e) => e.subEventType === "Air/drone strike");
    expect(strike?.eventType).toBe("Explosions/Remote violence");
    expect(strike?.attribution).toMatchObject({ source: "Pro-militant sources", cue: "confirmed" });
  });

  it("analyze: the liberation of Deir Ezzor with Russian help is background", () => {
    const liberation = events.find((e) => e.subEventType === "Government regains territory");
    expect(liberation?.background).toBe(true);
    expect(events.filter((e) => !e.background).every((e) => e.salience > (liberation?.salience ?? 1))).toBe(
      true,
    );
  });

  it("analyze: the predicted resumption of Israeli operations is a prediction claim, not an event", () => {
    expect(events.some((e) => e.evidence.some((x) => x.text.includes("resumption")))).toBe(false);
    const prediction = doc?.layers.claims.find((c) => c.text.includes("resumption"));
    expect(prediction).toMatchObject({ kind: "prediction", attribution: { certainty: "predicted" } });
  });

  it("analyze: the coordination with Iranian-backed forces is only speculative", () => {
    const claim = doc?.layers.claims.find((c) => c.text.includes("apparently coordinated"));
    expect(claim?.attribution).toMatchObject({ certainty: "speculative", cue: "apparently" });
  });

  it("analyze: every event's evidence slices the clean text", () => {
    for (const e of events)
      for (const ev of e.evidence) expect(doc?.text.slice(ev.start, ev.end)).toBe(ev.text);
  });
});

if (!HAS_SEED) console.warn(skipMessage("the seed events test"));
