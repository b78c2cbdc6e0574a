import { describe, expect, it } from "vitest";
import { newEntity } from "../../src/extract/entity.js";
import type { DocEvent, DocumentGraph, Entity } from "../../src/extract/types.js";
import { nameKey } from "../../src/graph/identity.js";
import { loadDocument } from "../../src/graph/loader.js";
import { useTestGraph } from "../support/graph.js";

/** Small hand-written document graphs: the identity rules on cases the seed does not contain. */

const entity = newEntity;

function doc(id: string, publishedAt: string, text: string, entities: Entity[], events: DocEvent[]): DocumentGraph {
  return {
    document: { id, language: "ar", source: "test", publishedAt },
    sentences: [{ index: 0, start: 0, end: text.length, text }],
    entities,
    events,
  };
}

const call = (id: string, a: string, b: string, directed: boolean, text: string): DocEvent => ({
  id,
  kind: "PhoneCall",
  cameo: "041",
  participants: [
    { role: "caller", entity: a },
    { role: "callee", entity: b },
  ],
  directed,
  date: null,
  datePrecision: null,
  quote: null,
  quantities: [],
  evidence: [{ sentence: 0, start: 0, end: text.length, text }],
});

const ru = entity("country:ru", "Country", "روسيا", { nameEn: "Russia", iso2: "RU" });
const tr = entity("country:tr", "Country", "تركيا", { nameEn: "Turkey", iso2: "TR" });
const lavrov = entity("person:sergey-lavrov", "Person", "سيرغي لافروف", {
  nameEn: "Sergey Lavrov",
  aliases: ["لافروف"],
  country: "country:ru",
});
const cavusoglu = entity("person:mevlut-cavusoglu", "Person", "مولود جاويش أوغلو", {
  nameEn: "Mevlut Cavusoglu",
  country: "country:tr",
});

