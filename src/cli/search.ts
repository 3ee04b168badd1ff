/**
 * `sitrep search <query...> [--db PATH] [--limit N] [--format pretty|jsonl]`: full-text search over the
 * stored articles and the evidence of their events and claims (SQLite FTS5 query syntax; anything that is
 * not valid FTS5 is searched as plain words; a PostgreSQL store takes web-search syntax). Hits go to stdout,
 * best first.
 */
import { type CommandDef, defineCommand } from "citty";
import { SitrepError } from "../core/diagnostics.js";
import { defaultStorePath, isStoreError, openStore, type SearchHit, STORE_ENV } from "../store/index.js";
import { EXIT_STORE } from "./ingest.js";
import { type CliIo, EXIT, processIo } from "./io.js";

export const SEARCH_FORMATS = ["pretty", "jsonl"] as const;
export type SearchFormat = (typeof SEARCH_FORMATS)[number];
const DEFAULT_LIMIT = 20;

export interface SearchCommandOptions {
  query: string;
  db?: string;
  limit?: number;
  format?: SearchFormat;
  env?: NodeJS.ProcessEnv;
}

export async function runSearch(options: SearchCommandOptions, io: CliIo = processIo()): Promise<number> {
  if (options.query.trim().length === 0)
    throw new SitrepError("usage", "no query: give the words to search for");
  const path = defaultStorePath(options.db, options.env ?? process.env);
  const format = options.format ?? (io.stdout.isTTY ? "pretty" : "jsonl");
  let hits: SearchHit[];
  let shown = path;
  try {
    const store = await openStore(path, { readonly: true });
    shown = store.path;
    try {
      hits = await store.search(options.query, { limit: options.limit ?? DEFAULT_LIMIT });
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!isStoreError(error)) throw error;
    io.stderr.write(`sitrep search: ${error.message} [${error.code}]\n`);
    return EXIT_STORE;
  }
  for (const hit of hits) io.stdout.write(format === "jsonl" ? `${JSON.stringify(hit)}\n` : formatHit(hit));
  if (hits.length === 0) io.stderr.write(`sitrep search: no matches for "${options.query}" in ${shown}\n`);
  return EXIT.ok;
}

function formatHit(hit: SearchHit): string {
  const what = hit.kind === "article" ? "article" : `${hit.kind} ${hit.ref}`;
  const title = hit.title || "(untitled)";
  const url = hit.url ? ` <${hit.url}>` : "";
  return `#${hit.articleId} ${what}: ${title}${url}\n    ${hit.snippet.replace(/\s+/g, " ")}\n`;
}

/**
 * Typed loosely so that `SUBCOMMANDS` (a union of commands with different arguments) still type-checks at
 * `runCommand(sub, …)` in index.ts.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; citty infers the args of the first subcommand only.
const command: CommandDef<any> = defineCommand({
  meta: {
    name: "search",
    description: `Full-text search over stored articles and evidence (--db, else $${STORE_ENV}, else ./sitrep.db)`,
  },
  args: {
    db: {
      type: "string",
      description: `Store file or postgres:// URL (default: $${STORE_ENV}, else ./sitrep.db)`,
      valueHint: "path|url",
    },
    limit: { type: "string", description: `Most hits shown (default ${DEFAULT_LIMIT})` },
    format: {
      type: "string",
      alias: "f",
      description: "Output: pretty (default on a terminal) | jsonl (default otherwise)",
      valueHint: "format",
    },
  },
  async run({ args }) {
    try {
      const limit = args.limit === undefined ? undefined : Number(args.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0))
        throw new SitrepError("usage", `--limit must be a positive integer, got "${args.limit}"`);
      if (args.format !== undefined && !(SEARCH_FORMATS as readonly string[]).includes(args.format))
        throw new SitrepError(
          "usage",
          `--format must be one of ${SEARCH_FORMATS.join(", ")}, got "${args.format}"`,
        );
      return await runSearch({
        query: args._.join(" "),
        db: args.db,
        limit,
        format: args.format as SearchFormat | undefined,
      });
    } catch (error) {
      if (error instanceof SitrepError && error.code === "usage") {
        process.stderr.write(`sitrep search: ${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
  },
});

export default command;
