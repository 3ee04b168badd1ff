/**
 * The web app keeps its own copy of the API's types (it is bundled for the browser and never imports the Node
 * code). These assignments make `npm run typecheck` fail when the server's records drift from what the app
 * reads; the runtime check below keeps the file a test.
 */
import { describe, expect, it } from "vitest";
import type { AnalysisRecord as ServerRecord } from "../../src/analyze/index.js";
import type { Incident as ServerIncident } from "../../src/cluster/incidents.js";
import { CERTAINTIES as SERVER_CERTAINTIES } from "../../src/core/events.js";
import type { StoredArticle as ServerArticle } from "../../src/store/index.js";
import { type AnalysisRecord, CERTAINTIES, type Incident, type StoredArticle } from "../../web/src/types.js";

// Compile-time: every server shape must be readable as the app's shape.
const incidentFits = (i: Omit<ServerIncident, "members">): Incident => i;
const recordFits = (r: ServerRecord): AnalysisRecord => r;
const articleFits = (a: ServerArticle): StoredArticle => a;

describe("web app types", () => {
  it("accept the server's incident, record and stored article (checked by the type-checker)", () => {
    expect([incidentFits, recordFits, articleFits].every((f) => typeof f === "function")).toBe(true);
  });

  it("list the same certainties as the server, in the same order", () => {
    expect([...CERTAINTIES]).toEqual([...SERVER_CERTAINTIES]);
  });
});
