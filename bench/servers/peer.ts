/**
 * The peer: @neo4j/graphql 7 over type definitions of akhbar's graph model (schema/neo4j.cypher), served by
 * Apollo Server 5 on the same Neo4j. What cannot be expressed natively is said next to the type.
 */
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { Neo4jGraphQL } from "@neo4j/graphql";
import express from "express";
import type { Driver } from "neo4j-driver";
import { NON_CONNECTING_RELATIONSHIPS } from "../../src/graph/queries/fragments.js";

const NOT_CONNECTING = NON_CONNECTING_RELATIONSHIPS.join("|");

// Relationships to "one" are lists in @neo4j/graphql 7 (1:1 relationship fields were removed in v7).
// Actors carry two labels (Person + Actor) so that `name` equality can use the Actor(name) index.
// Shortest path has no native form: it is a @cypher field running akhbar's pattern (SHORTEST 1 over the
// same relationship filter, maxHops 4 = up to 8 relationships). Full-text search uses native @fulltext over
// the same indexes, but one index per root field and one label per type: actor names (Person) and
// statement quotes (Statement); akhbar's single ranked list over actors, events AND sentences cannot be
// expressed without @cypher.
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Person
    @node(labels: ["Person", "Actor"])
    @fulltext(indexes: [{ indexName: "actor_names", queryName: "peopleByName", fields: ["name", "nameEn", "aliasText"] }]) {
    id: ID!
    name: String
    nameEn: String
    aliasText: String
    callsMade: [PhoneCall!]! @relationship(type: "CALLER", direction: IN)
    callsReceived: [PhoneCall!]! @relationship(type: "CALLEE", direction: IN)
    statements: [Statement!]! @relationship(type: "SPEAKER", direction: IN)
  }

  type Organization @node(labels: ["Organization", "Actor"]) {
    id: ID!
    name: String
    nameEn: String
  }

  type Country @node(labels: ["Country", "Actor"]) {
    id: ID!
    name: String
    nameEn: String
  }

  type Sentence @node {
    id: ID!
    index: Int
    text: String
  }

  type Evidence @relationshipProperties {
    start: Int
    end: Int
    text: String
  }

  type PhoneCall @node(labels: ["PhoneCall", "Event"]) {
    id: ID!
    date: String
    dateFrom: String
    directed: Boolean
    caller: [Person!]! @relationship(type: "CALLER", direction: OUT)
    callee: [Person!]! @relationship(type: "CALLEE", direction: OUT)
    evidence: [Sentence!]! @relationship(type: "EVIDENCED_BY", direction: OUT, properties: "Evidence")
  }

  type Statement
    @node(labels: ["Statement", "Event"])
    @fulltext(indexes: [{ indexName: "event_text", queryName: "statementsByText", fields: ["quote"] }]) {
    id: ID!
    date: String
    dateFrom: String
    quote: String
    evidence: [Sentence!]! @relationship(type: "EVIDENCED_BY", direction: OUT, properties: "Evidence")
  }

  type GenericEvent @node(labels: ["Event"]) {
    id: ID!
    kind: String
    date: String
  }

  union PathNode = Person | Organization | Country | GenericEvent

  type Query {
    shortestPath(from: ID!, to: ID!): [PathNode!]!
      @cypher(
        statement: """
        MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
        MATCH p = SHORTEST 1 (a) (()-[:!(${NOT_CONNECTING})]-(:Actor|Event|Position)){1,8} (b)
        UNWIND nodes(p) AS n
        RETURN n
        """
        columnName: "n"
      )
  }
`;

export async function startPeerServer(driver: Driver, database: string, port: number): Promise<http.Server> {
  const neo = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver });
  const schema = await neo.getSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  app.use(
    "/graphql",
    express.json({ limit: "2mb" }),
    expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database } }) }),
  );
  await new Promise<void>((resolve) => httpServer.listen(port, "127.0.0.1", resolve));
  return httpServer;
}
