// The explorer's only data source: the public GraphQL API at /graphql (the same queries any client could send).

const ENDPOINT = "/graphql";
/** The API's largest page (MAX_PAGE_SIZE). */
const PAGE = 100;
/** A safety bound on how many pages one list may take. */
const MAX_PAGES = 50;

export class ApiError extends Error {}

/** The server needs a token for reads (AKHBAR_READ_TOKEN) and the page has none, or a wrong one. */
export class TokenRequired extends ApiError {}

/** Kept for the browser tab only (sessionStorage), never in a cookie or in the page's address. */
const TOKEN_KEY = "akhbar-token";

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Sends one GraphQL operation; throws ApiError with the API's messages when it answers with errors. */
export async function gql(query, variables = {}) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(ENDPOINT, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`the API answered ${res.status} without JSON`);
  }
  const message = body.errors?.map((e) => e.message).join("; ");
  if (body.errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED")) throw new TokenRequired(message);
  if (body.errors?.length) throw new ApiError(message);
  if (!res.ok) throw new ApiError(`the API answered ${res.status}`);
  return body.data;
}

/** Walks every page of a connection at `field` of the query's data. */
async function allPages(query, field, variables = {}) {
  const nodes = [];
  let after = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const data = await gql(query, { ...variables, first: PAGE, after });
    const conn = data[field];
    for (const edge of conn.edges) nodes.push(edge.node);
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return nodes;
}

const ACTORS = `query ExplorerActors($first: Int, $after: String) {
  actors(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      __typename id name nameEn aliases
      country { id }
      ... on Person { unnamed positions { title titleEn organization { id } country { id } } }
      ... on Organization { parent { id } }
      ... on Country { iso2 }
    } }
  }
}`;

const EVENTS = `query ExplorerEvents($first: Int, $after: String) {
  events(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      __typename id kind cameo date datePrecision
      participants { role actor { id } }
      evidence { article { id publishedAt } sentence start end text }
      ... on PhoneCall { directed }
      ... on Statement { quote }
      ... on Claim { quantities { value approximate atLeast what text side { id } } }
    } }
  }
}`;

const ARTICLE = `query ExplorerArticle($id: ID!) {
  article(id: $id) { id title source publishedAt text }
}`;

const SEARCH = `query ExplorerSearch($text: String!) {
  actors(search: $text, first: 10) { edges { node { id } } }
}`;

/** Maps an API actor onto the explorer's plain record. */
function toActor(node) {
  return {
    id: node.id,
    kind: node.__typename,
    unnamed: Boolean(node.unnamed),
    name: node.name,
    nameEn: node.nameEn ?? null,
    aliases: node.aliases ?? [],
    countryId: node.country?.id ?? null,
    iso2: node.iso2 ?? null,
    parentId: node.parent?.id ?? null,
    positions: (node.positions ?? []).map((p) => ({
      title: p.title,
      titleEn: p.titleEn ?? null,
      organizationId: p.organization?.id ?? null,
      countryId: p.country?.id ?? null,
    })),
  };
}

/** The API's EventKind (PHONE_CALL) as the graph names it (PhoneCall). */
export function kindLabel(kind) {
  if (!kind) return null;
  return String(kind)
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** Maps an API event onto the explorer's plain record. */
function toEvent(node) {
  return {
    id: node.id,
    kind: kindLabel(node.kind) ?? node.__typename,
    type: node.__typename,
    cameo: node.cameo ?? null,
    date: node.date ?? null,
    datePrecision: node.datePrecision ?? null,
    directed: node.directed ?? null,
    quote: node.quote ?? null,
    participants: (node.participants ?? [])
      .filter((p) => p.actor)
      .map((p) => ({ role: String(p.role).toLowerCase(), actorId: p.actor.id })),
    evidence: (node.evidence ?? []).map((e) => ({
      articleId: e.article.id,
      publishedAt: e.article.publishedAt ?? null,
      sentence: e.sentence,
      start: e.start,
      end: e.end,
      text: e.text,
    })),
    quantities: (node.quantities ?? []).map((q) => ({
      value: q.value,
      approximate: Boolean(q.approximate),
      atLeast: Boolean(q.atLeast),
      what: q.what,
      text: q.text ?? null,
      sideId: q.side?.id ?? null,
    })),
  };
}

/** Every actor and every event, page by page. */
export async function loadGraph() {
  const [actors, events] = await Promise.all([allPages(ACTORS, "actors"), allPages(EVENTS, "events")]);
  return { actors: actors.map(toActor), events: events.map(toEvent) };
}

const articles = new Map();

/** One article with its full text: fetched once, the first time its evidence is shown. */
export function loadArticle(id) {
  if (!articles.has(id)) {
    const promise = gql(ARTICLE, { id }).then((data) => data.article);
    promise.catch(() => articles.delete(id));
    articles.set(id, promise);
  }
  return articles.get(id);
}

/** Ids of the actors the API's own name search finds (full-text over names and aliases). */
export async function searchActorIds(text) {
  const data = await gql(SEARCH, { text });
  return data.actors.edges.map((e) => e.node.id);
}
