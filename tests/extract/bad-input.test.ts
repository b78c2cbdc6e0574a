import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runExtract } from "../../src/cli/extract.js";
import { extract, validateDocumentGraph } from "../../src/extract/index.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "akhbar-extract-"));
const file = (name: string, data: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe("bad input", () => {
  it("missing, empty, binary, non-Arabic and too large files give a clear error", () => {
    expect(runExtract(path.join(dir, "nope.txt"), {}).err).toMatch(/not found/);
    expect(runExtract(file("empty.txt", ""), {}).err).toMatch(/empty/);
    expect(runExtract(file("bin.txt", Buffer.from([0, 1, 2, 255, 0, 7])), {}).err).toMatch(/binary/);
    expect(runExtract(file("en.txt", "Hello world, this is English only."), {}).err).toMatch(/no Arabic/);
    expect(runExtract(file("big.txt", "ا".repeat(10 * 1024 * 1024)), {}).err).toMatch(/too large/);
    expect(runExtract(file("ok.txt", "قال الرئيس."), { published: "yesterday" }).err).toMatch(/YYYY-MM-DD/);
  });
  it("the library never throws and returns valid graphs on odd text", () => {
    for (const t of ["", "   ", "Hello", "\u0000\u0001", "١٢٣ ٤٥٦", "،،،؟؟", "ال ال ال", '"""«»', "قال".repeat(1000)]) {
      const g = extract(t, {});
      expect(validateDocumentGraph(g)).toEqual({ ok: true });
    }
  });
  it("text with no events gives an empty event list", () => {
    const g = extract("الطقس جميل اليوم في المدينة.", {});
    expect(g.events).toEqual([]);
  });
  // A hang would hit the test timeout; speed itself is measured by `npm run bench:extract`, not asserted here.
  it("a 10 MB text is processed, not refused or hung", () => {
    const unit = "وقال الرئيس الروسي فلاديمير بوتين إن الوضع خطير. ";
    const big = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
    const g = extract(big, {});
    expect(g.sentences.length).toBeGreaterThan(1000);
    expect(g.events.length).toBeGreaterThan(1000);
  });
});
