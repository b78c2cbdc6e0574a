import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository (package) root: src/ and dist/ both sit one level below it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export interface Neo4jConfig {
  /** Set when the user points akhbar at their own Neo4j; then nothing is started locally. */
  externalUri: string | null;
  uri: string;
  user: string;
  password: string;
  database: string;
  boltPort: number;
  dataDir: string;
  cacheDir: string;
  heap: string;
}

/** Everything comes from the environment; see the configuration table in README.md. */
export function neo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const boltPort = intFromEnv(env, "AKHBAR_NEO4J_PORT", 7687);
  const externalUri = env.NEO4J_URI && env.NEO4J_URI !== "" ? env.NEO4J_URI : null;
  return {
    externalUri,
    uri: externalUri ?? `bolt://127.0.0.1:${boltPort}`,
    user: env.NEO4J_USER || "neo4j",
    password: env.NEO4J_PASSWORD || "akhbar-local",
    database: env.NEO4J_DATABASE || "neo4j",
    boltPort,
    dataDir: path.resolve(env.AKHBAR_DATA_DIR || path.join(repoRoot, ".data", "neo4j")),
    cacheDir: path.resolve(env.AKHBAR_CACHE_DIR || path.join(os.homedir(), ".cache", "akhbar")),
    heap: env.AKHBAR_NEO4J_HEAP || "1g",
  };
}

export interface ServerConfig {
  host: string;
  port: number;
}

export function serverConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return { host: env.HOST || "127.0.0.1", port: intFromEnv(env, "PORT", 4000) };
}
