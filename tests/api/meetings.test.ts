/**
 * Meetings, visits and messages end to end: two articles about people the corpora do not name are ingested by
 * the ingest layer into the real test Neo4j, and GraphQL answers who met whom (with MET derived like CALLED),
 * who visited where and which message went from whom through whom to whom.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/article.js";
import { sharedDir } from "../extract/helpers.js";
import { useSeededApi } from "./support.js";

const api = useSeededApi({ seed: false });

const FIRST = [
  "استقبل الرئيس الكيني وليام روتو اليوم الأحد في نيروبي وزير الخارجية الغاني صامويل أبلاكوا، وبحث معه العلاقات الثنائية.",
  "وتسلم الرئيس الكيني وليام روتو رسالة خطية من الرئيس الغاني جون ماهاما، نقلها إليه وزير الخارجية الغاني صامويل أبلاكوا.",
  "وزار وزير الخارجية الغاني صامويل أبلاكوا إثيوبيا يوم الإثنين.",
  "ومن المقرر أن يلتقي الرئيس الكيني وليام روتو الرئيس الأوغندي يويري موسيفيني الأسبوع المقبل.",
].join(" ");
/** the same meeting told by another outlet the same day, without a host */
const SECOND = "التقى وزير الخارجية الغاني صامويل أبلاكوا الأحد الرئيس الكيني وليام روتو في كينيا.";

type Named = { name: string } | null;

beforeAll(async () => {
  await ingestText(api.graph, FIRST, { id: "meetings-1", publishedAt: "2025-03-02", source: "test" });
  await ingestText(api.graph, SECOND, { id: "meetings-2", publishedAt: "2025-03-02", source: "test" });
});

describe("who met whom", () => {
  it("one meeting reported twice: host and guest, evidence from both articles, no call", async () => {
    const res = await api.gql<{
      meetings: {
        totalCount: number;
        nodes: {
          date: string;
          host: Named;
          guests: Named[];
          parties: Named[];
          evidence: { article: { id: string } }[];
        }[];
      };
      phoneCalls: { totalCount: number };
    }>(`{
      meetings(first: 10) { totalCount nodes { date host { name } guests { name } parties { name } evidence { article { id } } } }
      phoneCalls { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.phoneCalls.totalCount).toBe(0);
    expect(res.data?.meetings.totalCount).toBe(1);
    const [m] = res.data?.meetings.nodes ?? [];
    expect(m.date).toBe("2025-03-02");
    expect(m.host?.name).toBe("وليام روتو");
    expect(m.guests.map((g) => g?.name)).toEqual(["صامويل أبلاكوا"]);
    expect(m.parties.map((p) => p?.name).sort()).toEqual(["صامويل أبلاكوا", "وليام روتو"]);
    expect([...new Set(m.evidence.map((e) => e.article.id))].sort()).toEqual(["meetings-1", "meetings-2"]);
  });

  it("derives MET from the host to the guest, one per meeting", async () => {
    const res = await api.graph.read(
      "MATCH (a)-[m:MET]->(b) RETURN a.name AS a, b.name AS b, m.directed AS directed, m.date AS date",
    );
    expect(res.records.map((r) => r.toObject())).toEqual([
      { a: "وليام روتو", b: "صامويل أبلاكوا", directed: true, date: "2025-03-02" },
    ]);
  });

  it("filters by host, guest, participant in any spelling, and lists a person's meetings", async () => {
    const count = async (args: string) => {
      const res = await api.gql<{ meetings: { totalCount: number } }>(`{ meetings(${args}) { totalCount } }`);
      expect(res.errors).toBeUndefined();
      return res.data?.meetings.totalCount;
    };
    expect(await count('host: "وليام روتو"')).toBe(1);
    expect(await count('guest: "وليام روتو"')).toBe(0);
    expect(await count('participant: "ابلاكوا"')).toBe(1);
    expect(await count('from: "2025-04"')).toBe(0);
    const res = await api.gql<{ actor: { meetings: { nodes: { host: Named }[] } } }>(
      `{ actor(name: "أبلاكوا") { ... on Person { meetings { nodes { host { name } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.actor.meetings.nodes.map((n) => n.host?.name)).toEqual(["وليام روتو"]);
  });
});

describe("visits and messages", () => {
  it("who visited where", async () => {
    const res = await api.gql<{ visits: { nodes: { visitor: Named; destination: Named }[] } }>(
      `{ visits(visitor: "صامويل أبلاكوا") { nodes { visitor { name } destination { name } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.visits.nodes).toEqual([{ visitor: { name: "صامويل أبلاكوا" }, destination: { name: "إثيوبيا" } }]);
  });

  it("a message with its sender, carrier and recipient", async () => {
    const res = await api.gql<{
      messages: { nodes: { kind: string; sender: Named; carrier: Named; recipient: Named }[] };
    }>(`{ messages(carrier: "أبلاكوا") { nodes { kind sender { name } carrier { name } recipient { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.messages.nodes).toEqual([
      {
        kind: "MESSAGE",
        sender: { name: "جون ماهاما" },
        carrier: { name: "صامويل أبلاكوا" },
        recipient: { name: "وليام روتو" },
      },
    ]);
  });

  it("events of the new kinds resolve to their own types, not OtherEvent", async () => {
    const res = await api.gql<{ events: { nodes: { __typename: string }[] } }>(
      `{ events(first: 50) { nodes { __typename } } }`,
    );
    expect(res.errors).toBeUndefined();
    const types = new Set(res.data?.events.nodes.map((n) => n.__typename));
    for (const t of ["Meeting", "Visit", "Message"]) expect(types).toContain(t);
  });
});

describe("who met whom in a real report (arabic-news.json, d02: the chiefs of staff in Moscow)", () => {
  beforeAll(async () => {
    const dev = JSON.parse(readFileSync(path.join(sharedDir, "corpus", "dev", "arabic-news.json"), "utf8"));
    const item = dev.items.find((i: { id: string }) => i.id === "ar-news-d02-karabakh2016");
    await ingestText(api.graph, item.text, { id: item.id, publishedAt: "2016-04-07", source: item.source_url });
  });

  it("one meeting of the two unnamed chiefs of staff, one per state, in Russia, no call", async () => {
    const res = await api.gql<{
      meetings: {
        totalCount: number;
        nodes: { parties: Named[]; location: Named; evidence: { sentence: number }[] }[];
      };
      phoneCalls: { totalCount: number };
    }>(`{
      meetings(country: "أرمينيا") { totalCount nodes { parties { name } location { name } evidence { sentence } } }
      phoneCalls(country: "أرمينيا") { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.phoneCalls.totalCount).toBe(0);
    expect(res.data?.meetings.totalCount).toBe(1);
    const [m] = res.data?.meetings.nodes ?? [];
    expect(m.parties.map((p) => p?.name).sort()).toEqual(["رئيس الأركان (أذربيجان)", "رئيس الأركان (أرمينيا)"]);
    expect(m.location?.name).toBe("روسيا");
    expect(m.evidence.map((e) => e.sentence).sort()).toEqual([0, 1]);
  });
});
