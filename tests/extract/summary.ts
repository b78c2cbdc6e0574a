/** A document graph summed up as the tests compare it: calls as "a -> b" / "a -- b", speakers and people. */
import type { DocumentGraph } from "../../src/extract/index.js";
import { key } from "../../src/extract/score.js";

export function summarise(g: DocumentGraph) {
  const ents = new Map(g.entities.map((e) => [e.id, e]));
  const nm = (id: string) => key(ents.get(id)?.name ?? id);
  const calls = g.events
    .filter((e) => e.kind === "PhoneCall")
    .map((e) => `${nm(e.participants[0].entity)} ${e.directed ? "->" : "--"} ${nm(e.participants[1].entity)}`);
  const speakers = [
    ...new Set(
      g.events
        .filter((e) => ["Statement", "Appeal", "Accusation", "MeetingCall"].includes(e.kind))
        .flatMap((e) => e.participants.filter((p) => p.role === "speaker").map((p) => nm(p.entity))),
    ),
  ];
  const people = g.entities.filter((e) => e.kind === "Person" && !e.unnamed).map((e) => key(e.name));
  return { calls, speakers, people };
}

/** expected calls, speakers or people in the summary's form, sorted */
export const expected = (xs: string[]) =>
  xs
    .map((x) =>
      x
        .split(/ (->|--) /)
        .map((p) => (p === "->" || p === "--" ? p : key(p)))
        .join(" "),
    )
    .sort();
