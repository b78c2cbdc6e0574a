/**
 * A minimal typed client for the akhbar GraphQL API — copy this file into a frontend (browser or Node 18+):
 * it needs nothing but `fetch`. The types mirror schema/schema.graphql; for a larger app, generate them from
 * that file instead (e.g. with GraphQL Code Generator).
 *
 *   const api = new AkhbarClient("http://localhost:4000/graphql");
 *   for (const call of await api.phoneCalls({ caller: "لافروف" })) console.log(call.caller?.nameEn, "→", call.callee?.nameEn);
 */

/** One error of a GraphQL response; `extensions.code` is BAD_USER_INPUT, NOT_FOUND, SERVICE_UNAVAILABLE, … */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    argumentName?: string;
    /** for an ambiguous name: the actors it could mean */
    candidates?: { id: string; name: string; nameEn: string | null; kind: string }[];
  };
}

export class AkhbarError extends Error {
  constructor(
    readonly errors: GraphQLErrorItem[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; "));
    this.name = "AkhbarError";
  }

  /** The code of the first error, e.g. "NOT_FOUND". */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface ActorRef {
  id: string;
  kind: "PERSON" | "ORGANIZATION" | "COUNTRY" | "PLACE";
  name: string;
  nameEn: string | null;
}

export interface EvidenceRef {
  text: string;
  start: number;
  end: number;
  article: { id: string; publishedAt: string | null };
}

export interface PhoneCall {
  id: string;
  date: string | null;
  directed: boolean;
  caller: ActorRef | null;
  callee: ActorRef | null;
  evidence: EvidenceRef[];
}

export interface PathStep {
  from: ActorRef;
  to: ActorRef;
  relation: string;
  fromRole: string | null;
  toRole: string | null;
  event: { id: string; kind: string; evidence: EvidenceRef[] } | null;
}

export interface Path {
  hops: number;
  actors: ActorRef[];
  steps: PathStep[];
}

interface Connection<N> {
  totalCount?: number;
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const ACTOR = "id kind name nameEn";
const EVIDENCE = "text start end article { id publishedAt }";

export class AkhbarClient {
  constructor(
    readonly endpoint: string,
    readonly headers: Record<string, string> = {},
  ) {}

  /** Runs any query; throws AkhbarError when the response has errors. */
  async request<TData, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    query: string,
    variables?: TVariables,
    signal?: AbortSignal,
  ): Promise<TData> {
    const res = await fetch(this.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...this.headers },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    const body = (await res.json()) as { data?: TData; errors?: GraphQLErrorItem[] };
    if (body.errors?.length) throw new AkhbarError(body.errors, res.status);
    if (body.data === undefined) throw new AkhbarError([{ message: `HTTP ${res.status} without data` }], res.status);
    return body.data;
  }

  /** Follows `pageInfo.endCursor` until the last page of a connection at `field`. */
  async all<N>(query: string, field: string, variables: Record<string, unknown> = {}, pageSize = 100): Promise<N[]> {
    const out: N[] = [];
    let after: string | null = null;
    for (;;) {
      const data: Record<string, Connection<N>> = await this.request(query, { ...variables, first: pageSize, after });
      const page = data[field];
      if (!page) throw new Error(`no field ${field} in the response`);
      out.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }

  /** Who called whom; names in any spelling (Arabic or English) or ids; dates as YYYY[-MM[-DD]]. */
  phoneCalls(
    filter: {
      caller?: string;
      callee?: string;
      participant?: string;
      country?: string;
      from?: string;
      to?: string;
    } = {},
  ): Promise<PhoneCall[]> {
    return this.all<PhoneCall>(
      `query PhoneCalls($caller: String, $callee: String, $participant: String, $country: String,
                        $from: String, $to: String, $first: Int, $after: String) {
        phoneCalls(caller: $caller, callee: $callee, participant: $participant, country: $country,
                   from: $from, to: $to, first: $first, after: $after) {
          nodes { id date directed caller { ${ACTOR} } callee { ${ACTOR} } evidence { ${EVIDENCE} } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      "phoneCalls",
      filter,
    );
  }

  /** One actor by name (any spelling) — null when there is none; throws on an ambiguous name. */
  async actor(name: string): Promise<ActorRef | null> {
    try {
      const data = await this.request<{ actor: ActorRef | null }>(
        `query Actor($name: String) { actor(name: $name) { ${ACTOR} } }`,
        { name },
      );
      return data.actor;
    } catch (err) {
      if (err instanceof AkhbarError && err.code === "NOT_FOUND") return null;
      throw err;
    }
  }

  /** How two actors are connected: the actors and the events between them. */
  async shortestPath(from: string, to: string, maxHops = 4): Promise<Path | null> {
    const data = await this.request<{ shortestPath: Path | null }>(
      `query Path($from: String!, $to: String!, $maxHops: Int!) {
        shortestPath(from: $from, to: $to, maxHops: $maxHops) {
          hops
          actors { ${ACTOR} }
          steps { from { ${ACTOR} } to { ${ACTOR} } relation fromRole toRole
                  event { id kind evidence { ${EVIDENCE} } } }
        }
      }`,
      { from, to, maxHops },
    );
    return data.shortestPath;
  }
}
