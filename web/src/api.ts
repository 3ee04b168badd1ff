/** Calls to sitrep's JSON API (same origin). Errors come back as `ApiError` with the server's code. */
import type { AnalysisRecord, ApiErrorBody, IncidentsReply, StoredArticle } from "./types.js";

/** The filters the app offers; empty strings mean "not set". */
export interface Filters {
  from: string;
  to: string;
  country: string;
  type: string;
  actor: string;
  certainty: string;
  source: string;
  /** Only events that happened (not background, negated, predicted). */
  occurred: boolean;
}

export const EMPTY_FILTERS: Filters = {
  from: "",
  to: "",
  country: "",
  type: "",
  actor: "",
  certainty: "",
  source: "",
  occurred: false,
};

/** How many events one map view clusters (the API's bulk limit). */
export const MAP_EVENT_LIMIT = 1000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The query string of the filters (only those set). */
export function filterQuery(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === "occurred") {
      if (value) params.set("occurred", "true");
    } else if (typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { ...init, credentials: "same-origin" });
  const type = res.headers.get("content-type") ?? "";
  const body: unknown = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) {
    const error = (body as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, error?.code ?? "http", error?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

export function getIncidents(filters: Filters): Promise<IncidentsReply> {
  return call(`/api/incidents?${filterQuery(filters, { limit: String(MAP_EVENT_LIMIT) })}`);
}

export function getArticle(id: string | number): Promise<StoredArticle> {
  return call(`/api/articles/${encodeURIComponent(String(id))}`);
}

export function getHealth(): Promise<{ status: string; counts: { articles: number; events: number } }> {
  return call("/api/health");
}

/** What the analyse box sends: pasted or uploaded text or HTML. */
export interface Submission {
  content: string;
  html: boolean;
  url?: string;
}

function submissionInit(submission: Submission, token: string): RequestInit {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const body: Record<string, string> = submission.html
    ? { html: submission.content }
    : { text: submission.content };
  if (submission.url) body.url = submission.url;
  return { method: "POST", headers, body: JSON.stringify(body) };
}

/** Analyse without storing. */
export function analyze(submission: Submission, token: string): Promise<AnalysisRecord> {
  return call("/api/analyze", submissionInit(submission, token));
}

/** Analyse and store; answers the stored article's id. */
export function save(
  submission: Submission,
  token: string,
): Promise<{ articleId: number; status: string; events?: number }> {
  return call("/api/articles", submissionInit(submission, token));
}

/** Whether pasted content is HTML rather than plain text. */
export function looksLikeHtml(content: string, fileName = ""): boolean {
  if (/\.x?html?$/i.test(fileName)) return true;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<div[\s>]|<p[\s>])/i.test(
    content,
  );
}
