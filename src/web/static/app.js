// akhbar graph explorer: network view, search, actor panel, evidence, calls and meetings tables, claims side by side.
import { loadArticle, loadGraph, searchActorIds, setToken, TokenRequired } from "./api.js";
import { buildIndex, esc, fold, inDateRange, searchIndex } from "./text.js";

const cytoscape = window.cytoscape;
if (window.cytoscapeFcose) cytoscape.use(window.cytoscapeFcose);

const state = {
  actors: new Map(),
  events: [],
  eventsById: new Map(),
  index: [],
  filters: { country: "", from: "", to: "" },
  focusedId: null,
  cy: null,
  ready: false,
};
/** For tests and the curious: the live state and the cytoscape instance. */
window.akhbarExplorer = state;

const $ = (sel) => document.querySelector(sel);
const statusEl = $("#status");
const panel = $("#panel");

function setStatus(text, isError = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle("error", isError);
}

// ---------------------------------------------------------------- data helpers

const ADDRESSEE_ROLES = new Set(["addressee", "about", "target", "recipient", "callee"]);
const SOURCE_ROLES = ["caller", "speaker", "claimant", "source", "actor", "initiator"];
const SAYING_KINDS = new Set(["Statement", "Appeal", "Condolence", "MeetingCall", "Accusation"]);

function actor(id) {
  return state.actors.get(id);
}

function roleIds(ev, role) {
  return ev.participants.filter((p) => p.role === role).map((p) => p.actorId);
}

function sourceOf(ev) {
  for (const role of SOURCE_ROLES) {
    const ids = roleIds(ev, role);
    if (ids.length) return ids[0];
  }
  return null;
}

/** The country an actor belongs to (itself for a country). */
function countryOf(a) {
  if (!a) return null;
  if (a.kind === "Country") return a.id;
  return a.countryId ?? a.positions?.find((p) => p.countryId)?.countryId ?? null;
}

/** The date an event is filtered and sorted by: its own, else its article's. */
function effectiveDate(ev) {
  return ev.date ?? ev.evidence.find((e) => e.publishedAt)?.publishedAt ?? null;
}

/** Whether an event passes the country and date filters. */
function passes(ev) {
  const { country, from, to } = state.filters;
  if (!inDateRange(effectiveDate(ev), from, to)) return false;
  if (!country) return true;
  const ids = [...ev.participants.map((p) => p.actorId), ...ev.quantities.map((q) => q.sideId).filter(Boolean)];
  return ids.some((id) => id === country || countryOf(actor(id)) === country);
}

/** The network edges an event draws: [{ source, target, cls }]. */
function eventEdges(ev) {
  const edges = [];
  const add = (source, target, cls) => {
    if (source && target && source !== target && actor(source) && actor(target)) edges.push({ source, target, cls });
  };
  if (ev.kind === "PhoneCall") {
    const callers = roleIds(ev, "caller");
    const callees = roleIds(ev, "callee");
    if (callers.length && callees.length) {
      for (const c of callers) for (const d of callees) add(c, d, ev.directed === false ? "call undirected" : "call");
    } else {
      const ids = ev.participants.map((p) => p.actorId);
      for (let i = 1; i < ids.length; i++) add(ids[0], ids[i], "call undirected");
    }
    return edges;
  }
  if (ev.kind === "Meeting") {
    // from the host to everyone received; with no host named, between every two who met
    const parties = ev.participants.filter((p) => p.role !== "location").map((p) => p.actorId);
    const [host] = roleIds(ev, "host");
    if (host) for (const p of parties) add(host, p, "meeting");
    else
      for (let i = 0; i < parties.length; i++)
        for (let j = i + 1; j < parties.length; j++) add(parties[i], parties[j], "meeting undirected");
    return edges;
  }
  if (ev.kind === "Visit") {
    for (const v of roleIds(ev, "visitor")) for (const l of roleIds(ev, "location")) add(v, l, "visit");
    return edges;
  }
  if (ev.kind === "Message") {
    // sender → carrier → recipient, or straight to the recipient when no carrier is named
    const [sender] = roleIds(ev, "sender");
    const [carrier] = roleIds(ev, "carrier");
    const [recipient] = roleIds(ev, "recipient");
    if (carrier) {
      add(sender, carrier, "message");
      add(carrier, recipient, "message");
    } else add(sender, recipient, "message");
    return edges;
  }
  if (ev.kind === "Claim") {
    const claimant = sourceOf(ev);
    for (const side of new Set(ev.quantities.map((q) => q.sideId).filter(Boolean))) add(claimant, side, "claim");
    return edges;
  }
  if (SAYING_KINDS.has(ev.kind)) {
    const speaker = sourceOf(ev);
    const cls = ev.kind === "Appeal" ? "appeal" : ev.kind === "Condolence" ? "condolence" : "statement";
    for (const p of ev.participants) if (ADDRESSEE_ROLES.has(p.role)) add(speaker, p.actorId, cls);
    return edges;
  }
  // clashes, ceasefires, meetings: between the parties (never to a mere location)
  const parties = ev.participants.filter((p) => p.role !== "location").map((p) => p.actorId);
  const cls = ev.kind === "Clash" || ev.kind === "Ceasefire" ? "clash undirected" : "other undirected";
  for (let i = 0; i < parties.length; i++)
    for (let j = i + 1; j < parties.length; j++) add(parties[i], parties[j], cls);
  return edges;
}

