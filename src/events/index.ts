/** The events stage's public API: event typing of news snippets against the ACLED ontology (+ extra kinds). */

export { assembleEvents } from "./assemble.js";
export {
  classifyEventText,
  type EventClassification,
  EventClassifier,
  type EventClassifyOptions,
  loadEventClassifier,
  loadEventLexicons,
} from "./classify.js";
export { type EventOntology, loadOntology, type OntologyEntry, parseOntology } from "./ontology.js";
export { parseTriggers, type Trigger, type TriggerLexicon, TriggerMatcher } from "./triggers.js";

import { defineStage } from "../core/stage.js";
import { assembleEvents } from "./assemble.js";

/** The `events` stage: event records over the article's actors, places, dates and counts. */
export const eventsStage = defineStage({
  name: "events",
  requires: ["sentences", "actors", "places", "times", "quantities"],
  assigns: ["events"],
  run(doc) {
    doc.layers.events = assembleEvents(doc);
    return doc;
  },
});
