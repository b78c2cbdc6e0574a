import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from "neo4j-driver";
import type { Neo4jConfig } from "../config.js";

/**
 * One driver per process, for any URI scheme the driver knows: bolt:// (one server) or neo4j:// / neo4j+s:// (a
 * cluster or Aura: the driver routes each read session to a reader and each write to the leader, from the
 * routing table it fetches). Writes go through the driver's managed transactions, which retry transient errors
 * (leader switches, deadlocks, a briefly unavailable server) by themselves. A read is one auto-commit
 * statement (RUN and PULL in one round trip, where a managed transaction adds BEGIN and COMMIT and a second
 * round trip), retried here on the same transient errors.
 */
export interface Graph {
  driver: Driver;
  database: string;
  read<T extends RecordShape = RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<QueryResult<T>>;
  write<T extends RecordShape = RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<QueryResult<T>>;
  /** An auto-commit query: needed for CALL { … } IN TRANSACTIONS, which batches its own commits. */
  autoCommit(cypher: string, params?: Record<string, unknown>): Promise<QueryResult>;
  /**
   * Runs work in ONE write transaction: all of it commits, or none of it does. onBookmarks receives the
   * bookmarks of the commit: a read passed them (withBookmarks) sees this write on any member of a cluster.
   */
  writeTransaction<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    opts?: { onBookmarks?: (bookmarks: string[]) => void },
  ): Promise<T>;
  /** The same graph, its reads waiting until the server holds the writes these bookmarks name. */
  withBookmarks(bookmarks: string[]): Graph;
  close(): Promise<void>;
}

export interface GraphOptions {
  /** Called with each Cypher text run; used by tests to prove query counts are bounded. */
  onQuery?: (cypher: string) => void;
  maxConnectionPoolSize?: number;
  /**
   * Neo4j transaction timeout of `read` (the API's queries), in ms; the server aborts a read running longer.
   * Default AKHBAR_QUERY_TIMEOUT_MS, else 15 000; 0 turns it off.
   */
  readTimeoutMs?: number;
}

export const DEFAULT_READ_TIMEOUT_MS = 15_000;

const READ_ATTEMPTS = 3;

function readTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AKHBAR_QUERY_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_READ_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`AKHBAR_QUERY_TIMEOUT_MS must be a whole number of milliseconds, got "${raw}"`);
  }
  return value;
}

export function openGraph(cfg: Neo4jConfig, options: GraphOptions = {}): Graph {
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 100,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
  });
  return graphOf(driver, cfg.database, options, []);
}

function graphOf(driver: Driver, database: string, options: GraphOptions, bookmarks: string[]): Graph {
  const observe = (cypher: string) => options.onQuery?.(cypher);
  const readTimeout = options.readTimeoutMs ?? readTimeoutFromEnv();
  const readTransaction = readTimeout > 0 ? { timeout: readTimeout } : undefined;
  return {
    driver,
    database,
    async read(cypher, params = {}) {
      observe(cypher);
      for (let attempt = 1; ; attempt++) {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, bookmarks });
        try {
          return await session.run(cypher, params, readTransaction);
        } catch (err) {
          if (attempt >= READ_ATTEMPTS || !neo4j.isRetryableError(err)) throw err;
        } finally {
          await session.close();
        }
      }
    },
    write(cypher, params = {}) {
      observe(cypher);
      return driver.executeQuery(cypher, params, { database, routing: neo4j.routing.WRITE });
    },
    async autoCommit(cypher, params = {}) {
      observe(cypher);
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarks });
      try {
        return await session.run(cypher, params);
      } finally {
        await session.close();
      }
    },
    async writeTransaction(work, opts) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarks });
      try {
        const result = await session.executeWrite((tx) =>
          work({
            run: ((cypher: string, params?: Record<string, unknown>) => {
              observe(cypher);
              return tx.run(cypher, params);
            }) as ManagedTransaction["run"],
          } as ManagedTransaction),
        );
        opts?.onBookmarks?.(session.lastBookmarks());
        return result;
      } finally {
        await session.close();
      }
    },
    withBookmarks: (more) => graphOf(driver, database, options, [...bookmarks, ...more]),
    close: () => driver.close(),
  };
}

export interface Health {
  ok: boolean;
  neo4jVersion: string | null;
  edition: string | null;
  nodeCount: number | null;
  relationshipCount: number | null;
  error: string | null;
}

export async function graphHealth(graph: Graph): Promise<Health> {
  try {
    const components = await graph.read<{ version: string; edition: string }>(
      "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
    );
    const counts = await graph.read<{ nodes: number; rels: number }>(
      "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels",
    );
    const c = components.records[0];
    const n = counts.records[0];
    return {
      ok: true,
      neo4jVersion: c?.get("version") ?? null,
      edition: c?.get("edition") ?? null,
      nodeCount: n?.get("nodes") ?? null,
      relationshipCount: n?.get("rels") ?? null,
      error: null,
    };
  } catch (err) {
    return {
      ok: false,
      neo4jVersion: null,
      edition: null,
      nodeCount: null,
      relationshipCount: null,
      error: (err as Error).message,
    };
  }
}
