/**
 * The MET relationships a meeting derives, computed from its parts as DERIVE_MET computes them in Cypher
 * (cypher.ts): between every two of its actors, from an actor who hosts (in any report) to one who does not
 * (directed), else from the lower id to the higher (undirected). The bulk import writes these; the
 * transactional loader runs DERIVE_MET.
 */
export interface MetRow {
  a: string;
  b: string;
  directed: boolean;
}

const MEETING_ROLE_TYPES = new Set(["HOST", "GUEST", "PARTICIPANT"]);

export function metRows(parts: { type: string; entity: string }[]): MetRow[] {
  const hosts = new Map<string, boolean>();
  for (const p of parts)
    if (MEETING_ROLE_TYPES.has(p.type)) hosts.set(p.entity, (hosts.get(p.entity) ?? false) || p.type === "HOST");
  const out: MetRow[] = [];
  for (const [a, aHosts] of hosts)
    for (const [b, bHosts] of hosts) {
      const directed = aHosts && !bHosts;
      if (a !== b && (directed || (aHosts === bHosts && a < b))) out.push({ a, b, directed });
    }
  return out;
}