/** Office and membership edges: person → ministry (or country), ministry → country, body → parent. */
function structureEdges(a) {
  const edges = [];
  const add = (target, label) => {
    if (target && target !== a.id && actor(target)) edges.push({ source: a.id, target, label });
  };
  if (a.kind === "Person") {
    const linked = new Set();
    for (const p of a.positions) {
      const target = p.organizationId ?? p.countryId;
      if (target && !linked.has(target)) {
        linked.add(target);
        add(target, p.titleEn ?? p.title);
      }
      if (p.organizationId && p.countryId && !actor(p.organizationId)?.countryId) linked.add(p.countryId);
    }
    const ownCountry = a.countryId;
    const viaOrg = a.positions.some((p) => p.organizationId && actor(p.organizationId)?.countryId === ownCountry);
    if (ownCountry && !linked.has(ownCountry) && !viaOrg) add(ownCountry, "");
  } else if (a.kind === "Organization") {
    if (a.parentId) add(a.parentId, "part of");
    else if (a.countryId) add(a.countryId, "");
  }
  return edges;
}

const KIND_NAMES = {
  PhoneCall: "Phone call",
  MeetingCall: "Call for a meeting",
  TerritorialClaim: "Territorial claim",
};

/** A badge naming an event's kind. */
function kindBadge(ev) {
  return `<span class="event-kind ${esc(ev.kind)}">${esc(KIND_NAMES[ev.kind] ?? ev.kind)}</span>`;
}

function displayName(a) {
  if (!a) return "?";
  return a.nameEn && fold(a.nameEn) !== fold(a.name) ? `${a.name}\n${a.nameEn}` : a.name;
}

// ---------------------------------------------------------------- network view

/** The served face (style.css, /vendor/fonts/): the canvas draws with it once it has loaded (see start). */
const FONT_FAMILY = "IBM Plex Sans Arabic";
const FONT = `"${FONT_FAMILY}", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif`;

/**
 * A canvas does not redraw when a web font arrives, and the browser fetches a face only when text needs it:
 * load the labels' face (its Arabic and Latin subsets) before the network is drawn. A failure is not fatal:
 * the labels then use the next family of the list.
 */
function loadLabelFont() {
  return document.fonts.load(`400 14px "${FONT_FAMILY}"`, "أخبار akhbar").catch(() => []);
}

function cyStyle() {
  const css = getComputedStyle(document.documentElement);
  const v = (name) => css.getPropertyValue(name).trim();
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-family": FONT,
        "font-size": 14,
        "text-wrap": "wrap",
        "text-max-width": 150,
        "text-valign": "bottom",
        "line-height": 1.35,
        "min-zoomed-font-size": 8,
        "text-margin-y": 4,
        color: "#1d2430",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": 2,
        "text-background-shape": "roundrectangle",
        width: 26,
        height: 26,
        "border-width": 2,
        "border-color": "#ffffff",
      },
    },
    { selector: "node.Person", style: { "background-color": v("--person"), shape: "ellipse" } },
    {
      selector: "node.Organization",
      style: { "background-color": v("--organization"), shape: "round-rectangle", width: 30, height: 22 },
    },
    {
      selector: "node.Country",
      style: { "background-color": v("--country"), shape: "diamond", width: 40, height: 40, "font-size": 16 },
    },
    { selector: "node.Place", style: { "background-color": v("--place"), shape: "triangle", width: 22, height: 22 } },
    { selector: "node.unnamed", style: { "border-style": "dashed", "border-color": "#5d6776" } },
    {
      selector: "edge",
      style: {
        width: 2,
        "curve-style": "bezier",
        "line-color": v("--statement"),
        "target-arrow-color": v("--statement"),
        "target-arrow-shape": "triangle",
        "arrow-scale": 1.1,
        opacity: 0.9,
        "font-family": FONT,
        "font-size": 10,
        color: "#5d6776",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.9,
        "text-background-padding": 1,
      },
    },
    { selector: "edge.undirected", style: { "target-arrow-shape": "none" } },
    {
      selector: "edge.call",
      style: { width: 3.5, "line-color": v("--call"), "target-arrow-color": v("--call"), "arrow-scale": 1.3 },
    },
    {
      selector: "edge.meeting",
      style: { width: 3.5, "line-color": v("--meeting"), "target-arrow-color": v("--meeting"), "arrow-scale": 1.3 },
    },
    {
      selector: "edge.visit",
      style: { "line-style": "dashed", width: 2.5, "line-color": v("--visit"), "target-arrow-color": v("--visit") },
    },
    {
      selector: "edge.message",
      style: { "line-style": "dotted", width: 2.5, "line-color": v("--message"), "target-arrow-color": v("--message") },
    },
    {
      selector: "edge.appeal",
      style: { "line-style": "dashed", "line-color": v("--appeal"), "target-arrow-color": v("--appeal") },
    },
    {
      selector: "edge.condolence",
      style: {
        "line-style": "dotted",
        width: 3,
        "line-color": v("--condolence"),
        "target-arrow-color": v("--condolence"),
      },
    },
    {
      selector: "edge.claim",
      style: { "line-style": "dashed", "line-color": v("--claim"), "target-arrow-color": v("--claim") },
    },
    {
      selector: "edge.clash",
      style: { width: 2.5, "line-color": v("--clash"), opacity: 0.6, "control-point-step-size": 14 },
    },
    {
      selector: "edge.office",
      style: {
        width: 1.5,
        "line-color": v("--office"),
        "target-arrow-shape": "none",
        "curve-style": "straight",
        label: "data(label)",
        "font-size": 9,
        color: "#8a94a3",
      },
    },
    { selector: "edge.event:selected, edge.event.hovered", style: { width: 5, opacity: 1, "z-index": 10 } },
    {
      selector: "edge:selected",
      style: { "underlay-color": "#ffc93c", "underlay-opacity": 0.6, "underlay-padding": 4 },
    },
    {
      selector: "node:selected, node.focused",
      style: { "border-color": "#ffc93c", "border-width": 5, "z-index": 10 },
    },
    { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0.15 } },
    { selector: "edge.faded", style: { opacity: 0.06 } },
    { selector: ".filtered", style: { display: "none" } },
  ];
}

