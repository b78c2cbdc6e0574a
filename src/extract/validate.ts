/** JSON Schema validation of a document graph (schema/document-graph.schema.json, ajv). */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Validator = ((d: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
let validator: Validator | null = null;

function schemaPath(): string {
  let d = path.dirname(fileURLToPath(import.meta.url));
  for (let k = 0; k < 6; k++) {
    const p = path.join(d, "schema", "document-graph.schema.json");
    if (existsSync(p)) return p;
    d = path.dirname(d);
  }
  throw new Error("schema/document-graph.schema.json not found");
}

function getValidator(): Validator {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const Ajv2020 = require("ajv/dist/2020").default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  validator = ajv.compile(JSON.parse(readFileSync(schemaPath(), "utf8"))) as Validator;
  return validator;
}

export function validateDocumentGraph(g: unknown): { ok: true } | { ok: false; errors: string[] } {
  const v = getValidator();
  if (v(g)) return { ok: true };
  return { ok: false, errors: (v.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "invalid"}`) };
}
