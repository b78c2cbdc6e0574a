import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaSdl, sdlFile } from "../../src/api/sdl.js";

describe("schema/schema.graphql", () => {
  it("is the SDL of the code (run `npm run schema:sdl` after changing the schema)", async () => {
    const checkedIn = fs.readFileSync(sdlFile, "utf8");
    expect(checkedIn, "schema/schema.graphql is stale: run `npm run schema:sdl`").toBe(await schemaSdl());
  });

  it("keeps the names clients rely on", async () => {
    const sdl = await schemaSdl();
    for (const needle of [
      "interface Actor",
      "type Person implements Actor",
      "type Organization implements Actor",
      "type Country implements Actor",
      "interface Event",
      "type PhoneCall implements Event",
      "type Statement implements Event",
      "type Claim implements Event",
      "type Evidence",
      "phoneCalls(",
      "shortestPath(",
      "search(",
      "articles(",
      "health: Health!",
      "totalCount: Int!",
    ]) {
      expect(sdl).toContain(needle);
    }
  });
});
