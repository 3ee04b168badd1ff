import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";

// The installed command: bin/sitrep.js over the compiled dist/ (built by `npm install` / `npm test`).
const BIN = join(REPO_ROOT, "bin/sitrep.js");
const BUILT = existsSync(join(REPO_ROOT, "dist/cli/index.js"));

function sitrep(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 30_000 });
}

describe.skipIf(!BUILT)("cli: the sitrep command", () => {
  it("cli: analyze on an example prints a JSON record and exits 0", () => {
    const r = sitrep("analyze", "examples/reports/valley-courier-report.html", "--format", "json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).article.publisher).toBe("The Valley Courier");
  });

  it("cli: the readable format shows the title and the paragraphs", () => {
    const r = sitrep("analyze", "examples/reports/frontline-post-report.txt", "--format", "pretty");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Clashes Return to the Outskirts of Raqqa");
    expect(r.stdout).toContain("removed");
  });

  it("cli: a reader that closes the pipe early (| head) ends the command quietly, without a stack trace", async () => {
    // Ten copies of the example report as JSON Lines: more output than the first read takes.
    const child = spawn(
      process.execPath,
      [BIN, "analyze", ...Array(10).fill("examples/reports/valley-courier-report.html"), "--format", "jsonl"],
      { cwd: REPO_ROOT },
    );
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
  });

  it.each([
    [["frobnicate"], 2, /unknown command "frobnicate"/],
    [["analyze", "examples", "--format", "xml"], 2, /--format must be one of pretty, json, jsonl/],
    [["analyze", "examples", "--from", "pdf"], 2, /--from must be one of html, text, jsonl/],
    [["analyze", "no/such/file.html"], 1, /no\/such\/file\.html/],
  ])("cli: %j exits %i with a clear message and no stack trace", (args, status, message) => {
    const r = sitrep(...args);
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("cli: --help lists the analyze command", () => {
    const r = sitrep("--help");
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toContain("analyze");
  });
});
