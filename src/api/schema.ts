import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "./graphql.js";
import { HealthResolver } from "./resolvers/health.js";
import { IngestResolver } from "./resolvers/ingest.js";
import { QueryResolver } from "./resolvers/query.js";
import { GRAPH_TYPES } from "./types/graph.js";

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
  });
  return built;
}
