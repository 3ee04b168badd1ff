/**
 * What a job carries: one decoded input document (what ingest hands the pipeline) with its read warnings
 * and content hash, as JSON that pg-boss keeps in a jsonb value. Encoding it checks its size; decoding it
 * (in a worker, after the database) validates its shape, so a job written by something else is a clear
 * failure of that job, not a crash.
 *
 * A job's id is derived from the content hash: enqueueing the same content again, from any machine, finds
 * the job already there (pg-boss's primary key), so the same input never becomes two jobs while its job is
 * in the queue. Once the job is archived, enqueueing it again makes a new job that the worker finds stored
 * ("unchanged") without analysing it: the store's idempotence is the last guard.
 */
import { z } from "zod";
import type { SourceDocument } from "../core/doc.js";
import type { IngestWarning } from "../ingest/index.js";
import { contentHash } from "../store/index.js";
import { MAX_JOB_BYTES } from "./constants.js";

/** Version of the payload layout, so that a later sitrep can read (or refuse) older jobs. */
export const JOB_VERSION = 1;
/** jsonb cannot hold U+0000: content with a NUL travels as base64 of its UTF-8. */
const NUL = "\u0000";
/** Hex digits of the content hash that make the job's UUID (128 bits). */
const UUID_HEX_DIGITS = 32;
const UUID_GROUPS = [8, 4, 4, 4, 12] as const;

/** One document to analyse, as `readInputs` yields it. */
export interface QueueDocument {
  doc: SourceDocument;
  warnings?: readonly IngestWarning[];
}

const WarningSchema = z.object({ code: z.string(), message: z.string() });

/** The payload of a job (version 1). */
export const JobDataSchema = z.object({
  v: z.literal(JOB_VERSION),
  name: z.string(),
  format: z.enum(["html", "text"]),
  /** The content, or its UTF-8 as base64 when `contentEncoding` is "base64". */
  content: z.string(),
  contentEncoding: z.enum(["utf8", "base64"]),
  /** SHA-256 (hex) of the content, as the store keys it. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.string().optional(),
  hints: z.object({ title: z.string().optional(), published: z.string().optional() }).optional(),
  encoding: z
    .object({
      name: z.string(),
      by: z.enum(["bom", "meta", "header", "detected", "default", "declared"]),
    })
    .optional(),
  warnings: z.array(WarningSchema),
});
export type JobData = z.infer<typeof JobDataSchema>;

/** A document ready to enqueue: its job id, payload and payload size. */
export interface EncodedJob {
  id: string;
  data: JobData;
  bytes: number;
}

/** Why a document cannot become a job, or a job cannot be read back. */
export class JobError extends Error {
  readonly code: "queue/too-large" | "queue/bad-job";
  constructor(code: JobError["code"], message: string) {
    super(message);
    this.name = "JobError";
    this.code = code;
  }
}

/** The job id of content with this hash: its first 128 bits, written as a UUID. */
export function jobIdFor(hash: string): string {
  const hex = hash.slice(0, UUID_HEX_DIGITS);
  const parts: string[] = [];
  let at = 0;
  for (const length of UUID_GROUPS) {
    parts.push(hex.slice(at, at + length));
    at += length;
  }
  return parts.join("-");
}

/** The job of one document; throws JobError ("queue/too-large") over `maxBytes`. */
export function encodeJob(item: QueueDocument, maxBytes: number = MAX_JOB_BYTES): EncodedJob {
  const { doc } = item;
  const hash = contentHash(doc.content);
  const binary = doc.content.includes(NUL);
  const data: JobData = {
    v: JOB_VERSION,
    name: doc.name,
    format: doc.format,
    content: binary ? Buffer.from(doc.content, "utf8").toString("base64") : doc.content,
    contentEncoding: binary ? "base64" : "utf8",
    contentHash: hash,
    ...(doc.url === undefined ? {} : { url: doc.url }),
    ...(doc.hints === undefined ? {} : { hints: doc.hints }),
    ...(doc.encoding === undefined ? {} : { encoding: doc.encoding }),
    warnings: (item.warnings ?? []).map((w) => ({ code: w.code, message: w.message })),
  };
  const bytes = Buffer.byteLength(JSON.stringify(data), "utf8");
  if (bytes > maxBytes)
    throw new JobError(
      "queue/too-large",
      `the document is too large for the queue (${bytes} bytes as a job; at most ${maxBytes})`,
    );
  return { id: jobIdFor(hash), data, bytes };
}

/** The document and warnings of a job's payload; throws JobError ("queue/bad-job") for anything else. */
export function decodeJob(payload: unknown): QueueDocument & { contentHash: string } {
  const parsed = JobDataSchema.safeParse(payload);
  if (!parsed.success)
    throw new JobError(
      "queue/bad-job",
      `the job is not a sitrep document (payload version ${JOB_VERSION} expected): ${parsed.error.issues[0]?.message ?? "invalid"}`,
    );
  const data = parsed.data;
  const content =
    data.contentEncoding === "base64" ? Buffer.from(data.content, "base64").toString("utf8") : data.content;
  const hash = contentHash(content);
  if (hash !== data.contentHash)
    throw new JobError("queue/bad-job", "the job's content does not match its content hash");
  const doc: SourceDocument = {
    name: data.name,
    format: data.format,
    content,
    ...(data.url === undefined ? {} : { url: data.url }),
    ...(data.hints === undefined ? {} : { hints: data.hints }),
    ...(data.encoding === undefined ? {} : { encoding: data.encoding }),
  };
  return { doc, warnings: data.warnings as IngestWarning[], contentHash: hash };
}
