import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { HealthResolver } from "./resolvers/health.js";

/** Decorators name their types explicitly (() => Type), so no emitted decorator metadata is needed. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [HealthResolver], validate: false });
}
