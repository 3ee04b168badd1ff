import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_INTERRUPTED, EXIT_STORE, runIngest } from "../../src/cli/ingest.js";
import { EXIT } from "../../src/cli/io.js";
import { runSearch } from "../../src/cli/search.js";
import { ingestToStore, openStore } from "../../src/store/index.js";
import { captureIo } from "../helpers/io.js";
import { EXAMPLE_HTML, EXAMPLE_TXT, tmpDir } from "../store/helpers.js";

/** A folder with the two example reports and one empty file (which fails). */
function inputFolder(): { dir: string; inputs: string; db: string } {
  const dir = tmpDir();
  const inputs = join(dir, "reports");
  mkdirSync(inputs);
  copyFileSync(EXAMPLE_HTML, join(inputs, "a-courier.html"));
  copyFileSync(EXAMPLE_TXT, join(inputs, "b-frontline.txt"));
  writeFileSync(join(inputs, "c-empty.txt"), "");
  return { dir, inputs, db: join(dir, "store", "sitrep.db") };
}

async function counts(db: string) {
  const store = await openStore(db, { readonly: true });
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}

describe("cli: ingest", () => {
  it("cli: ingest stores a folder and ends with a summary that names each failure and its reason", async () => {
    const { inputs, db } = inputFolder();
    const io = captureIo();
    const code = await runIngest({ inputs: [inputs], db }, io);
    expect(code).toBe(EXIT.someFailed);
    expect(io.err()).toMatch(
      /3 documents in .* into .*sitrep\.db: 2 ingested, 0 revised, 0 unchanged, 1 failed/,
    );
    expect(io.err()).toMatch(/failed:\n {2}.*c-empty\.txt: the input is empty \(0 bytes\) \[ingest\/empty\]/);
    expect(io.out()).toBe("");
    expect(await counts(db)).toMatchObject({ articles: 2, revisions: 2 });
  });

  it("cli: ingesting the same files again changes nothing", async () => {
    const { inputs, db } = inputFolder();
    await runIngest({ inputs: [inputs], db }, captureIo());
    const io = captureIo();
    await runIngest({ inputs: [inputs], db }, io);
    expect(io.err()).toMatch(/0 ingested, 0 revised, 2 unchanged, 1 failed/);
    expect(await counts(db)).toMatchObject({ articles: 2, revisions: 2 });
  });

  it("cli: an edited file becomes revision 2 of the same article", async () => {
    const { inputs, db } = inputFolder();
    await runIngest({ inputs: [inputs], db }, captureIo());
    const file = join(inputs, "b-frontline.txt");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("an overnight raid", "an overnight zeppelin raid"),
    );
    const io = captureIo();
    await runIngest({ inputs: [inputs], db }, io);
    expect(io.err()).toMatch(/0 ingested, 1 revised, 1 unchanged, 1 failed/);
    expect(await counts(db)).toMatchObject({ articles: 2, revisions: 3 });
    const store = await openStore(db, { readonly: true });
    const [hit] = await store.search("zeppelin");
    expect(hit?.articleId).toBeDefined();
    expect((await store.getArticle(hit?.articleId ?? 0))?.revision).toBe(2);
    await store.close();
  });

  it("cli: JSON Lines: the same canonical URL with new text is a revision; the same text elsewhere is unchanged", async () => {
    const { dir } = inputFolder();
    const db = join(dir, "jsonl.db");
    const text =
      "Fighting resumed on Tuesday on the northern outskirts of Raqqa, where local defence units said they had " +
      "pushed back an overnight raid on a checkpoint near the village of Hazima.";
    const lines = [
      { url: "https://News.example/a?utm_source=feed", text: `${text} Two fighters were killed.` },
      { url: "https://news.example/a#comments", text: `${text} Three fighters were killed.` },
      { url: "https://other.example/b", text: `${text} Two fighters were killed.` },
    ];
    const file = join(dir, "feed.jsonl");
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
    const io = captureIo();
    expect(await runIngest({ inputs: [file], db }, io)).toBe(EXIT.ok);
    expect(io.err()).toMatch(/3 documents .* 1 ingested, 1 revised, 1 unchanged, 0 failed/);
    const store = await openStore(db, { readonly: true });
    expect(await store.counts()).toMatchObject({ articles: 1, revisions: 2 });
    expect((await store.getArticle(1))?.canonicalUrl).toBe("https://news.example/a");
    await store.close();
  });

  it("cli: stdin and URLs are ingested like files", async () => {
    const { dir } = inputFolder();
    const db = join(dir, "stdin-url.db");
    const io = captureIo(readFileSync(EXAMPLE_TXT, "utf8"));
    io.fetch = async () =>
      new Response(readFileSync(EXAMPLE_HTML), { headers: { "content-type": "text/html; charset=utf-8" } });
    expect(await runIngest({ inputs: ["-", "https://valley-courier.example/menaka"], db }, io)).toBe(EXIT.ok);
    expect(io.err()).toMatch(/2 documents .* 2 ingested, 0 revised, 0 unchanged, 0 failed/);
    const store = await openStore(db, { readonly: true });
    expect((await store.getArticle(1))?.revisions[0]?.input).toBe("-");
    expect((await store.getArticle(2))?.canonicalUrl).toBe(
      "https://valley-courier.example/world/africa/menaka-army-post-attack",
    );
    await store.close();
  });

  it("cli: $SITREP_DB names the store when --db is not given", async () => {
    const { inputs, dir } = inputFolder();
    const db = join(dir, "from-env.db");
    await runIngest({ inputs: [join(inputs, "b-frontline.txt")], env: { SITREP_DB: db } }, captureIo());
    expect((await counts(db)).articles).toBe(1);
  });

  it("cli: an interrupted ingest keeps what it committed, and the rerun completes without duplicates", async () => {
    const { inputs, db } = inputFolder();
    const controller = new AbortController();
    const store = await openStore(db);
    const first = await ingestToStore(store, [inputs], {
      signal: controller.signal,
      onItem: () => controller.abort(), // Ctrl-C during the first article
    });
    await store.close();
    expect(first).toMatchObject({ interrupted: true, total: 1, ingested: 1 });
    expect(await counts(db)).toMatchObject({ articles: 1, revisions: 1 });
    const io = captureIo();
    expect(await runIngest({ inputs: [inputs], db }, io)).toBe(EXIT.someFailed);
    expect(io.err()).toMatch(/1 ingested, 0 revised, 1 unchanged, 1 failed/);
    expect(await counts(db)).toMatchObject({ articles: 2, revisions: 2 });
  });

  it("cli: an aborted run prints its summary, says how to resume and exits 130", async () => {
    const { inputs, db } = inputFolder();
    const io = captureIo();
    const code = await runIngest({ inputs: [inputs], db, signal: AbortSignal.abort() }, io);
    expect(code).toBe(EXIT_INTERRUPTED);
    expect(io.err()).toMatch(/0 documents .* 0 ingested/);
    expect(io.err()).toMatch(/interrupted; run the same command again to resume/);
  });

  it("cli: a store that cannot be used gives a clear message and its own exit code", async () => {
    const { inputs, dir } = inputFolder();
    const db = join(dir, "corrupt.db");
    writeFileSync(db, Buffer.alloc(4096, 7));
    const io = captureIo();
    expect(await runIngest({ inputs: [inputs], db }, io)).toBe(EXIT_STORE);
    expect(io.err()).toMatch(/corrupt or not an SQLite database.*\[store\/corrupt\]/);
  });

  it("cli: progress lines are plain (no bar, no carriage returns) when stderr is not a terminal", async () => {
    const { inputs, db } = inputFolder();
    let t = 0;
    const io = captureIo();
    await runIngest({ inputs: [inputs], db, now: () => (t += 3000) }, io);
    expect(io.err()).toMatch(/^sitrep ingest: \d+% \d+\/3 files, \d+ documents, [\d.]+\/s, ETA /m);
    expect(io.err()).not.toContain("\r");
  });

  it("cli: progress is a bar with rate and ETA when stderr is a terminal", async () => {
    const { inputs, db } = inputFolder();
    let t = 0;
    const io = captureIo();
    Object.assign(io.stderr, { isTTY: true });
    await runIngest({ inputs: [inputs], db, now: () => (t += 1000) }, io);
    expect(io.err()).toMatch(/\r\[#+-*\] \d+% \d\/3 files, \d documents, [\d.]+\/s, ETA \d+s/);
    expect(io.err()).toContain("\u001b[K"); // each redraw clears the rest of the line
  });
});

describe("cli: search", () => {
  it("cli: search prints the articles and evidence that match", async () => {
    const { inputs, db } = inputFolder();
    await runIngest({ inputs: [inputs], db }, captureIo());
    const io = captureIo();
    expect(await runSearch({ query: "motorcycles", db, format: "pretty" }, io)).toBe(EXIT.ok);
    expect(io.out()).toMatch(
      /^#\d+ event e2: Militants attack army post near Menaka, officials say <https:/m,
    );
    expect(io.out()).toContain("[motorcycles]");
    const json = captureIo();
    await runSearch({ query: "motorcycles", db }, json);
    const hits = json
      .out()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(hits.map((h) => h.kind).sort()).toEqual(["article", "event"]);
  });

  it("cli: search of a missing store says to ingest first", async () => {
    const io = captureIo();
    expect(await runSearch({ query: "x", db: join(tmpDir(), "none.db") }, io)).toBe(EXIT_STORE);
    expect(io.err()).toMatch(/no store at .*ingest something first/);
  });
});
