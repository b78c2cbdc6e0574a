/**
 * Production mode (NODE_ENV=production) and the security headers of every answer.
 *
 * In production, introspection and the playground are off unless AKHBAR_INTROSPECTION=1 /
 * AKHBAR_PLAYGROUND=1, field suggestions ("Did you mean …?") are hidden with them, and errors never carry
 * stack traces (those only appear with NODE_ENV=development). Headers come from helmet, with a Content
 * Security Policy that allows exactly what the offline playground and the explorer load: our own scripts
 * (and the playground's two inline scripts, by hash), inline styles, data: fonts and images, same-origin
 * workers and fetches.
 */
import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";

export interface Mode {
  production: boolean;
  /** stack traces and messages of unexpected errors in answers */
  development: boolean;
  introspection: boolean;
  playground: boolean;
}

const on = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());

export function modeFromEnv(env: NodeJS.ProcessEnv = process.env): Mode {
  const production = env.NODE_ENV === "production";
  return {
    production,
    development: env.NODE_ENV === "development",
    introspection: !production || on(env.AKHBAR_INTROSPECTION),
    playground: !production || on(env.AKHBAR_PLAYGROUND),
  };
}

/** CSP source expressions ('sha256-…') of the inline <script> elements of a page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\ssrc\s*=/i.test(m[0].slice(0, m[0].indexOf(">"))) && (m[1] ?? "").length > 0)
    .map(
      (m) =>
        `'sha256-${createHash("sha256")
          .update(m[1] as string, "utf8")
          .digest("base64")}'`,
    );
}

export interface HeaderOptions {
  /** inline scripts allowed by hash (the playground's) */
  scriptHashes?: string[];
}

export function securityHeaders(options: HeaderOptions = {}): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "script-src": ["'self'", ...(options.scriptHashes ?? [])],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
        "img-src": ["'self'", "data:", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
  }) as unknown as RequestHandler;
}
