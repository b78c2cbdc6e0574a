/**
 * The ONE way src/api imports graphql-js. type-graphql and Apollo load graphql's CommonJS build; a bundler
 * resolving `import "graphql"` through the package's `module` field (vitest does) would load the ESM build
 * as a second copy, and graphql-js refuses objects from "another module or realm". Requiring the CommonJS
 * build here keeps one copy everywhere (in Node, `import "graphql"` already resolves to it).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const graphql = require("graphql") as typeof import("graphql");

export const {
  GraphQLError,
  printSchema,
  lexicographicSortSchema,
  graphql: execute,
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
} = graphql;
export type { GraphQLError as GraphQLErrorType, GraphQLFormattedError, GraphQLSchema, ValidationRule } from "graphql";
