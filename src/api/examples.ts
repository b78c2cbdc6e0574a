/**
 * The example queries the playground opens with (also in the README, and run by the tests, so they always
 * match the schema).
 */

import { parse, print } from "graphql";

export interface ExampleQuery {
  name: string;
  title: string;
  query: string;
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    name: "WhoCalledWhom",
    title: "Who called whom",
    query: `query WhoCalledWhom {
  phoneCalls(first: 50) {
    totalCount
    nodes {
      date
      directed
      caller { name nameEn }
      callee { name nameEn }
      evidence { text }
    }
  }
}`,
  },
  {
    name: "WhoMetWhom",
    title: "Who met whom",
    query: `query WhoMetWhom {
  meetings(first: 50) {
    totalCount
    nodes {
      date
      host { name nameEn }
      guests { name nameEn }
      parties { name nameEn }
      location { name nameEn }
      evidence { text }
    }
  }
}`,
  },
  {
    name: "EverythingLavrovDid",
    title: "Everything Lavrov did, with evidence",
    query: `query EverythingLavrovDid {
  actor(name: "لافروف") {
    id
    name
    nameEn
    ... on Person {
      positions { title titleEn country { nameEn } }
      counterparts { name nameEn }
    }
    events(first: 50) {
      totalCount
      nodes {
        kind
        date
        participants { role actor { name nameEn } }
        evidence { text sentence start end article { id publishedAt } }
      }
    }
  }
}`,
  },
  {
    name: "CasualtyClaims",
    title: "The casualty claims, side by side",
    query: `query CasualtyClaims {
  claims(first: 50) {
    nodes {
      claimant { name nameEn country { nameEn } }
      quantities { value what approximate atLeast side { name nameEn } }
      evidence { text }
    }
  }
}`,
  },
  {
    name: "PathErdoganToLavrov",
    title: "How is Erdogan connected to Lavrov?",
    query: `query PathErdoganToLavrov {
  shortestPath(from: "أردوغان", to: "Lavrov") {
    hops
    actors { name nameEn }
    steps {
      from { name nameEn }
      relation
      fromRole
      toRole
      to { name nameEn }
      event { evidence { text } }
    }
  }
}`,
  },
];

/** One document with every example: GraphiQL asks which operation to run. */
export function examplesDocument(): string {
  const header = [
    "# akhbar: the Arabic news knowledge graph.",
    "# Put the cursor in a query and press Ctrl+Enter (or ▶).",
    "# Names: Arabic in any spelling, or English;",
    "# full or family name.",
    "",
  ].join("\n");
  return header + EXAMPLE_QUERIES.map((e) => `# ${e.title}\n${e.query}`).join("\n\n");
}

/** Evidence texts longer than this are cut with " …" in examples/queries.md. */
const SHOWN_TEXT = 60;

/** An answer as examples/queries.md shows it: evidence `text`s cut after SHOWN_TEXT characters. */
export function shownAnswer(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shownAnswer);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === "text" && typeof v === "string" && v.length > SHOWN_TEXT ? `${v.slice(0, SHOWN_TEXT)} …` : shownAnswer(v),
    ]),
  );
}

/** examples/queries.md: every example query (printed by graphql-js) with the API's answer to it. */
export function examplesMarkdown(answers: ReadonlyMap<string, unknown>): string {
  const intro = [
    "# Example queries and their answers on the seed",
    "",
    "These are the queries the playground (`GET /graphql` in a browser) opens with, from `src/api/examples.ts`;",
    "the answers are the real responses of the API with `seeds/` loaded by the extractor and the loader",
    "(long evidence texts cut with …). `tests/api/queries.test.ts` runs every one of them and checks that the",
    "answer shown here is still the real one. `npm run examples` writes this file from the running API",
    "(`npm start`).",
  ].join("\n");
  const sections = EXAMPLE_QUERIES.map((e) => {
    if (!answers.has(e.name)) throw new Error(`no answer for the example ${e.name}`);
    const json = JSON.stringify(shownAnswer(answers.get(e.name)), null, 2);
    return `## ${e.title}\n\n\`\`\`graphql\n${print(parse(e.query))}\n\`\`\`\n\n\`\`\`json\n${json}\n\`\`\``;
  });
  return `${[intro, ...sections].join("\n\n")}\n`;
}
