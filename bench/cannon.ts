/** autocannon over loopback: one fixed-duration run (after a warm-up that is thrown away), with GraphQL errors counted. */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface CannonRequest {
  setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
  onResponse?: (status: number, body: string) => void;
}
interface CannonHistogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface CannonResult {
  requests: CannonHistogram & { total: number };
  latency: CannonHistogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (
  opts: {
    url: string;
    connections: number;
    duration: number;
    method: string;
    headers: Record<string, string>;
    requests: CannonRequest[];
    timeout?: number;
  },
  cb: (err: Error | null, result: CannonResult) => void,
) => unknown;
const autocannon = require("autocannon") as Autocannon;

export interface RunResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
  errors: number;
  /** answers with status 200 whose body holds GraphQL `errors` (included in errors) */
  graphqlErrors: number;
  seconds: number;
}

/** Cycles through `bodies` (one per request) against `url`. */
export function cannon(url: string, bodies: string[], connections: number, seconds: number): Promise<RunResult> {
  let i = 0;
  let graphqlErrors = 0;
  let firstError: string | null = null;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: "POST",
        timeout: 10,
        headers: { "content-type": "application/json" },
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
            onResponse: (status, body) => {
              if (status === 200 && body.includes('"errors":[')) {
                graphqlErrors++;
                firstError ??= body.slice(0, 300);
              } else if (status !== 200) firstError ??= `${status} ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        if (firstError && process.env.AKHBAR_BENCH_VERBOSE) process.stderr.write(`  first error: ${firstError}\n`);
        resolve({
          requests: r.requests.total,
          rps: r.requests.total / r.duration,
          p50: r.latency.p50,
          p99: r.latency.p99,
          mean: r.latency.average,
          max: r.latency.max,
          errors: r.errors + r.non2xx + graphqlErrors, // autocannon counts timeouts among errors
          graphqlErrors,
          seconds: r.duration,
        });
      },
    );
  });
}
