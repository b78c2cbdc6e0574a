/**
 * The GraphQL-over-HTTP conformance audit of graphql-http (serverAudits) against the real server: no audit
 * ends in error, and the audits that do not pass are exactly the ones kept on purpose (README, "GraphQL over
 * HTTP"): three SHOULDs (a request error answers 400, not 200, to `accept: application/json`) and three
 * MAYs about GET (Apollo's CSRF prevention refuses a GET without a preflight header).
 */
import { type AuditResult, serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import { useServer } from "../hardening/support.js";

const api = useServer({ seed: false });

/** SHOULD use 200 on document parsing / validation / variable coercion failure with accept: application/json */
const KEPT_400 = ["572B", "FDE2", "7B9B"];
/** MAY accept form-urlencoded GETs, MAY allow a URL-encoded variables parameter in GETs (for both media types) */
const GET_REFUSED = ["5A70", "D6D5", "6A70"];

describe("GraphQL over HTTP (graphql-http's server audit)", () => {
  let results: AuditResult[] = [];
  const ids = (status: AuditResult["status"]) =>
    results
      .filter((r) => r.status === status)
      .map((r) => r.id)
      .sort();

  it("ends in no error, and warns only about the status of request errors to application/json", async () => {
    const audits = serverAudits({ url: () => api.server.url });
    results = [];
    for (const audit of audits) results.push(await audit.fn());
    for (const r of results)
      if (r.status !== "ok") console.log(`${r.status} ${r.id} ${r.name}${"reason" in r ? `: ${r.reason}` : ""}`);
    console.log(
      `graphql-http serverAudits: ${ids("ok").length} ok, ${ids("warn").length} warn, ${ids("notice").length} notice, ${ids("error").length} error`,
    );
    expect(results).toHaveLength(audits.length);
    expect(ids("error")).toEqual([]);
    expect(ids("warn")).toEqual([...KEPT_400].sort());
    expect(ids("notice")).toEqual([...GET_REFUSED].sort());
    expect(ids("ok")).toHaveLength(audits.length - KEPT_400.length - GET_REFUSED.length);
  }, 120_000);

  it("answers those request errors with 400 and a GraphQL body that names the error", async () => {
    const post = async (body: unknown, accept: string) => {
      const res = await fetch(api.server.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept },
        body: JSON.stringify(body),
      });
      return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
    };
    const cases: [unknown, string][] = [
      [{ query: "{" }, "GRAPHQL_PARSE_FAILED"],
      [{ query: "{ noSuchField }" }, "GRAPHQL_VALIDATION_FAILED"],
      [{ query: "query ($n: Int) { events(first: $n) { totalCount } }", variables: { n: "many" } }, "BAD_USER_INPUT"],
    ];
    for (const [body, code] of cases) {
      for (const accept of ["application/json", "application/graphql-response+json"]) {
        const res = await post(body, accept);
        expect(res.status, `${code} ${accept}`).toBe(400);
        expect(res.type).toContain(accept);
        expect(res.body.data).toBeUndefined();
        expect(res.body.errors?.[0]?.extensions?.code, accept).toBe(code);
      }
    }
  });
});
