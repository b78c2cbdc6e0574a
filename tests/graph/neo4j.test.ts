import { describe, expect, it } from "vitest";
import { graphHealth } from "../../src/graph/driver.js";
import { NEO4J_VERSION } from "../../src/graph/localNeo4j.js";
import { applySchema, schemaStatements } from "../../src/graph/schema.js";
import { useTestGraph } from "../support/graph.js";

describe("the local Neo4j", () => {
  const ctx = useTestGraph();

  it("is the real Neo4j Community engine at the pinned version, answering Cypher over Bolt", async () => {
    const health = await graphHealth(ctx.graph);
    expect(health.ok).toBe(true);
    expect(health.neo4jVersion).toBe(NEO4J_VERSION);
    expect(health.edition).toBe("community");
    const res = await ctx.graph.write("CREATE (a:Probe {n: 1})-[:NEXT]->(b:Probe {n: 2}) RETURN a.n + b.n AS sum");
    expect(res.records[0]?.get("sum")).toBe(3);
  });

  it("has the APOC core procedures the @neo4j/graphql benchmark needs", async () => {
    const res = await ctx.graph.read("RETURN apoc.version() AS v");
    expect(res.records[0]?.get("v")).toBe(NEO4J_VERSION);
  });

  it("applies schema/neo4j.cypher idempotently, every index online", async () => {
    const expected = schemaStatements().length;
    expect(await applySchema(ctx.graph)).toBe(expected);
    expect(await applySchema(ctx.graph)).toBe(expected);
    const constraints = await ctx.graph.read("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names");
    expect(constraints.records[0]?.get("names")).toEqual(
      expect.arrayContaining(["actor_id", "event_id", "article_hash"]),
    );
    const indexes = await ctx.graph.read("SHOW INDEXES YIELD name, state RETURN name, state");
    const states = Object.fromEntries(indexes.records.map((r) => [r.get("name"), r.get("state")]));
    expect(states.actor_names).toBe("ONLINE");
    expect(states.actor_keys).toBe("ONLINE");
    expect(Object.values(states).every((s) => s === "ONLINE")).toBe(true);
  });

  it("rolls back a failed write transaction completely", async () => {
    await expect(
      ctx.graph.writeTransaction(async (tx) => {
        await tx.run("CREATE (:Probe {n: 99})");
        throw new Error("injected");
      }),
    ).rejects.toThrow("injected");
    const res = await ctx.graph.read("MATCH (p:Probe {n: 99}) RETURN count(p) AS c");
    expect(res.records[0]?.get("c")).toBe(0);
  });
});
