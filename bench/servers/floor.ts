/**
 * The floor: a bare node:http handler running akhbar's own read Cypher (src/graph/queries) through
 * neo4j-driver, in the same order and batching as akhbar's resolvers and DataLoaders, with no GraphQL layer.
 *
 *   POST /w1  {}                          first 50 phone calls with their participants (caller/callee names)
 *   POST /w2  {"name": "…"}               actor by name, then its calls and statements with participants and evidence
 *   POST /w3  {"from": "…", "to": "…"}    shortest path (maxHops 4) between two actors
 *   POST /w4  {"text": "…"}               full-text search, 10 hits
 */
import http from "node:http";
import type { Graph } from "../../src/graph/driver.js";
import { actorLookupKeys } from "../../src/graph/identity.js";
import * as q from "../../src/graph/queries/index.js";

const PAGE = { skip: 0, limit: 10 };

async function w1(graph: Graph) {
  const page = await q.listEvents(
    graph,
    { label: "PhoneCall", actors: [] },
    { skip: 0, limit: 50 },
    { participants: "names" },
  );
  return page.rows.map((e) => ({
    id: e.id,
    date: e.date,
    caller: e.carriedParticipants?.find((p) => p.role === "caller")?.actor.name ?? null,
    callee: e.carriedParticipants?.find((p) => p.role === "callee")?.actor.name ?? null,
  }));
}

/** The one actor (not a mere place) the keys' look-up found. */
function theActor(found: Map<string, q.ActorRow[]>, text: string): q.ActorRow {
  const unique = new Map<string, q.ActorRow>();
  for (const rows of found.values()) for (const a of rows) unique.set(a.id, a);
  const actors = [...unique.values()].filter((a) => a.kind !== "Place");
  if (actors.length !== 1) throw new Error(`"${text}" names ${actors.length} actors`);
  return actors[0] as q.ActorRow;
}

async function resolve(graph: Graph, text: string) {
  return theActor(await q.actorsByNameKeys(graph, actorLookupKeys(text.trim())), text);
}

/** As akhbar's prefetch (src/api/prefetch.ts): the actor and both lists in one statement. */
async function w2(graph: Graph, name: string) {
  const found = await q.actorsByNameKeysWithEvents(
    graph,
    actorLookupKeys(name.trim()),
    [
      {
        roles: ["CALLER", "CALLEE"],
        filter: { label: "PhoneCall" },
        page: PAGE,
        include: { participants: "names", evidence: true },
      },
      { roles: ["SPEAKER"], filter: { label: "Statement" }, page: PAGE, include: { evidence: true } },
    ],
    4,
  );
  const actor = theActor(found.actorsByKey, name);
  const [calls, statements] = found.eventsByActor.get(actor.id) ?? [];
  return {
    id: actor.id,
    name: actor.name,
    calls: (calls?.rows ?? []).map((e) => ({
      id: e.id,
      date: e.date,
      caller: e.carriedParticipants?.find((p) => p.role === "caller")?.actor.name ?? null,
      callee: e.carriedParticipants?.find((p) => p.role === "callee")?.actor.name ?? null,
      evidence: (e.carriedEvidence ?? []).map((v) => ({ text: v.text, sentence: v.sentence })),
    })),
    statements: (statements?.rows ?? []).map((e) => ({
      id: e.id,
      quote: e.quote,
      evidence: (e.carriedEvidence ?? []).map((v) => ({ text: v.text })),
    })),
  };
}

async function w3(graph: Graph, from: string, to: string) {
  const [a, b] = await Promise.all([resolve(graph, from), resolve(graph, to)]);
  const row = await q.shortestPath(graph, a.id, b.id, 4);
  if (!row) return null;
  return {
    actors: row.nodes.filter((n) => n.actor).map((n) => n.actor?.name),
    events: row.nodes.filter((n) => n.event).map((n) => ({ id: n.event?.id, kind: n.event?.kind })),
  };
}

async function w4(graph: Graph, text: string) {
  const query = q.luceneQuery(text);
  if (!query) throw new Error("no words");
  const hits = await q.searchText(graph, query, 10);
  return hits.map((h) => ({
    score: h.score,
    actor: h.actor ? { id: h.actor.id, name: h.actor.name } : null,
    event: h.event ? { id: h.event.id, kind: h.event.kind } : null,
    sentence: h.sentence ? { id: h.sentence.id, text: h.sentence.text } : null,
  }));
}

export function startFloorServer(graph: Graph, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const body = chunks.length
          ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string>)
          : {};
        let data: unknown;
        switch (req.url) {
          case "/w1":
            data = await w1(graph);
            break;
          case "/w2":
            data = await w2(graph, String(body.name));
            break;
          case "/w3":
            data = await w3(graph, String(body.from), String(body.to));
            break;
          case "/w4":
            data = await w4(graph, String(body.text));
            break;
          default:
            res.writeHead(404).end();
            return;
        }
        const out = JSON.stringify({ data });
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(out) });
        res.end(out);
      } catch (err) {
        const out = JSON.stringify({ errors: [{ message: (err as Error).message }] });
        res.writeHead(500, { "content-type": "application/json" }).end(out);
      }
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}
