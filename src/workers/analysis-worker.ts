/**
 * The analysis worker: loads the pipeline once (and warms it up on a short text, so that lazily loaded data
 * is loaded before "ready"), then analyses one document per request. Started by `createAnalysisPool`.
 */

import { analyzeOutcome } from "./analyze-outcome.js";
import { WARMUP_TEXT } from "./constants.js";
import { serveAnalysis } from "./protocol.js";

const warmup = analyzeOutcome({ name: "sitrep-worker-warmup", format: "text", content: WARMUP_TEXT });
// A pipeline that cannot analyse its warm-up text is broken (missing data, a bad build): fail the start.
if (!warmup.ok && (warmup.code === "internal" || warmup.code === "pipeline/stage-failed"))
  throw new Error(`the pipeline fails on its warm-up text: ${warmup.message} [${warmup.code}]`);
serveAnalysis((request) => analyzeOutcome(request.doc, request.warnings));
