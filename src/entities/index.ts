/**
 * The `actors` stage (issue #3, actor part): fills `doc.layers.actors` with one record per distinct actor,
 * each with all its mentions as offsets into `doc.text`. The recogniser is `recognizeActors` (pure); this
 * wraps it, passing the publication year so that an alias that changed hands ("Syrian Army", Assad-era
 * until 2024, transitional army after) is read as it was meant when the article was written.
 */
import type { Doc } from "../core/doc.js";
import { defineStage, type Stage } from "../core/stage.js";
import { type ActorStageConfig, recognizeActors } from "./recognize.js";

export type { ActorStageConfig, RecognizeOptions } from "./recognize.js";
export { chooseEntry, recognizeActors } from "./recognize.js";

const YEAR = /^(\d{4})/;

/** The year of an ISO-like date ("2020-12-20" → 2020), or null. */
export function publicationYear(published: string | null | undefined): number | null {
  const m = published ? YEAR.exec(published.trim()) : null;
  return m ? Number(m[1]) : null;
}

function stageConfig(config: unknown): ActorStageConfig {
  if (typeof config !== "object" || config === null) return {};
  const demonym = (config as { demonym?: unknown }).demonym;
  return typeof demonym === "function" ? { demonym: demonym as ActorStageConfig["demonym"] } : {};
}

export const actorStage: Stage = defineStage({
  name: "actors",
  requires: ["tokens", "sentences"],
  assigns: ["actors"],
  run(doc: Doc, config: unknown) {
    doc.layers.actors = recognizeActors(doc.text, doc.layers.sentences, {
      ...stageConfig(config),
      year: publicationYear(doc.article.published),
    });
    return doc;
  },
});
