/**
 * Analysis on every core: a pool of worker threads that each load the pipeline once. It sits above the
 * assembled pipeline (src/analyze), beside the store; ingest and the server call it.
 *
 * Importing this module does not load the pipeline (the workers do). `analyzeOutcome`, the same analysis on
 * the calling thread, is in ./analyze-outcome.js, which does.
 */
export {
  DEFAULT_MAX_QUEUE,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WORKER_HEAP_MB,
  IN_FLIGHT_PER_THREAD,
} from "./constants.js";
export { type MapOrderedOptions, mapOrdered } from "./ordered.js";
export type { AnalyzeFailureCode, AnalyzeOutcome } from "./outcome.js";
export {
  type AnalysisPool,
  AnalysisPoolError,
  type AnalysisPoolErrorCode,
  type AnalysisPoolOptions,
  type AnalysisPoolStats,
  type AnalyzeCallOptions,
  createAnalysisPool,
  defaultThreads,
  isAnalysisPoolError,
} from "./pool.js";
export { type AnalyzeRequest, serveAnalysis } from "./protocol.js";
