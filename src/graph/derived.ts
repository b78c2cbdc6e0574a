/**
 * The MET relationships a meeting derives, computed from its parts as DERIVE_MET computes them in Cypher
 * (cypher.ts): between every two of its actors, from the host to a guest (directed), else from the lower id
 * to the higher (undirected). The bulk import writes these; the transactional loader runs DERIVE_MET.
 */
export interface MetRow {
  a: string;
  b: string;
  directed: boolean;
}

const MEETING_ROLE_TYPES = new Set(["HOST", "GUEST", "PARTICIPANT"]);

export function metRows(parts: { type: string; entity: string }[]): MetRow[] {
  const ps = parts.filter((p) => MEETING_ROLE_TYPES.has(p.type));
  const out = new Map<string, MetRow>();
  for (const a of ps)
    for (const b of ps) {
      if (a.entity === b.entity) continue;
      const directed = a.type === "HOST" && b.type !== "HOST";
      const peers = (a.type === "HOST") === (b.type === "HOST");
      const key = `${a.entity}\u0000${b.entity}`;
      if (directed || (peers && a.entity < b.entity && !out.has(key)))
        out.set(key, { a: a.entity, b: b.entity, directed });
    }
  return [...out.values()];
}
