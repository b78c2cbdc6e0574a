import "reflect-metadata";
import type { GraphQLInterfaceType } from "graphql";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "./graphql.js";
import { HealthResolver } from "./resolvers/health.js";
import { IngestResolver } from "./resolvers/ingest.js";
import { QueryResolver } from "./resolvers/query.js";
import { GRAPH_TYPES, RESOLVE_TYPE } from "./types/graph.js";

let built: Promise<GraphQLSchema> | null = null;

/**
 * Decorators name their types explicitly (() => Type), so no emitted decorator metadata is needed.
 * Built once per process (type-graphql's metadata is global).
 */
export function buildApiSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [QueryResolver, HealthResolver, IngestResolver],
    orphanedTypes: GRAPH_TYPES,
    validate: false,
  }).then((schema) => {
    // type-graphql wraps each resolveType in an async function, so every actor or event of a list would
    // complete through a promise of its type; the same functions, synchronous:
    for (const [name, resolve] of Object.entries(RESOLVE_TYPE)) {
      (schema.getType(name) as GraphQLInterfaceType).resolveType = resolve;
    }
    return schema;
  });
  return built;
}
