/**
 * Exports (issue #5): ACLED-style rows with ACLED's column names and codes, CSV and GeoJSON. Sits above the
 * assembled pipeline (reads `AnalysisRecord`s); the CLI wires it in as `--format acled-csv | geojson`.
 */
import type { AnalysisRecord } from "../analyze/index.js";
import { ACLED_EXPORT_COLUMNS, type AcledExportOptions, type AcledRow, toAcledRows } from "./acled.js";
import { type CsvOptions, csvRecord, toCsv } from "./csv.js";
import { type GeoJsonExport, toGeoJson } from "./geojson.js";

export {
  ACLED_COLUMNS,
  ACLED_EXPORT_COLUMNS,
  type AcledColumn,
  type AcledExportOptions,
  type AcledRow,
  type AcledTables,
  type AcledValue,
  acledActorName,
  acledEventDate,
  acledInter,
  acledInteraction,
  acledNotes,
  isExported,
  loadAcledTables,
  NOTES_MAX_CHARS,
  parseActorForms,
  parseCountries,
  parseDisorderTypes,
  SITREP_COLUMNS,
  toAcledRows,
} from "./acled.js";
export { type CsvOptions, type CsvValue, csvField, csvRecord, toCsv } from "./csv.js";
export {
  type FeatureCollection,
  formatGeoJson,
  type GeoJsonExport,
  type PointFeature,
  toFeature,
  toGeoJson,
} from "./geojson.js";

/** The CSV header line of the ACLED export. */
export function acledCsvHeader(options: CsvOptions = {}): string {
  return (options.bom ? "\uFEFF" : "") + csvRecord(ACLED_EXPORT_COLUMNS, options);
}

/** The CSV lines (no header) of one record's exported events. */
export function acledCsvRows(record: AnalysisRecord, options: AcledExportOptions & CsvOptions = {}): string {
  return toAcledRows(record, options)
    .map((row) =>
      csvRecord(
        ACLED_EXPORT_COLUMNS.map((c) => row[c]),
        options,
      ),
    )
    .join("");
}

/** A whole ACLED-style CSV file for several records. */
export function toAcledCsv(
  records: readonly AnalysisRecord[],
  options: AcledExportOptions & CsvOptions = {},
): string {
  const rows: AcledRow[] = records.flatMap((r) => toAcledRows(r, options));
  return toCsv(ACLED_EXPORT_COLUMNS, rows, options);
}

/** One GeoJSON FeatureCollection for the exported events of several records. */
export function toAcledGeoJson(
  records: readonly AnalysisRecord[],
  options: AcledExportOptions = {},
): GeoJsonExport {
  return toGeoJson(records.flatMap((r) => toAcledRows(r, options)));
}