describe("identity across articles", () => {
  const ctx = useTestGraph();
  const count = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await ctx.graph.read(cypher, params)).records[0]?.get(0) as number;

  it("one call reported by two articles (undirected, then directed) is one event with evidence from both", async () => {
    const t1 = "بحث لافروف وجاويش أوغلو هاتفيا الأزمة";
    const t2 = "تلقى جاويش أوغلو اتصالا من لافروف";
    // Article 1 lists the Turkish minister first and does not say who called.
    await loadDocument(
      ctx.graph,
      doc("a1", "2016-04-03", t1, [ru, tr, lavrov, cavusoglu], [call("e1", cavusoglu.id, lavrov.id, false, t1)]),
      { text: t1 },
    );
    const s = await loadDocument(
      ctx.graph,
      doc(
        "a2",
        "2016-04-03",
        t2,
        [ru, tr, { ...lavrov, aliases: ["لافروف", "سيرجي لافروف"] }, cavusoglu],
        [call("e7", lavrov.id, cavusoglu.id, true, t2)],
      ),
      { text: t2 },
    );
    expect(s.events).toMatchObject({ created: 0, updated: 1 });
    expect(await count("MATCH (e:PhoneCall) RETURN count(e)")).toBe(1);
    expect(await count("MATCH (:PhoneCall)-[:EVIDENCED_BY]->(s:Sentence) RETURN count(DISTINCT s.article)")).toBe(2);
    const called = await ctx.graph.read(
      "MATCH (a)-[c:CALLED]->(b) RETURN a.id AS caller, b.id AS callee, c.directed AS directed",
    );
    expect(called.records.map((r) => r.toObject())).toEqual([
      { caller: lavrov.id, callee: cavusoglu.id, directed: true },
    ]);
    expect(await count("MATCH (e:PhoneCall)-[:CALLER|CALLEE]->(x) RETURN count(x)")).toBe(2);
    // Aliases are the union of both articles' forms; the new spelling is an exact-lookup key.
    const aliases = await ctx.graph.read("MATCH (p:Person {id: $id}) RETURN p.aliases AS a", { id: lavrov.id });
    expect(aliases.records[0]?.get("a")).toEqual(expect.arrayContaining(["لافروف", "سيرجي لافروف"]));
    expect(
      await count("MATCH (:Name {key: $k})<-[:NAMED]-(p:Person) RETURN count(p)", { k: nameKey("سيرجي لافروف") }),
    ).toBe(1);
    // A third, undirected report in the other order does not flip the direction back.
    const t3 = "أجرى جاويش أوغلو ولافروف اتصالا هاتفيا";
    await loadDocument(
      ctx.graph,
      doc("a3", "2016-04-03", t3, [ru, tr, lavrov, cavusoglu], [call("x", cavusoglu.id, lavrov.id, false, t3)]),
      { text: t3 },
    );
    const after = await ctx.graph.read("MATCH (a)-[c:CALLED]->(b) RETURN a.id AS caller, c.directed AS d");
    expect(after.records.map((r) => r.toObject())).toEqual([{ caller: lavrov.id, d: true }]);
    // The same two parties on another day is another call.
    const t4 = "اتصل لافروف بجاويش أوغلو";
    await loadDocument(
      ctx.graph,
      doc("a4", "2016-04-09", t4, [ru, tr, lavrov, cavusoglu], [call("e1", lavrov.id, cavusoglu.id, true, t4)]),
      { text: t4 },
    );
    expect(await count("MATCH (e:PhoneCall) RETURN count(e)")).toBe(2);
    expect(await count("MATCH (a:Actor)-[r:INTERACTED]-(b:Actor) RETURN count(DISTINCT r)")).toBe(1);
  });

  it("two statements of one speaker in one article stay two events", async () => {
    const t = "قال لافروف كذا. وأضاف لافروف كذا";
    const st = (id: string, start: number, end: number): DocEvent => ({
      id,
      kind: "Statement",
      cameo: "010",
      participants: [{ role: "speaker", entity: lavrov.id }],
      directed: null,
      date: null,
      datePrecision: null,
      quote: null,
      quantities: [],
      evidence: [{ sentence: 0, start, end, text: t.slice(start, end) }],
    });
    await loadDocument(ctx.graph, doc("a5", "2016-05-01", t, [ru, lavrov], [st("s1", 0, 14), st("s2", 16, t.length)]), {
      text: t,
    });
    expect(await count("MATCH (e:Statement)-[:SPEAKER]->(:Person {id: $id}) RETURN count(e)", { id: lavrov.id })).toBe(
      2,
    );
  });

  it("an unknown person (person:ar:) is the known person with the same full name, in either order", async () => {
    // Unknown first: the person:ar: node is absorbed when the known person arrives.
    const zarifAr = entity("person:ar:محمد-جواد-ظريف", "Person", "محمد جواد ظريف", { aliases: ["ظريف"] });
    const t6 = "قال محمد جواد ظريف";
    await loadDocument(
      ctx.graph,
      doc("a6", "2016-06-01", t6, [{ ...zarifAr, mentions: [{ sentence: 0, start: 4, end: t6.length }] }], []),
      { text: t6 },
    );
    const zarif = entity("person:mohammad-javad-zarif", "Person", "محمد جواد ظريف", {
      nameEn: "Mohammad Javad Zarif",
      aliases: ["ظريف"],
      mentions: [{ sentence: 0, start: 4, end: 18 }],
    });
    const t7 = "صرح محمد جواد ظريف";
    await loadDocument(ctx.graph, doc("a7", "2016-06-02", t7, [zarif], []), { text: t7 });
    const zarifs = await ctx.graph.read(
      "MATCH (:Name {key: $k})<-[:NAMED]-(p:Person) RETURN p.id AS id, COUNT { (p)-[:MENTIONED_IN]->() } AS mentions",
      { k: nameKey("ظريف") },
    );
    expect(zarifs.records.map((r) => r.toObject())).toEqual([{ id: zarif.id, mentions: 2 }]);
    // Known first: a later person:ar: with that name is written as the known person.
    const t8 = "وأكد محمد جواد ظريف";
    await loadDocument(
      ctx.graph,
      doc("a8", "2016-06-03", t8, [{ ...zarifAr, mentions: [{ sentence: 0, start: 5, end: t8.length }] }], []),
      { text: t8 },
    );
    expect(await count("MATCH (p:Person) WHERE p.id STARTS WITH 'person:ar:' RETURN count(p)")).toBe(0);
    expect(await count("MATCH (p:Person {id: $id})-[:MENTIONED_IN]->(s) RETURN count(s)", { id: zarif.id })).toBe(3);
  });

  it("two articles reporting one call, loaded at the same time, give one event with evidence from both", async () => {
    // Both transactions find the event missing and CREATE it; the second fails on the uniqueness constraint
    // (or a deadlock) and runs again, now merging into the first's event. Three rounds, three days.
    for (const day of ["2017-01-01", "2017-01-02", "2017-01-03"]) {
      const ta = `اتصل لافروف بجاويش أوغلو يوم ${day}`;
      const tb = `تلقى جاويش أوغلو اتصالا من لافروف يوم ${day}`;
      const [a, b] = await Promise.all([
        loadDocument(
          ctx.graph,
          doc(`race-a-${day}`, day, ta, [ru, tr, lavrov, cavusoglu], [call("e1", lavrov.id, cavusoglu.id, true, ta)]),
          { text: ta },
        ),
        loadDocument(
          ctx.graph,
          doc(`race-b-${day}`, day, tb, [ru, tr, lavrov, cavusoglu], [call("e1", lavrov.id, cavusoglu.id, true, tb)]),
          { text: tb },
        ),
      ]);
      expect([a.articles[0]?.status, b.articles[0]?.status]).toEqual(["loaded", "loaded"]);
      expect(a.events.created + b.events.created).toBe(1);
      expect(await count("MATCH (e:PhoneCall {day: $day}) RETURN count(e)", { day })).toBe(1);
      expect(
        await count("MATCH (e:PhoneCall {day: $day})-[:EVIDENCED_BY]->(s:Sentence) RETURN count(DISTINCT s.article)", {
          day,
        }),
      ).toBe(2);
      expect(await count("MATCH ()-[c:CALLED {date: $day}]->() RETURN count(c)", { day })).toBe(1);
      expect(await count("MATCH (e:PhoneCall {day: $day})-[:CALLER|CALLEE]->(x) RETURN count(x)", { day })).toBe(2);
    }
    expect(await count("MATCH (p:Person {id: $id}) RETURN count(p)", { id: lavrov.id })).toBe(1);
  });
});
