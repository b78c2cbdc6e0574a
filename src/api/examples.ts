/**
 * The example queries the playground opens with (also in the README, and run by the tests, so they always
 * match the schema).
 */

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
