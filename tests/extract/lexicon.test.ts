/**
 * The word sets of seeds/lexicon/events.yaml are named by their own keys, so a new kind of event adds its words
 * and its anchors to the file and no code: checked on a copy of the lexicon with sets of our own.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/extract/index.js";
import { repoRoot } from "./helpers.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** a copy of the lexicon whose events.yaml ends with `extra` */
function lexiconWith(extra: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "akhbar-lexicon-"));
  dirs.push(dir);
  cpSync(path.join(repoRoot, "seeds", "lexicon"), dir, { recursive: true });
  const file = path.join(dir, "events.yaml");
  writeFileSync(file, `${readFileSync(file, "utf8")}\n${extra}\n`);
  return dir;
}

describe("the word sets of events.yaml", () => {
  it("a group's list is a set under its own key, folded like the text", () => {
    const lex = loadLexicon(lexiconWith("signings:\n  signVerbs: [وقّع, وقعت]"));
    expect([...lex.sets.signVerbs]).toEqual(["وقع", "وقعت"]);
  });

  it("the sets named under anchors start event rules: the file's own, and a set added to them", () => {
    expect(loadLexicon().sets.anchors.has("التقي")).toBe(true);
    const dir = lexiconWith("signings:\n  signVerbs: [وقع]");
    const file = path.join(dir, "events.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("anchors: [", "anchors: [signVerbs, "));
    expect(loadLexicon(dir).sets.anchors.has("وقع")).toBe(true);
    expect(loadLexicon().sets.anchors.has("وقع")).toBe(false);
  });

  it("a set name used twice is an error that names it", () => {
    expect(() => loadLexicon(lexiconWith("more:\n  meetVerbs: [تلاقى]"))).toThrow(/"meetVerbs" is defined twice/);
  });

  it("an anchor that names no set is an error that names it", () => {
    const dir = lexiconWith("");
    const file = path.join(dir, "events.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("anchors: [", "anchors: [noSuchSet, "));
    expect(() => loadLexicon(dir)).toThrow(/"noSuchSet", which is no word set/);
  });
});
