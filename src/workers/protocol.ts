/**
 * What the pool and its workers say to each other, and the loop a worker runs.
 *
 * pool → worker: `AnalyzeRequest` (one document at a time per worker).
 * worker → pool: `{type: "ready"}` once the pipeline is loaded, then one `AnalyzeResponse` per request.
 * A worker that dies is noticed by the pool through its "error"/"exit" events, not through a message.
 */
import { parentPort } from "node:worker_threads";
import type { SourceDocument } from "../core/doc.js";
import type { IngestWarning } from "../ingest/index.js";
import { type AnalyzeOutcome, internalFailure } from "./outcome.js";

export interface AnalyzeRequest {
  id: number;
  doc: SourceDocument;
  warnings: IngestWarning[];
}

export interface AnalyzeResponse {
  type: "result";
  id: number;
  outcome: AnalyzeOutcome;
}

export interface ReadyMessage {
  type: "ready";
}

export type WorkerMessage = AnalyzeResponse | ReadyMessage;

/**
 * Run in a worker: answer each request with `handle`'s outcome, after announcing "ready". A throw from
 * `handle` is an "internal" failure of that document; the worker goes on.
 */
export function serveAnalysis(handle: (request: AnalyzeRequest) => AnalyzeOutcome): void {
  const port = parentPort;
  if (!port) throw new Error("serveAnalysis must run in a worker thread (started by createAnalysisPool)");
  port.on("message", (request: AnalyzeRequest) => {
    let outcome: AnalyzeOutcome;
    try {
      outcome = handle(request);
    } catch (error) {
      outcome = internalFailure(error);
    }
    try {
      port.postMessage({ type: "result", id: request.id, outcome } satisfies AnalyzeResponse);
    } catch (error) {
      // A record that cannot be cloned (a stage put a function or a symbol in it) fails this document only.
      const reason = error instanceof Error ? error.message : String(error);
      port.postMessage({
        type: "result",
        id: request.id,
        outcome: internalFailure(`the analysis record cannot be sent to the main thread: ${reason}`),
      } satisfies AnalyzeResponse);
    }
  });
  port.postMessage({ type: "ready" } satisfies ReadyMessage);
}
