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
    // the actor by name and its two lists (each with parties and evidence) in one statement
    expect(api.statements).toHaveLength(1);
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

  it("an actor asked with its event lists gets, in one statement, what each list's resolver would fetch", async () => {
    const first = await api.gql<{ phoneCalls: { nodes: { caller: { id: string; name: string } }[] } }>(
      "{ phoneCalls(first: 1) { nodes { caller { id name } } } }",
    );
    const caller = first.data?.phoneCalls.nodes[0]?.caller as { id: string; name: string };
    expect(caller).toBeTruthy();
    // aliases, a directed list, a fragment spread, and a list asking for full parties
    const selection = `id name
      ... PersonLists
      ... on Person { out: calls(direction: OUTGOING, first: 2) { totalCount nodes { id callee { name aliases } } } }
      events(first: 3) { pageInfo { hasNextPage } nodes { kind participants { role actor { name } } } }`;
    const fragment = `fragment PersonLists on Person {
      calls(first: 10) { nodes { id caller { name } callee { name } evidence { text start end sentence } } }
      statements(first: 10) { nodes { id quote evidence { text } } } }`;
    const asked: Record<string, unknown> = {};
    for (const [arg, value] of [
      ["name", caller.name],
      ["id", caller.id],
    ] as const) {
      api.statements.length = 0;
      const res = await api.gql<{ actor: Record<string, unknown> }>(
        `query ($v: ${arg === "id" ? "ID" : "String"}!) { actor(${arg}: $v) { ${selection} } } ${fragment}`,
        { v: value },
      );
      expect(res.errors).toBeUndefined();
      // the actor and its four lists in one statement; only totalCount is a statement of its own
      expect(api.statements).toHaveLength(2);
      asked[arg] = res.data?.actor;
    }
    // the same actor reached through a list of actors: each event list fetched by its own resolver
    api.statements.length = 0;
    const listed = await api.gql<{ actors: { nodes: Record<string, unknown>[] } }>(
      `query ($v: String!) { actors(search: $v, first: 20) { nodes { ${selection} } } } ${fragment}`,
      { v: caller.name },
    );
    expect(listed.errors).toBeUndefined();
    expect(api.statements.length).toBeGreaterThan(2);
    const same = listed.data?.actors.nodes.find((a) => a.id === caller.id);
    expect(same).toBeDefined();
    expect(asked.name).toEqual(same);
    expect(asked.id).toEqual(same);
    expect(JSON.stringify(same)).toContain('"evidence":[{');
  });

  it("the look-ahead leaves errors to the resolvers: an unknown name, a bad page size", async () => {
    const lists = "... on Person { calls(first: 5) { nodes { id } } statements(first: 500) { nodes { id } } }";
    const unknown = await api.gql(`{ actor(name: "لا أحد بهذا الاسم") { id ${lists} } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const first = await api.gql<{ phoneCalls: { nodes: { caller: { id: string } }[] } }>(
      "{ phoneCalls(first: 1) { nodes { caller { id } } } }",
    );
    const id = first.data?.phoneCalls.nodes[0]?.caller.id as string;
    const badPage = await api.gql<{ actor: { calls: { nodes: unknown[] } } }>(
      `query ($id: ID!) { actor(id: $id) { id ${lists} } }`,
      { id },
    );
    expect(badPage.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badPage.errors?.[0]?.path).toEqual(["actor", "statements"]);
  });
});
