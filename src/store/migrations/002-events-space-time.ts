/**
 * Migration 2: an R*Tree over the events' place and dates (latitude, longitude, day number), kept in step by
 * triggers. The map's query (a box and a date range) finds its events in the R*Tree instead of scanning a
 * band of latitude across every date: over 1,000,000 events p99 went from ~76 ms to ~3 ms in a synthetic test
 * (bench/out experiment, clustered hotspots, 30-day windows). R*Tree coordinates are 32-bit floats rounded
 * outwards, so it only narrows the candidates; the exact conditions still decide. Events without a place
 * are not in it (no box can hold them); an event without a date spans every day.
 */
import type { Migration } from "./index.js";

/** Day numbers (Julian day) standing for "no date" at either end. */
export const NO_DATE_LOW = -1e9;
export const NO_DATE_HIGH = 1e9;

const ROW = (e: string) => `${e}.id, ${e}.latitude, ${e}.latitude, ${e}.longitude, ${e}.longitude,
    coalesce(julianday(${e}.event_date), ${NO_DATE_LOW}),
    coalesce(julianday(coalesce(${e}.event_date_end, ${e}.event_date)), ${NO_DATE_HIGH})`;

export const migration002: Migration = {
  version: 2,
  name: "events R*Tree over place and date for map queries",
  sql: `
CREATE VIRTUAL TABLE events_space_time USING rtree (id, min_lat, max_lat, min_lon, max_lon, min_day, max_day);
INSERT INTO events_space_time
  SELECT ${ROW("e")} FROM events e WHERE e.latitude IS NOT NULL AND e.longitude IS NOT NULL;
CREATE TRIGGER events_space_time_insert AFTER INSERT ON events
  WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL
BEGIN
  INSERT INTO events_space_time VALUES (${ROW("new")});
END;
CREATE TRIGGER events_space_time_delete AFTER DELETE ON events
BEGIN
  DELETE FROM events_space_time WHERE id = old.id;
END;
CREATE TRIGGER events_space_time_update AFTER UPDATE OF latitude, longitude, event_date, event_date_end ON events
BEGIN
  DELETE FROM events_space_time WHERE id = old.id;
  INSERT INTO events_space_time SELECT ${ROW("new")} WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;
END;
`,
};
