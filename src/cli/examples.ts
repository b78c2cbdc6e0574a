/** `akhbar examples [--url URL] [--out FILE]`: examples/queries.md from the answers of a running API. */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { EXAMPLE_QUERIES, examplesMarkdown } from "../api/examples.js";
import { repoRoot, serverConfig } from "../config.js";

/** Runs every example query against the API at url; throws on a failed request or an answer with errors. */
export async function fetchExampleAnswers(url: string, token?: string): Promise<Map<string, unknown>> {
  const answers = new Map<string, unknown>();
  for (const example of EXAMPLE_QUERIES) {
    let res: Response;
    try {
      res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: example.query }),
      });
    } catch (err) {
      throw new Error(`no API answers at ${url} (start it with 'npm start'): ${(err as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as { data?: unknown; errors?: { message: string }[] };
    if (!res.ok || body.errors?.length || body.data == null) {
      const why = body.errors?.map((e) => e.message).join("; ") || `HTTP ${res.status}`;
      throw new Error(`the example ${example.name} failed at ${url}: ${why}`);
    }
    answers.set(example.name, body.data);
  }
  return answers;
}

export function registerExamples(program: Command): void {
  const { host, port } = serverConfig();
  program
    .command("examples")
    .description("write examples/queries.md from the answers of the running API (npm start)")
    .option("--url <url>", "the GraphQL endpoint", `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}/graphql`)
    .option("--out <file>", "where to write", path.join(repoRoot, "examples", "queries.md"))
    .action(async (opts: { url: string; out: string }) => {
      const token = process.env.AKHBAR_READ_TOKEN || process.env.AKHBAR_API_TOKEN || undefined;
      const markdown = examplesMarkdown(await fetchExampleAnswers(opts.url, token));
      fs.writeFileSync(opts.out, markdown);
      process.stderr.write(`${EXAMPLE_QUERIES.length} examples with their answers from ${opts.url} → ${opts.out}\n`);
    });
}
