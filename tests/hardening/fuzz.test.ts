/**
 * Fuzzing the real server over HTTP with fast-check: random Unicode (lone surrogates included), huge strings,
 * Cypher, Lucene and GraphQL injection payloads and random values for every argument of every root query,
 * plus random query documents. Every answer: no 5xx, JSON, every error with a code, no stack trace; and the
 * graph has exactly the nodes and relationships it had before.
 */
import fc from "fast-check";
import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLOutputType } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { buildApiSchema } from "../../src/api/schema.js";
import { graphCounts, postGql, STACK_FRAME, useServer } from "./support.js";

const api = useServer();
const RUNS_PER_FIELD = Number(process.env.AKHBAR_FUZZ_RUNS || 90);
let cases = 0;

const INJECTIONS = [
  "' OR 1=1 //",
  '"}) DETACH DELETE n //',
  "') MATCH (n) DETACH DELETE n //",
  "`) DETACH DELETE n //",
  "``",
  "`Actor`",
  "$param",
  "$id",
  "{id: $id}",
  "\\u0027 OR 1=1",
  "1; MATCH (n) DETACH DELETE n",
  "*:*",
  "name:*",
  "~1 AND OR NOT",
  '"unbalanced',
  "\\",
  "((((((",
  "/.*/",
  `$${"{"}jndi:ldap://x}`,
  "<script>alert(1)</script>",
  "{ __schema { types { name } } }",
  "\u0000",
  "\u200f\u202e",
  "لافروف' OR '1'='1",
  "%00%27",
];
const NAMES = ["Lavrov", "لافروف", "Erdogan", "أردوغان", "person:sergey-lavrov", "country:ru", "Shoigu", "روسيا"];
const DATES = ["2016", "2016-04", "2016-04-02", "2016-13-01", "0000-00-00", "9999-12-31", "-1", "2016-4-2"];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.oneof(fc.string({ unit: "binary", maxLength: 1 }), loneSurrogate), maxLength: 20 }),
  },
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES, ...DATES) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("x", "ب", "👍", "' OR 1=1 //", "a b "), fc.integer({ min: 100, max: 200_000 }))
      .map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...INJECTIONS)).map(([a, b]) => a + b) },
);
const anyInt: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31 - 1, -(2 ** 31), 2 ** 31, 1e300, -0, 0.5) },
  { weight: 1, arbitrary: fc.constantFrom("10", true, [], {}) },
);

// graphql-js types by their constructor name: the schema's graphql is the CommonJS copy (src/api/graphql.ts)
const kindOf = (t: unknown) => (t as { constructor: { name: string } }).constructor.name;

function valueFor(type: GraphQLInputType): fc.Arbitrary<unknown> {
  if (kindOf(type) === "GraphQLNonNull") return valueFor((type as unknown as { ofType: GraphQLInputType }).ofType);
  if (kindOf(type) === "GraphQLList")
    return fc.array(valueFor((type as unknown as { ofType: GraphQLInputType }).ofType), { maxLength: 3 });
  const named = type as GraphQLNamedType;
  if (kindOf(named) === "GraphQLEnumType") {
    const values = (named as unknown as { getValues(): { name: string }[] }).getValues().map((v) => v.name);
    return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: anyString });
  }
  if (named.name === "Int" || named.name === "Float") return anyInt;
  if (named.name === "Boolean") return fc.oneof(fc.boolean(), anyString);
  return anyString;
}

/** Random values for an argument: sometimes omitted, sometimes null (even where non-null: a coercion error). */
function argumentValue(arg: GraphQLArgument): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: valueFor(arg.type) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** A selection of a type's scalar fields (and, one level down, of its object fields). */
function selection(type: GraphQLOutputType, depth = 0): string {
  let t: unknown = type;
  while (kindOf(t) === "GraphQLNonNull" || kindOf(t) === "GraphQLList") t = (t as { ofType: unknown }).ofType;
  const named = t as GraphQLNamedType & { getFields?: () => Record<string, GraphQLField<unknown, unknown>> };
  if (!named.getFields) return "";
  const parts = ["__typename"];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a: GraphQLArgument) => kindOf(a.type) === "GraphQLNonNull")) continue;
    let inner: unknown = f.type;
    while (kindOf(inner) === "GraphQLNonNull" || kindOf(inner) === "GraphQLList")
      inner = (inner as { ofType: unknown }).ofType;
    const composite = typeof (inner as { getFields?: unknown }).getFields === "function";
    if (!composite) parts.push(f.name);
    else if (depth < 1) parts.push(`${f.name} ${selection(f.type, depth + 1)}`);
  }
  return `{ ${parts.join(" ")} }`;
}

