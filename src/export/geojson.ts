/**
 * GeoJSON export (issue #5, RFC 7946): a FeatureCollection with one Point feature per ACLED-style row that has
 * coordinates, `[longitude, latitude]` in that order, the row as its properties and `event_id_cnty` as its id.
 * Rows without coordinates are skipped and counted.
 */
import type { AcledRow } from "./acled.js";

export interface PointFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: AcledRow;
}

export interface FeatureCollection {
  type: "FeatureCollection";
  features: PointFeature[];
}

export interface GeoJsonExport {
  collection: FeatureCollection;
  /** Rows left out for want of valid coordinates. */
  skipped: number;
}

const isCoordinate = (v: unknown, limit: number): v is number =>
  typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= limit;

/** A Point feature for a row, or null when the row has no valid coordinates. */
export function toFeature(row: AcledRow): PointFeature | null {
  const lat = row.latitude;
  const lon = row.longitude;
  if (!isCoordinate(lat, 90) || !isCoordinate(lon, 180)) return null;
  return {
    type: "Feature",
    id: String(row.event_id_cnty),
    geometry: { type: "Point", coordinates: [lon, lat] },
    properties: row,
  };
}

export function toGeoJson(rows: readonly AcledRow[]): GeoJsonExport {
  const features: PointFeature[] = [];
  let skipped = 0;
  for (const row of rows) {
    const f = toFeature(row);
    if (f) features.push(f);
    else skipped++;
  }
  return { collection: { type: "FeatureCollection", features }, skipped };
}

/** The collection as pretty-printed JSON text with a final newline. */
export function formatGeoJson(collection: FeatureCollection): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}
