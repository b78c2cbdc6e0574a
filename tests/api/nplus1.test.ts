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
});
