/** A store holding the invented query reports, for the `sitrep events` and `sitrep incidents` tests. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { runIngest } from "../../src/cli/ingest.js";
import { EXIT } from "../../src/cli/io.js";
import { captureIo } from "../helpers/io.js";
import { tmpDir } from "../store/helpers.js";

/**
 * Invented reports: two outlets report the same attack near Menaka (Mali) with different death tolls, and one
 * reports an unrelated protest in Accra (Ghana) a month later.
 */
export const QUERY_REPORTS = [
  {
    url: "https://sahel-daily.example/2024/05/menaka-attack",
    title: "Soldiers killed in attack on army post near Menaka",
    published: "2024-05-06T09:00:00Z",
    text: "Militants attacked an army post near Menaka on Sunday. Four soldiers were killed in the attack, the Malian army said.",
  },
  {
    url: "https://desert-wire.example/news/menaka-post-raid",
    title: "Militants storm Menaka army post",
    published: "2024-05-06T14:30:00Z",
    text: "Militants killed seven soldiers in an attack on an army post near Menaka on Sunday, local officials said.",
  },
  {
    url: "https://coast-herald.example/politics/accra-teachers-protest",
    title: "Teachers march in Accra over unpaid wages",
    published: "2024-06-12T18:00:00Z",
    text: "Thousands of teachers marched peacefully through Accra on Tuesday to demand the payment of wage arrears, the Ghana National Association of Teachers said.",
  },
];

/** Ingest QUERY_REPORTS (as a JSON Lines feed) into a new SQLite store; returns its path. */
export async function queryReportsStore(): Promise<string> {
  const dir = tmpDir();
  const feed = join(dir, "feed.jsonl");
  writeFileSync(feed, QUERY_REPORTS.map((r) => JSON.stringify(r)).join("\n"));
  const db = join(dir, "sitrep.db");
  expect(await runIngest({ inputs: [feed], db }, captureIo())).toBe(EXIT.ok);
  return db;
}
