import { describe, expect, it } from "vitest";
import { gold } from "./gold.js";
import { useSeededApi } from "./support.js";

const api = useSeededApi();

/** Every call with its parties, their countries, offices, counterparts, own calls and statements,
 * the call's participants and its evidence with the article: a deep tree over all calls. */
const NESTED = `query AllCalls($first: Int) {
  phoneCalls(first: $first) {
    totalCount
    edges { cursor node {
      id kind date directed
      caller {
        id name country { name iso2 officials { name } organizations { name } }
        ... on Person {
          positions { title titleEn organization { name parent { name } } country { name } }
          counterparts { name }
          calls(direction: OUTGOING, first: 10) { totalCount nodes { id callee { name } evidence { text } } }
          statements { totalCount nodes { quote } }
        }
      }
      callee {
        id name country { name }
        events(first: 5) { totalCount nodes { kind participants { role actor { name } } evidence { text } } }
      }
      participants { role actor { id name aliases } }
      evidence { text start end sentence article { id publishedAt } }
    } }
  }
}`;

/** The kinds of batched data the query needs: the root list and count, participants (twice: the calls' and
 * the callee's events'), evidence (three levels), articles, actors (country; office organization, its parent
 * and country), officials, organizations, positions, counterparts, the per-person call list and count,
 * statement list and count, per-actor event list and count. */
const BOUND = 20;

describe("no N+1", () => {
  it("a nested query over all calls costs a bounded number of Cypher statements, however many calls", async () => {
    const counts: Record<number, number> = {};
    for (const first of [1, 2, 3, gold.calls.length, 100]) {
      api.statements.length = 0;
      const res = await api.gql<{ phoneCalls: { edges: unknown[] } }>(NESTED, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data?.phoneCalls.edges).toHaveLength(Math.min(first, gold.calls.length));
      counts[first] = api.statements.length;
    }
    console.log(`Cypher statements per request, by number of calls returned: ${JSON.stringify(counts)}`);
    // at most one statement per root field and per kind of nested field (a cache hit can save one) — never
    // one per item: 5 calls × the 20 nested fields would be over 100 statements
    for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(BOUND);
  });

  it("the root list and its count are one statement each", async () => {
    api.statements.length = 0;
    await api.gql("{ phoneCalls(first: 100) { edges { node { id date } } } }");
    expect(api.statements).toHaveLength(1);
    api.statements.length = 0;
    await api.gql("{ phoneCalls(first: 100) { totalCount edges { node { id } } } }");
    expect(api.statements).toHaveLength(2);
  });

  it("a list asked for its events' parties and evidence fetches them in its own statement, same answers", async () => {
    const first = await api.gql<{ phoneCalls: { nodes: { caller: { name: string } }[] } }>(
      "{ phoneCalls(first: 1) { nodes { caller { name } } } }",
    );
    const actorName = first.data?.phoneCalls.nodes[0]?.caller.name as string;
    expect(actorName).toBeTruthy();
    const W2 = `query ($name: String!) { actor(name: $name) { id ... on Person {
      calls(first: 10) { nodes { id caller { name } callee { name } evidence { text sentence } } }
      statements(first: 10) { nodes { id quote evidence { text sentence } } } } } }`;
    api.statements.length = 0;
    const inline = await api.gql<Record<string, unknown>>(W2, { name: actorName });
    expect(inline.errors).toBeUndefined();
    // the actor by name, then its two lists (each with parties and evidence): no participants/evidence look-up
    expect(api.statements.length).toBeLessThanOrEqual(3);
    expect(api.statements.some((c) => c.includes("UNWIND $ids AS id MATCH (e:Event {id: id})"))).toBe(false);
    // the same data through the per-event loaders: ask for the events by id, one by one
    const calls = (inline.data?.actor as { calls?: { nodes: { id: string }[] } } | undefined)?.calls?.nodes ?? [];
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      const one = await api.gql<{ event: unknown }>(
        "query ($id: ID!) { event(id: $id) { id ... on PhoneCall { caller { name } callee { name } } evidence { text sentence } } }",
        { id: c.id },
      );
      expect(one.errors).toBeUndefined();
      expect(one.data?.event).toEqual(c);
    }
  });

  it("a list asking for more than the parties' names gets full actors, as the per-event look-up gives them", async () => {
    const fields =
      "id ... on PhoneCall { caller { id name aliases country { name } } } participants { role actor { name } }";
    api.statements.length = 0;
    const list = await api.gql<{ phoneCalls: { nodes: { id: string }[] } }>(
      `{ phoneCalls(first: 5) { nodes { ${fields} } } }`,
    );
    expect(list.errors).toBeUndefined();
    const nodes = list.data?.phoneCalls.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      const one = await api.gql<{ event: unknown }>(`query ($id: ID!) { event(id: $id) { ${fields} } }`, { id: n.id });
      expect(one.data?.event).toEqual(n);
    }
    expect(JSON.stringify(nodes)).toContain("aliases");
  });
});