function buildElements() {
  const nodes = [];
  const edges = [];
  for (const a of state.actors.values()) {
    nodes.push({
      data: { id: a.id, label: displayName(a), kind: a.kind },
      classes: [a.kind, a.unnamed ? "unnamed" : ""].join(" ").trim(),
    });
    for (const [i, e] of structureEdges(a).entries()) {
      edges.push({
        data: { id: `office:${a.id}:${i}`, source: e.source, target: e.target, label: e.label },
        classes: "office",
      });
    }
  }
  for (const ev of state.events) {
    for (const [i, e] of eventEdges(ev).entries()) {
      edges.push({
        data: { id: `${ev.id}#${i}`, source: e.source, target: e.target, eventId: ev.id, kind: ev.kind },
        classes: `event ${e.cls}`,
      });
    }
  }
  // Places no event or office reaches only clutter the picture; they stay searchable.
  const linked = new Set(edges.flatMap((e) => [e.data.source, e.data.target]));
  return [...nodes.filter((n) => n.data.kind !== "Place" || linked.has(n.data.id)), ...edges];
}

function layoutOptions(animate) {
  const base = { animate, animationDuration: 500, fit: true, padding: 40 };
  if (window.cytoscapeFcose) {
    return {
      ...base,
      name: "fcose",
      quality: "proof",
      randomize: true,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 16000,
      idealEdgeLength: (edge) => (edge.hasClass("office") ? 60 : 130),
      edgeElasticity: (edge) => (edge.hasClass("office") ? 0.5 : 0.25),
      nodeSeparation: 110,
      gravity: 0.2,
      gravityRange: 5,
      numIter: 3000,
      packComponents: true,
    };
  }
  return { ...base, name: "cose", nodeRepulsion: () => 12000, idealEdgeLength: () => 110 };
}

/** Force layouts come out about square: widen (or heighten) the drawing to the shape of the view, then fit. */
function stretchToContainer(cy) {
  const bb = cy.nodes().boundingBox();
  const w = cy.width();
  const h = cy.height();
  if (!bb.w || !bb.h || !w || !h) return;
  const want = w / h;
  const have = bb.w / bb.h;
  const sx = have < want ? Math.min(1.8, want / have) : 1;
  const sy = have > want ? Math.min(1.8, have / want) : 1;
  const cx = bb.x1 + bb.w / 2;
  const cyy = bb.y1 + bb.h / 2;
  cy.nodes().positions((n) => {
    const p = n.position();
    return { x: cx + (p.x - cx) * sx, y: cyy + (p.y - cyy) * sy };
  });
  cy.fit(cy.elements(), 30);
}

function initNetwork() {
  const cy = cytoscape({
    container: $("#cy"),
    elements: buildElements(),
    style: cyStyle(),
    wheelSensitivity: 0.3,
    minZoom: 0.15,
    maxZoom: 3,
    selectionType: "single",
  });
  state.cy = cy;
  cy.layout(layoutOptions(false)).run();
  stretchToContainer(cy);
  cy.on("tap", "node", (evt) => focusActor(evt.target.id(), { from: "graph" }));
  cy.on("tap", "edge.event", (evt) => showEvidence(evt.target.data("eventId"), evt.target));
  cy.on("tap", "edge.office", (evt) => focusActor(evt.target.source().id(), { from: "graph" }));
  cy.on("tap", (evt) => {
    if (evt.target === cy) clearFocus();
  });
  cy.on("mouseover", "edge.event", (evt) => {
    evt.target.addClass("hovered");
    $("#cy").style.cursor = "pointer";
  });
  cy.on("mouseout", "edge.event", (evt) => {
    evt.target.removeClass("hovered");
    $("#cy").style.cursor = "";
  });
  cy.on("mouseover", "node", () => {
    $("#cy").style.cursor = "pointer";
  });
  cy.on("mouseout", "node", () => {
    $("#cy").style.cursor = "";
  });
}

