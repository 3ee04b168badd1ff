/** The `sitrep` command line: thin, lazily loaded subcommands over the library. */
import { readFileSync } from "node:fs";
import { type CommandDef, defineCommand, runCommand, showUsage } from "citty";
import { EXIT } from "./io.js";

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export const SUBCOMMANDS = {
  analyze: () => import("./analyze.js").then((m) => m.default),
  ingest: () => import("./ingest.js").then((m) => m.default),
  search: () => import("./search.js").then((m) => m.default),
  serve: () => import("./serve.js").then((m) => m.default),
  events: () => import("./events.js").then((m) => m.default),
  incidents: () => import("./incidents.js").then((m) => m.default),
  worker: () => import("./worker.js").then((m) => m.default),
  status: () => import("./status.js").then((m) => m.default),
};

export const mainCommand = defineCommand({
  meta: {
    name: "sitrep",
    version: packageVersion(),
    description: "Turn news reports into a sourced, geolocated event record",
  },
  subCommands: SUBCOMMANDS,
});

/** Run the CLI with raw arguments; resolves to the process exit code. */
export async function main(rawArgs: string[]): Promise<number> {
  const [first] = rawArgs;
  if (first === undefined || first === "--help" || first === "-h") {
    await showUsage(mainCommand);
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === "--version" || first === "-v") {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const name = first as keyof typeof SUBCOMMANDS;
  if (!(name in SUBCOMMANDS)) {
    process.stderr.write(
      `sitrep: unknown command "${first}". Commands: ${Object.keys(SUBCOMMANDS).join(", ")}\n`,
    );
    return EXIT.usage;
  }
  const sub = await SUBCOMMANDS[name]();
  if (rawArgs.includes("--help") || rawArgs.includes("-h")) {
    await showUsage(sub as CommandDef, mainCommand);
    return EXIT.ok;
  }
  const { result } = await runCommand(sub, { rawArgs: rawArgs.slice(1) });
  return typeof result === "number" ? result : EXIT.ok;
}
