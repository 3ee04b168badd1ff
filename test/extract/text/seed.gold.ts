/**
 * What the text extractor must produce on the founding seed article (../shared/seed, read in place and
 * never copied: the body gold is located in the input by short markers, not stored here).
 */
import { readFileSync } from "node:fs";
import { HAS_SEED, SEED_FILE } from "../../helpers/shared.js";

export const SEED_FILE_EXISTS = HAS_SEED;
export const SEED_PATH = SEED_FILE;

export function seedText(): string {
  return readFileSync(SEED_FILE, "utf8");
}

export const SEED_META = {
  title: "Is Israel Searching for A Pretext to Invade Southern Syria?",
  kind: "video",
  authors: ["South Front"],
  publisher: "Global Research",
  published: "2020-12-20",
  original: { publisher: "South Front", published: "2020-12-18" },
  tags: ["Middle East & North Africa", "Intelligence", "Terrorism", "US NATO", "SYRIA", "War Agenda"],
  media: [{ type: "video", url: "https://southfront.org/wp-content/uploads/video/18.12.20_IMR_Syria.mp4" }],
} as const;

/** The body runs from the line opening with FIRST to the line ending with LAST; MEDIA_LINE is not body. */
export const SEED_BODY_FIRST = "The Russian military and Russian-backed Syrian forces";
export const SEED_BODY_LAST = "in this particular region.";
export const SEED_BROKEN_JOIN = "active Israeli military and clandestine operations";
export const SEED_BODY_PARAGRAPHS = 8;
export const SEED_TAIL_START = "Note to readers";

/** Per non-blank line: is it body? (derived from the input with the markers above) */
export function seedGoldLines(input: string): boolean[] {
  const lines = input
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const first = lines.findIndex((l) => l.startsWith(SEED_BODY_FIRST));
  const last = lines.findIndex((l) => l.endsWith(SEED_BODY_LAST));
  return lines.map((l, i) => i >= first && i <= last && !l.startsWith("https://"));
}