function applyNetworkFilter() {
  const cy = state.cy;
  if (!cy) return;
  const active = Boolean(state.filters.country || state.filters.from || state.filters.to);
  cy.batch(() => {
    cy.elements().removeClass("filtered");
    if (!active) return;
    cy.edges(".event").forEach((edge) => {
      if (!passes(state.eventsById.get(edge.data("eventId")))) edge.addClass("filtered");
    });
    const keep = cy.edges(".event").not(".filtered").connectedNodes();
    cy.nodes().forEach((n) => {
      if (!keep.contains(n)) n.addClass("filtered");
    });
    cy.edges(".office").forEach((e) => {
      if (e.source().hasClass("filtered") || e.target().hasClass("filtered")) e.addClass("filtered");
    });
  });
}

function clearFocus() {
  const cy = state.cy;
  state.focusedId = null;
  cy.elements().removeClass("faded focused");
}

function fitAll() {
  clearFocus();
  state.cy.animate({ fit: { eles: state.cy.elements(":visible"), padding: 40 } }, { duration: 300 });
}

/** Focuses an actor: its neighbourhood stands out and fills the view; its panel opens. */
function focusActor(id, { from } = {}) {
  const a = actor(id);
  if (!a) return;
  const cy = state.cy;
  state.focusedId = id;
  selectTab("network");
  const node = cy.getElementById(id);
  cy.batch(() => {
    cy.elements().removeClass("focused").addClass("faded");
    if (node.nonempty()) {
      const hood = node.closedNeighborhood();
      hood.removeClass("faded");
      node.addClass("focused");
    }
  });
  if (node.nonempty()) {
    cy.$(":selected").unselect();
    const hood = node.closedNeighborhood();
    if (from === "graph") cy.animate({ center: { eles: node } }, { duration: 250 });
    else {
      cy.stop();
      cy.fit(hood, 60);
      if (cy.zoom() > 1.6) {
        cy.zoom(1.6);
        cy.center(node);
      }
    }
  }
  renderActorPanel(a);
}

// ---------------------------------------------------------------- panel: actor

function actorLink(id) {
  const a = actor(id);
  if (!a) return `<span class="meta">${esc(id)}</span>`;
  const en = a.nameEn && fold(a.nameEn) !== fold(a.name) ? `<span class="en">${esc(a.nameEn)}</span>` : "";
  return `<button type="button" class="actor-link" data-actor="${esc(a.id)}"><span class="ar" lang="ar" dir="rtl">${esc(a.name)}</span>${en}</button>`;
}

function eventButton(ev, label = "Evidence") {
  return `<button type="button" class="event-link" data-event="${esc(ev.id)}">${esc(label)}</button>`;
}

function dateLabel(ev) {
  if (ev.date) return esc(ev.date);
  const d = effectiveDate(ev);
  return d
    ? `<span class="meta" title="the article's date">${esc(d)} (article)</span>`
    : '<span class="meta">undated</span>';
}

function describeFigure(q) {
  const prefix = q.atLeast ? "≥ " : q.approximate ? "~" : "";
  return `<span class="figure"><b>${prefix}${esc(q.value)}</b> ${esc(q.what ?? "")}</span>`;
}

function section(title, items, testId, empty = null) {
  if (!items.length && empty === null) return "";
  const body = items.length
    ? `<ul class="plain-list" data-testid="${testId}">${items.map((i) => `<li>${i}</li>`).join("")}</ul>`
    : `<p class="meta" data-testid="${testId}">${esc(empty)}</p>`;
  return `<h3>${esc(title)} <span class="count">(${items.length})</span></h3>${body}`;
}

function eventsOf(id) {
  return state.events.filter((ev) => ev.participants.some((p) => p.actorId === id));
}

