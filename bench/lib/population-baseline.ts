/**
 * The population-only baseline for gold toponyms: each toponym resolves to the most populous gazetteer
 * candidate of its surface string (`Gazetteer.lookup` returns candidates most populous first), or stays
 * unresolved when the gazetteer has no candidate. No context, no demonym mapping, no feature-type
 * preference: it is the floor any resolver must clear (Gritta et al. 2018's "population baseline").
 *
 * The gazetteer (src/geo/gazetteer.ts) is loaded with a dynamic import so the bench still runs, and says
 * why, when it is not built yet.
 */

export interface BaselineResolution {
  lat: number | null;
  lon: number | null;
  geonameId: number | null;
}

export type PopulationBaseline = (surface: string) => BaselineResolution;

export type BaselineLoad =
  | { ok: true; resolve: PopulationBaseline; loadMs: number }
  | { ok: false; reason: string };

interface GazetteerLike {
  lookup(name: string): readonly { id: number; lat: number; lon: number }[];
}

/** Wraps a gazetteer (or any `lookup`) as the baseline; exported for tests. */
export function populationBaseline(gazetteer: GazetteerLike): PopulationBaseline {
  return (surface) => {
    const best = gazetteer.lookup(surface)[0];
    return best ? { lat: best.lat, lon: best.lon, geonameId: best.id > 0 ? best.id : null } : UNRESOLVED;
  };
}

const UNRESOLVED: BaselineResolution = { lat: null, lon: null, geonameId: null };

/** Loads src/geo/gazetteer.ts and its data; `{ok: false, reason}` when either is missing. */
export async function loadPopulationBaseline(): Promise<BaselineLoad> {
  const started = performance.now();
  try {
    const mod = (await import("../../src/geo/gazetteer.js")) as { loadGazetteer?: () => GazetteerLike };
    if (typeof mod.loadGazetteer !== "function")
      return { ok: false, reason: "src/geo/gazetteer.ts does not export loadGazetteer()" };
    const gazetteer = mod.loadGazetteer();
    return { ok: true, resolve: populationBaseline(gazetteer), loadMs: performance.now() - started };
  } catch (error) {
    return { ok: false, reason: `gazetteer not available yet (${(error as Error).message.split("\n")[0]})` };
  }
}
