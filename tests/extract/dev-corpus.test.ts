/**
 * Scores the extractor on ../shared/corpus/dev/arabic-news.json and asserts the floors — twice: with the full
 * lexicon, and with the known-people list disabled (`loadLexicon({ people: false })`), which measures the
 * general mechanisms (title patterns, appositions, given names, coreference) on people the lexicon never saw,
 * as on the hidden set.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract, loadLexicon } from "../../src/extract/index.js";
import { formatPRF, scoreCorpus } from "../../src/extract/score.js";
import { sharedDir } from "./helpers.js";

const corpus = JSON.parse(readFileSync(path.join(sharedDir, "corpus", "dev", "arabic-news.json"), "utf8"));

const runs = [
  { name: "full lexicon", people: true },
  { name: "people.yaml disabled (ablation)", people: false },
];

for (const run of runs) {
  describe(`dev corpus — ${run.name}`, () => {
    const lex = loadLexicon({ people: run.people });
    const r = scoreCorpus(corpus.items, (t) => extract(t, {}, lex));
    it("meets the floors (calls F1 ≥ 0.85, people recall ≥ 0.90, statement-speaker F1 ≥ 0.80)", () => {
      console.log(
        [
          `dev corpus scores — ${run.name}:`,
          formatPRF("calls", r.calls),
          formatPRF("people", r.people),
          formatPRF("statement speakers", r.speakers),
          formatPRF("statement pairs", r.statementPairs),
        ].join("\n"),
      );
      for (const p of r.perItem)
        if (p.score.missed.length || p.score.extra.length)
          console.log(`${p.id}: missed [${p.score.missed.join("; ")}] extra [${p.score.extra.join("; ")}]`);
      expect(r.calls.f1).toBeGreaterThanOrEqual(0.85);
      expect(r.people.recall).toBeGreaterThanOrEqual(0.9);
      expect(r.speakers.f1).toBeGreaterThanOrEqual(0.8);
      expect(r.statementPairs.f1).toBeGreaterThanOrEqual(0.8);
    });
    it("never invents calls in the trap items", () => {
      for (const id of ["ar-news-d09", "ar-news-d10"]) {
        const item = corpus.items.find((x: { id: string }) => x.id === id);
        expect(extract(item.text, {}, lex).events.filter((e) => e.kind === "PhoneCall")).toEqual([]);
      }
    });
  });
}