function renderActorPanel(a) {
  const kind = a.kind.toLowerCase();
  const aliases = a.aliases.filter((x) => x !== a.name);
  const country = countryOf(a);
  const evs = eventsOf(a.id);
  const calls = evs.filter((e) => e.kind === "PhoneCall");
  const out = calls.filter((e) => roleIds(e, "caller").includes(a.id));
  const inc = calls.filter((e) => roleIds(e, "callee").includes(a.id));
  const sayings = evs.filter((e) => SAYING_KINDS.has(e.kind) && sourceOf(e) === a.id);
  const claims = evs.filter((e) => e.kind === "Claim" && sourceOf(e) === a.id);
  const about = state.events.filter(
    (e) => e.kind === "Claim" && e.quantities.some((q) => q.sideId === a.id) && sourceOf(e) !== a.id,
  );
  const received = evs.filter(
    (e) => SAYING_KINDS.has(e.kind) && e.participants.some((p) => p.actorId === a.id && ADDRESSEE_ROLES.has(p.role)),
  );
  const others = evs.filter((e) => !["PhoneCall", "Claim"].includes(e.kind) && !SAYING_KINDS.has(e.kind));

  const positions = (a.positions ?? []).map((p) => {
    const where = [p.organizationId ? actorLink(p.organizationId) : "", p.countryId ? actorLink(p.countryId) : ""]
      .filter(Boolean)
      .join(" · ");
    return `<span class="ar" lang="ar" dir="rtl">${esc(p.title)}</span> ${p.titleEn ? `<span class="meta">${esc(p.titleEn)}</span>` : ""}<br>${where}`;
  });
  const callItem = (ev, otherRole, arrow) =>
    `${arrow} ${roleIds(ev, otherRole).map(actorLink).join(", ") || '<span class="meta">?</span>'} <span class="meta">${dateLabel(ev)}</span> ${eventButton(ev)}`;
  const sayingItem = (ev) => {
    const to = ev.participants.filter((p) => ADDRESSEE_ROLES.has(p.role)).map((p) => actorLink(p.actorId));
    const quote = ev.quote
      ? `<blockquote class="quote" lang="ar" dir="rtl">${esc(ev.quote)}</blockquote>`
      : `<div class="meta ar" lang="ar" dir="rtl">${esc(ev.evidence[0]?.text ?? "")}</div>`;
    return `${kindBadge(ev)}${to.length ? ` to ${to.join(", ")}` : ""} ${eventButton(ev)}${quote}`;
  };
  const claimItem = (ev, withClaimant) => {
    const who = withClaimant ? `${actorLink(sourceOf(ev))} claims: ` : "";
    const bySide = new Map();
    for (const q of ev.quantities) bySide.set(q.sideId, [...(bySide.get(q.sideId) ?? []), q]);
    const rows = [...bySide.entries()].map(
      ([side, qs]) =>
        `<div>${side ? `losses of ${actorLink(side)}` : '<span class="meta">side not stated</span>'}<div class="figures">${qs.map(describeFigure).join("")}</div></div>`,
    );
    return `${who}${eventButton(ev)}${rows.join("")}`;
  };

  let extra = "";
  if (a.kind === "Country") {
    const officials = [...state.actors.values()].filter((x) => x.kind === "Person" && countryOf(x) === a.id);
    const orgs = [...state.actors.values()].filter((x) => x.kind === "Organization" && x.countryId === a.id);
    extra += section(
      "Officials",
      officials.map((x) => actorLink(x.id)),
      "officials",
    );
    extra += section(
      "Organizations",
      orgs.map((x) => actorLink(x.id)),
      "organizations",
    );
  }
  if (a.kind === "Organization") {
    const members = [...state.actors.values()].filter((x) =>
      (x.positions ?? []).some((p) => p.organizationId === a.id),
    );
    const subs = [...state.actors.values()].filter((x) => x.parentId === a.id);
    if (a.parentId) extra += `<h3>Part of</h3>${actorLink(a.parentId)}`;
    extra += section(
      "Members",
      members.map((x) => actorLink(x.id)),
      "members",
    );
    extra += section(
      "Sub-bodies",
      subs.map((x) => actorLink(x.id)),
      "sub-bodies",
    );
  }

  panel.innerHTML = `
    <div class="actor-title" data-actor-id="${esc(a.id)}">
      <span class="kind-badge ${kind}">${esc(a.kind)}</span>${a.unnamed ? ' <span class="meta">unnamed official</span>' : ""}
      <span class="ar" lang="ar" dir="rtl">${esc(a.name)}</span>
      ${a.nameEn ? `<span class="en">${esc(a.nameEn)}</span>` : ""}
    </div>
    ${aliases.length ? `<p class="meta">Also: <span lang="ar" dir="rtl">${aliases.map(esc).join("، ")}</span></p>` : ""}
    ${a.kind !== "Country" ? `<h3>Country</h3>${country ? actorLink(country) : '<span class="meta">unknown</span>'}` : ""}
    ${section("Positions", positions, "positions")}
    ${extra}
    ${
      a.kind === "Person" || out.length || inc.length
        ? section(
            "Calls out",
            out.map((e) => callItem(e, "callee", "→")),
            "calls-out",
            "none",
          )
        : ""
    }
    ${
      a.kind === "Person" || out.length || inc.length
        ? section(
            "Calls in",
            inc.map((e) => callItem(e, "caller", "←")),
            "calls-in",
            "none",
          )
        : ""
    }
    ${section("Statements, appeals, condolences", sayings.map(sayingItem), "statements")}
    ${section(
      "Addressed by others",
      received.map((e) => `${actorLink(sourceOf(e))} ${kindBadge(e)} ${eventButton(e)}`),
      "addressed",
    )}
    ${section(
      "Claims",
      claims.map((e) => claimItem(e, false)),
      "claims",
    )}
    ${section(
      "Claims about its losses",
      about.map((e) => claimItem(e, true)),
      "claims-about",
    )}
    ${section(
      "Other events",
      others.map(
        (e) =>
          `${kindBadge(e)} ${e.participants.map((p) => actorLink(p.actorId)).join(", ")} <span class="meta">${dateLabel(e)}</span> ${eventButton(e)}`,
      ),
      "other-events",
    )}
  `;
  panel.scrollTop = 0;
}

// ---------------------------------------------------------------- panel: evidence

