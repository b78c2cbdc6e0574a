/**
 * CORS allow-list from the environment: AKHBAR_CORS_ORIGINS is a comma-separated list of origins
 * (`https://app.example.org`), each may end in `:*` for any port (`http://localhost:*`); `*` allows every
 * origin. Unset: local development origins only (http://localhost:* and http://127.0.0.1:*).
 */
import type { CorsOptions } from "cors";

export const DEFAULT_CORS_ORIGINS = "http://localhost:*,http://127.0.0.1:*";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.AKHBAR_CORS_ORIGINS ?? DEFAULT_CORS_ORIGINS;
  return raw
    .split(",")
    .map((s) => s.trim().replace(/\/+$/, ""))
    .filter((s) => s.length > 0);
}

export function corsOptions(origins: string[]): CorsOptions {
  if (origins.includes("*")) return { origin: true, maxAge: 600 };
  const patterns = origins.map((o) =>
    o.endsWith(":*") ? new RegExp(`^${escapeRegExp(o.slice(0, -2))}(:\\d+)?$`) : new RegExp(`^${escapeRegExp(o)}$`),
  );
  return {
    origin: (origin, callback) => callback(null, origin === undefined || patterns.some((p) => p.test(origin))),
    maxAge: 600,
  };
}