function check(res: Awaited<ReturnType<typeof postGql>>, label: string): void {
  const where = `${label}: ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  expect(() => JSON.parse(res.text), where).not.toThrow();
  expect(res.text, where).not.toMatch(STACK_FRAME);
  expect(res.text, where).not.toContain("stacktrace");
  for (const e of res.errors ?? []) expect(typeof e.extensions?.code, `${where} (error without a code)`).toBe("string");
  expect(res.errors !== undefined || res.data !== undefined, where).toBe(true);
}

describe("fuzzing the API over HTTP", () => {
  let before: { nodes: number; relationships: number };
  afterAll(() => {
    console.log(`fuzz: ${cases} requests`);
  });

  it("records the graph's size", async () => {
    before = await graphCounts(api.graph);
    expect(before.nodes).toBeGreaterThan(0);
  });

  it("every argument of every root query, with random and hostile values", async () => {
    const schema = await buildApiSchema();
    const fields = Object.values(schema.getQueryType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThanOrEqual(10);
    for (const field of fields) {
      const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
      const query = `query Fuzz${defs ? `(${defs})` : ""} { ${field.name}${args ? `(${args})` : ""} ${selection(field.type)} }`;
      const variables = fc.record(Object.fromEntries(field.args.map((a) => [a.name, argumentValue(a)])), {
        requiredKeys: [],
      });
      await fc.assert(
        fc.asyncProperty(variables, async (vars) => {
          cases++;
          check(
            await api.gql(query, vars as Record<string, unknown>),
            `${field.name} ${JSON.stringify(vars).slice(0, 200)}`,
          );
        }),
        { numRuns: RUNS_PER_FIELD, endOnFailure: true },
      );
    }
  }, 120_000);

  it("every injection payload in every string argument", async () => {
    const schema = await buildApiSchema();
    for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
      for (const arg of field.args) {
        const named = String(arg.type).replace(/[![\]]/g, "");
        if (named !== "String" && named !== "ID") continue;
        const query = `query($v: ${String(arg.type)}) { ${field.name}(${arg.name}: $v) ${selection(field.type)} }`;
        for (const payload of INJECTIONS) {
          cases++;
          check(await api.gql(query, { v: payload }), `${field.name}(${arg.name}: ${payload})`);
        }
      }
    }
  }, 60_000);

  it("random documents and inline literals", async () => {
    const document = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.constantFrom(...INJECTIONS).map((p) => `{ actor(name: ${JSON.stringify(p)}) { id } }`),
      fc.string({ unit: "grapheme", maxLength: 60 }).map((s) => `{ search(text: ${JSON.stringify(s)}) { kind text } }`),
      fc
        .string({ unit: "grapheme", maxLength: 60 })
        .map((s) => `{ phoneCalls(after: ${JSON.stringify(s)}) { totalCount } }`),
      fc.integer().map((n) => `{ events(first: ${n}) { totalCount } }`),
      fc.constantFrom(
        "{",
        "}",
        "{ health }",
        "query {",
        "{ a: health { ok } a: health { error } }",
        "subscription { x }",
      ),
    );
    await fc.assert(
      fc.asyncProperty(document, async (query) => {
        cases++;
        check(await api.gql(query), query.slice(0, 100));
      }),
      { numRuns: 200, endOnFailure: true },
    );
  }, 60_000);

  it("leaves the graph exactly as it was", async () => {
    expect(await graphCounts(api.graph)).toEqual(before);
    expect(cases).toBeGreaterThanOrEqual(1000);
  });
});