/** The article text with the evidence ranges marked (and the quote inside them marked stronger). */
function markedArticle(text, ranges, quote) {
  const sorted = [...ranges].sort((x, y) => x.start - y.start);
  let html = "";
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) continue;
    html += esc(text.slice(at, r.start));
    const sentence = text.slice(r.start, r.end);
    let inner = esc(sentence);
    const qi = quote ? sentence.indexOf(quote) : -1;
    if (qi >= 0) {
      inner = `${esc(sentence.slice(0, qi))}<mark class="quote">${esc(quote)}</mark>${esc(sentence.slice(qi + quote.length))}`;
    }
    html += `<mark class="evidence" data-sentence="${esc(r.sentence)}">${inner}</mark>`;
    at = r.end;
  }
  return html + esc(text.slice(at));
}

/** Evidence ranges located in the article text (by offsets, else by searching the sentence text). */
function locate(text, evidence) {
  return evidence
    .map((e) => {
      if (text.slice(e.start, e.end) === e.text) return e;
      const i = text.indexOf(e.text);
      return i >= 0 ? { ...e, start: i, end: i + e.text.length } : null;
    })
    .filter(Boolean);
}

function eventTitle(ev) {
  if (ev.kind === "PhoneCall") {
    const callers = roleIds(ev, "caller").map(actorLink).join(", ");
    const callees = roleIds(ev, "callee").map(actorLink).join(", ");
    if (callers && callees) {
      return `${callers} <span class="arrow" aria-label="called">${ev.directed === false ? "↔" : "→"}</span> ${callees}`;
    }
  }
  const src = sourceOf(ev);
  const rest = ev.participants
    .filter((p) => p.actorId !== src)
    .map((p) => `${actorLink(p.actorId)} <span class="meta">(${esc(p.role)})</span>`);
  return [src ? actorLink(src) : "", rest.length ? `<span class="arrow">→</span> ${rest.join(", ")}` : ""].join(" ");
}

async function showEvidence(eventId, edge = null) {
  const ev = state.eventsById.get(eventId);
  if (!ev) return;
  if (state.cy) {
    state.cy.$(":selected").unselect();
    (edge ?? state.cy.edges(`[eventId = "${eventId}"]`)).select();
  }
  const figures = ev.quantities.length
    ? `<div class="figures">${ev.quantities.map(describeFigure).join("")}</div>`
    : "";
  panel.innerHTML = `
    <div class="evidence" data-event-id="${esc(ev.id)}">
      <div class="evidence-head">${kindBadge(ev)}
        <span class="meta">${dateLabel(ev)}${ev.cameo ? ` · CAMEO ${esc(ev.cameo)}` : ""}</span></div>
      <h2 class="event-title">${eventTitle(ev)}</h2>
      ${ev.quote ? `<blockquote class="quote" lang="ar" dir="rtl">${esc(ev.quote)}</blockquote>` : ""}
      ${figures}
      <h3>Evidence <span class="count">(${ev.evidence.length} sentence${ev.evidence.length === 1 ? "" : "s"})</span></h3>
      <div class="articles"><p class="meta">Loading the article…</p></div>
    </div>`;
  const box = panel.querySelector(".articles");
  const byArticle = new Map();
  for (const e of ev.evidence) byArticle.set(e.articleId, [...(byArticle.get(e.articleId) ?? []), e]);
  const articles = new Map();
  await Promise.all(
    [...byArticle.keys()].map(async (id) => {
      try {
        articles.set(id, await loadArticle(id));
      } catch (err) {
        setStatus(`Article ${id} unavailable: ${err.message}`, true);
      }
    }),
  );
  if (panel.querySelector(".evidence")?.dataset.eventId !== ev.id) return; // another click came first
  box.innerHTML = [...byArticle.entries()]
    .map(([articleId, evidence]) => {
      const article = articles.get(articleId);
      const located = article?.text ? locate(article.text, evidence) : [];
      const body = located.length
        ? markedArticle(article.text, located, ev.quote)
        : evidence
            .map((e) => `<mark class="evidence" data-sentence="${esc(e.sentence)}">${esc(e.text)}</mark>`)
            .join("\n\n");
      const head = [article?.title, article?.source, article?.publishedAt ?? evidence[0].publishedAt, articleId]
        .filter(Boolean)
        .map(esc)
        .join(" · ");
      return `<article class="article"><div class="article-head">${head}</div><div class="article-text" lang="ar" dir="rtl">${body}</div></article>`;
    })
    .join("");
  const first = box.querySelector("mark.evidence");
  if (first) {
    const scroller = first.closest(".article-text");
    scroller.scrollTop = Math.max(0, first.offsetTop - scroller.offsetTop - 40);
  }
}

// ---------------------------------------------------------------- calls table and claims

function renderCalls() {
  const calls = state.events
    .filter((e) => e.kind === "PhoneCall" && passes(e))
    .sort((x, y) => String(effectiveDate(x)).localeCompare(String(effectiveDate(y))) || x.id.localeCompare(y.id));
  $("#calls-count").textContent = `(${calls.length})`;
  $("#calls-table tbody").innerHTML = calls.length
    ? calls
        .map(
          (ev) => `<tr data-event-id="${esc(ev.id)}">
        <td>${dateLabel(ev)}</td>
        <td>${roleIds(ev, "caller").map(actorLink).join("<br>") || '<span class="meta">?</span>'}</td>
        <td class="arrow" aria-label="${ev.directed === false ? "talked with" : "called"}">${ev.directed === false ? "↔" : "→"}</td>
        <td>${roleIds(ev, "callee").map(actorLink).join("<br>") || '<span class="meta">?</span>'}</td>
        <td>${eventButton(ev, "Sentence")}</td></tr>`,
        )
        .join("")
    : '<tr><td colspan="5" class="meta">No call matches the filters.</td></tr>';
}

