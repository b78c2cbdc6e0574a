/** Every read query of the API, parameterised. Resolvers call these; they never build Cypher themselves. */
export * from "./actors.js";
export * from "./articles.js";
export * from "./events.js";
export * from "./paths.js";
export * from "./rows.js";
export * from "./search.js";
