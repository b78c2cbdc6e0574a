/**
 * The registry of event kinds (src/extract/kinds.ts) is the one place a kind is declared: the checked-in JSON
 * Schema of the document graph, the checked-in GraphQL SDL and the loader's allow-lists must all agree with it.
 */
import "reflect-metadata";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, type GraphQLEnumType, GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { withEventKinds } from "../../src/api/sdl.js";
import { EVENT_CLASSES } from "../../src/api/types/graph.js";
import { EVENT_KIND_NAMES, EVENT_KIND_SPECS, EVENT_ROLES, kindsDeriving } from "../../src/extract/kinds.js";
import { EVENT_KINDS, ROLE_TYPES } from "../../src/graph/cypher.js";
import { repoRoot } from "../extract/helpers.js";

const jsonSchemaText = readFileSync(path.join(repoRoot, "schema", "document-graph.schema.json"), "utf8");
const jsonSchema = JSON.parse(jsonSchemaText);
const sdl = buildSchema(readFileSync(path.join(repoRoot, "schema", "schema.graphql"), "utf8"));

describe("the registry of event kinds", () => {
  it("is the JSON Schema's list of event kinds", () => {
    expect(jsonSchema.$defs.event.properties.kind.enum).toEqual(EVENT_KIND_NAMES);
  });

  it("writes that list into the JSON Schema (npm run schema:sdl), leaving the rest of the file as it is", () => {
    const stale = jsonSchemaText.replace('"Meeting", "Visit", ', "");
    expect(stale).not.toBe(jsonSchemaText);
    expect(withEventKinds(stale)).toBe(jsonSchemaText);
    expect(() => withEventKinds("{}")).toThrow(/no event kind enum/);
  });

  it("is the GraphQL EventKind enum, each value mapped to its kind", () => {
    const e = sdl.getType("EventKind") as GraphQLEnumType;
    expect(e.getValues().map((v) => v.name)).toEqual(EVENT_KIND_NAMES.map((k) => EVENT_KIND_SPECS[k].graphqlName));
  });

  it("names GraphQL types that implement Event and have a class", () => {
    for (const k of EVENT_KIND_NAMES) {
      const name = EVENT_KIND_SPECS[k].graphqlType;
      const t = sdl.getType(name);
      expect(t, name).toBeInstanceOf(GraphQLObjectType);
      expect((t as GraphQLObjectType).getInterfaces().map((i) => i.name)).toContain("Event");
      expect(EVENT_CLASSES[name], name).toBeDefined();
    }
  });

  it("gives the loader its labels and a relationship type for every role", () => {
    expect([...EVENT_KINDS]).toEqual(EVENT_KIND_NAMES);
    for (const role of EVENT_ROLES) expect(ROLE_TYPES[role], role).toBe(role.toUpperCase());
  });

  it("derives CALLED from phone calls and MET from meetings, both symmetric", () => {
    expect(kindsDeriving("CALLED")).toEqual(["PhoneCall"]);
    expect(kindsDeriving("MET")).toEqual(["Meeting"]);
    for (const k of [...kindsDeriving("CALLED"), ...kindsDeriving("MET")])
      expect(EVENT_KIND_SPECS[k].symmetric).toBe(true);
  });
});