function renderMeetings() {
  const meetings = state.events
    .filter((e) => e.kind === "Meeting" && passes(e))
    .sort((x, y) => String(effectiveDate(x)).localeCompare(String(effectiveDate(y))) || x.id.localeCompare(y.id));
  $("#meetings-count").textContent = `(${meetings.length})`;
  const people = (ev, role) => roleIds(ev, role).map(actorLink).join("<br>");
  $("#meetings-table tbody").innerHTML = meetings.length
    ? meetings
        .map((ev) => {
          const host = people(ev, "host");
          const others = [people(ev, "guest"), people(ev, "participant")].filter(Boolean).join("<br>");
          return `<tr data-event-id="${esc(ev.id)}">
        <td>${dateLabel(ev)}</td>
        <td>${host || '<span class="meta">–</span>'}</td>
        <td class="arrow" aria-label="${host ? "received" : "met"}">${host ? "→" : "↔"}</td>
        <td>${others || '<span class="meta">?</span>'}</td>
        <td>${people(ev, "location") || '<span class="meta">–</span>'}</td>
        <td>${eventButton(ev, "Sentence")}</td></tr>`;
        })
        .join("")
    : '<tr><td colspan="6" class="meta">No meeting matches the filters.</td></tr>';
}

function renderClaims() {
  const claims = state.events.filter((e) => e.kind === "Claim" && passes(e));
  $("#claims-count").textContent = `(${claims.length} claim${claims.length === 1 ? "" : "s"})`;
  const sides = new Map();
  for (const ev of claims) {
    const groups = new Map();
    for (const q of ev.quantities) groups.set(q.sideId ?? "", [...(groups.get(q.sideId ?? "") ?? []), q]);
    if (!groups.size) groups.set("", []);
    for (const [side, qs] of groups) sides.set(side, [...(sides.get(side) ?? []), { ev, qs }]);
  }
  const order = [...sides.keys()].sort((x, y) => (x === "" ? 1 : y === "" ? -1 : x.localeCompare(y)));
  $("#claims-grid").innerHTML = order.length
    ? order
        .map((side) => {
          const a = actor(side);
          const heading = side
            ? `Losses of ${esc(a?.nameEn ?? a?.name ?? side)}${a?.nameEn ? ` <span class="ar" lang="ar" dir="rtl">${esc(a.name)}</span>` : ""}`
            : "Side not stated";
          const cards = sides
            .get(side)
            .map(
              ({ ev, qs }) => `<div class="claim-card" data-event-id="${esc(ev.id)}">
              <div><span class="meta">claimed by</span> <span class="claimant">${actorLink(sourceOf(ev))}</span></div>
              <div class="figures">${qs.map(describeFigure).join("")}</div>
              <div class="meta ar" lang="ar" dir="rtl">${esc(ev.evidence[0]?.text ?? "")}</div>
              <div>${eventButton(ev, "Show in article")} <span class="meta">${dateLabel(ev)}</span></div>
            </div>`,
            )
            .join("");
          return `<section class="side-col" data-side="${esc(side)}"><h3>${heading}</h3>${cards}</section>`;
        })
        .join("")
    : '<p class="empty-note">No claim matches the filters.</p>';
}

function renderAll() {
  applyNetworkFilter();
  renderCalls();
  renderMeetings();
  renderClaims();
}

// ---------------------------------------------------------------- tabs

const TABS = ["network", "calls", "meetings", "claims"];

function selectTab(name, focusTab = false) {
  for (const t of TABS) {
    const tab = $(`#tab-${t}`);
    const on = t === name;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`#view-${t}`).hidden = !on;
    if (on && focusTab) tab.focus();
  }
  if (name === "network" && state.cy) state.cy.resize();
}

for (const t of TABS) {
  $(`#tab-${t}`).addEventListener("click", () => selectTab(t));
  $(`#tab-${t}`).addEventListener("keydown", (e) => {
    const i = TABS.indexOf(t);
    if (e.key === "ArrowRight") selectTab(TABS[(i + 1) % TABS.length], true);
    else if (e.key === "ArrowLeft") selectTab(TABS[(i + TABS.length - 1) % TABS.length], true);
  });
}

// ---------------------------------------------------------------- search

const input = $("#search-input");
const list = $("#search-results");
let results = [];
let active = -1;
let searchSeq = 0;

