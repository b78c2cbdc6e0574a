import { Ctx, Query, Resolver } from "type-graphql";
import { graphHealth } from "../../graph/driver.js";
import type { ApiContext } from "../context.js";
import { Health } from "../types/health.js";

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: "The API's and the database's state; never fails, even with Neo4j down." })
  async health(@Ctx() ctx: ApiContext): Promise<Health> {
    const h = await graphHealth(ctx.graph);
    return {
      ok: h.ok,
      neo4jVersion: h.neo4jVersion,
      neo4jEdition: h.edition,
      nodeCount: h.nodeCount,
      relationshipCount: h.relationshipCount,
      error: h.error,
    };
  }
}
