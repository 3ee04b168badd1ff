/**
 * Stages and pipelines. A stage declares the layers it requires and assigns; `createPipeline` checks that
 * every requirement is met by an earlier stage, then freezes — so a misassembled pipeline fails when it is
 * built, not in the middle of a batch. A stage that throws becomes a diagnostic on the Doc.
 */

import { SitrepError } from "./diagnostics.js";
import type { Doc } from "./doc.js";

/** Doc facts a stage may need or provide: span layers and article fields. */
export type Provides = "text" | "paragraphs" | "article" | "language" | (string & {});

export interface Stage<Config = unknown> {
  readonly name: string;
  readonly requires: readonly Provides[];
  readonly assigns: readonly Provides[];
  run(doc: Doc, config: Config): Doc | undefined;
}

export function defineStage<Config = unknown>(stage: Stage<Config>): Stage<Config> {
  return Object.freeze({ ...stage });
}

export interface Pipeline<Config> {
  readonly stages: readonly Stage<Config>[];
  run(doc: Doc, config: Config): Doc;
}

export function createPipeline<Config>(
  stages: readonly Stage<Config>[],
  initial: readonly Provides[],
): Pipeline<Config> {
  const have = new Set<Provides>(initial);
  for (const stage of stages) {
    const missing = stage.requires.filter((r) => !have.has(r));
    if (missing.length > 0) {
      throw new SitrepError(
        "usage",
        `stage "${stage.name}" requires ${missing.join(", ")}, which no earlier stage assigns`,
      );
    }
    for (const a of stage.assigns) have.add(a);
  }
  const frozen = Object.freeze([...stages]);
  return Object.freeze({
    stages: frozen,
    run(doc: Doc, config: Config): Doc {
      let current = doc;
      for (const stage of frozen) {
        try {
          current = stage.run(current, config) ?? current;
        } catch (error) {
          current.diagnostics.push({
            code: "pipeline/stage-failed",
            severity: "error",
            stage: stage.name,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
      return current;
    },
  });
}