function renderResults() {
  const open = input.value.trim() !== "";
  list.hidden = !open;
  input.setAttribute("aria-expanded", String(open));
  if (!open) return;
  list.innerHTML = results.length
    ? results
        .map((a, i) => {
          const kind = a.kind.toLowerCase();
          return `<div role="option" class="option" id="result-${i}" data-actor="${esc(a.id)}" aria-selected="${i === active}">
            <span class="kind-badge ${kind}">${esc(a.kind)}</span>
            <span class="ar" lang="ar" dir="rtl">${esc(a.name)}</span>
            ${a.nameEn ? `<span class="meta">${esc(a.nameEn)}</span>` : ""}</div>`;
        })
        .join("")
    : '<div class="option empty" role="option" aria-disabled="true" aria-selected="false">No actor matches</div>';
  if (active >= 0) input.setAttribute("aria-activedescendant", `result-${active}`);
  else input.removeAttribute("aria-activedescendant");
  list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
}

async function runSearch() {
  const q = input.value;
  const seq = ++searchSeq;
  results = searchIndex(state.index, q);
  active = results.length ? 0 : -1;
  renderResults();
  // The API's own name search may know spellings the local index does not: add what it finds.
  if (fold(q).length < 2) return;
  try {
    const ids = await searchActorIds(q);
    if (seq !== searchSeq) return;
    const extra = ids.map(actor).filter((a) => a && !results.includes(a));
    if (extra.length) {
      results = [...results, ...extra].slice(0, 12);
      if (active < 0) active = 0;
      renderResults();
    }
  } catch {
    // full-text syntax the API refuses (a lone quote, …): the local matches stand
  }
}

function choose(i) {
  const a = results[i];
  if (!a) return;
  input.value = a.nameEn ?? a.name;
  results = [];
  active = -1;
  list.hidden = true;
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
  focusActor(a.id, { from: "search" });
}

input.addEventListener("input", runSearch);
input.addEventListener("keydown", (e) => {
  if (e.key === "ArrowDown" && results.length) {
    e.preventDefault();
    active = (active + 1) % results.length;
    renderResults();
  } else if (e.key === "ArrowUp" && results.length) {
    e.preventDefault();
    active = (active - 1 + results.length) % results.length;
    renderResults();
  } else if (e.key === "Enter") {
    e.preventDefault();
    choose(Math.max(active, 0));
  } else if (e.key === "Escape") {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }
});
input.addEventListener("focus", () => {
  if (input.value.trim()) runSearch();
});
list.addEventListener("mousedown", (e) => {
  const li = e.target.closest(".option[data-actor]");
  if (!li) return;
  e.preventDefault();
  choose(results.findIndex((a) => a.id === li.dataset.actor));
});
document.addEventListener("click", (e) => {
  if (!e.target.closest("#search")) {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }
});

// ---------------------------------------------------------------- links, filters, start

document.addEventListener("click", (e) => {
  const actorBtn = e.target.closest("[data-actor]");
  if (actorBtn && !actorBtn.closest("#search-results")) {
    focusActor(actorBtn.dataset.actor);
    return;
  }
  const eventBtn = e.target.closest("button[data-event]");
  if (eventBtn) showEvidence(eventBtn.dataset.event);
});

$("#fit-all").addEventListener("click", fitAll);

const filters = $("#filters");
filters.addEventListener("input", () => {
  state.filters = { country: $("#filter-country").value, from: $("#filter-from").value, to: $("#filter-to").value };
  renderAll();
});
filters.addEventListener("reset", () => {
  setTimeout(() => filters.dispatchEvent(new Event("input")), 0);
});
filters.addEventListener("submit", (e) => e.preventDefault());

function fillCountryFilter() {
  const select = $("#filter-country");
  const countries = [...state.actors.values()]
    .filter((a) => a.kind === "Country")
    .sort((x, y) => String(x.nameEn ?? x.name).localeCompare(String(y.nameEn ?? y.name)));
  for (const c of countries) {
    const opt = document.createElement("option");
    opt.value = c.id;
    opt.textContent = c.nameEn ? `${c.nameEn} — ${c.name}` : c.name;
    select.append(opt);
  }
}

async function start() {
  try {
    const font = loadLabelFont();
    const { actors, events } = await loadGraph();
    await font;
    state.actors = new Map(actors.map((a) => [a.id, a]));
    state.events = events;
    state.eventsById = new Map(events.map((e) => [e.id, e]));
    state.index = buildIndex(actors);
    fillCountryFilter();
    initNetwork();
    renderAll();
    const calls = events.filter((e) => e.kind === "PhoneCall").length;
    setStatus(`${actors.length} actors · ${events.length} events · ${calls} calls`);
    state.ready = true;
    document.body.dataset.ready = "true";
  } catch (err) {
    if (err instanceof TokenRequired) {
      askForToken(err.message);
      return;
    }
    setStatus(`Could not load the graph: ${err.message}`, true);
    document.body.dataset.ready = "error";
  }
}

/** A server with AKHBAR_READ_TOKEN answers only requests that carry it: ask for it, then start again. */
function askForToken(message) {
  const form = $("#token-form");
  const input = $("#token-input");
  setStatus(message, true);
  form.hidden = false;
  input.value = "";
  input.focus();
  document.body.dataset.ready = "token";
  form.onsubmit = (event) => {
    event.preventDefault();
    setToken(input.value.trim());
    form.hidden = true;
    setStatus("Loading…");
    delete document.body.dataset.ready;
    start();
  };
}

start();
