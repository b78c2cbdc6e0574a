/**
 * Stage 5 — coreference and entity building: persons (known / unknown / unnamed office holders),
 * family-name aliases, titles → positions, counterparts (نظيره …) → holders of the same office,
 * office references (الرئيس الأرمني) → the holder named in the document, bare ministries
 * (الخارجية، الوزارة) → the ministry named before, organisations, countries, places.
 */

import { newEntity } from "./entity.js";
import type { Lexicon } from "./lexicon.js";
import { slugify } from "./lexicon.js";
import { type Chunk, makeChunk, type Title } from "./mentions.js";
import { normaliseArabic } from "./normalise.js";
import type { Token } from "./tokens.js";
import { variants } from "./tokens.js";
import type { Entity, EntityKind, Position, Sentence } from "./types.js";

export interface SentenceUnit {
  sentence: Sentence;
  toks: Token[];
  norm: string;
  chunks: Chunk[];
}

export class Registry {
  entities = new Map<string, Entity>();
  order: string[] = [];
  /** per entity: mentions already recorded (start, length) */
  seen = new Map<string, Set<number>>();
  constructor(
    public lex: Lexicon,
    public text: string,
    /** short document key: scopes ids that must not merge across documents (unnamed sources) */
    public docKey = "",
  ) {}

  ensure(id: string, kind: EntityKind, name: string, init: Partial<Entity> = {}): Entity {
    let e = this.entities.get(id);
    if (!e) {
      e = newEntity(id, kind, name, init);
      this.entities.set(id, e);
      this.order.push(id);
    }
    return e;
  }

  mention(id: string, sentence: number, start: number, end: number, nameable = true) {
    const e = this.entities.get(id);
    if (!e || end <= start) return;
    let seen = this.seen.get(id);
    if (!seen) {
      seen = new Set();
      this.seen.set(id, seen);
    }
    const mk = start * 4096 + Math.min(end - start, 4095);
    if (seen.has(mk)) return;
    seen.add(mk);
    let text = this.text.slice(start, end);
    e.mentions.push({ sentence, start, end, text });
    if (start > 0 && this.text[start - 1] === "ل" && text.startsWith("ل") && e.kind !== "Person") text = `ا${text}`;
    if (e.unnamed || !nameable) return;
    if (text.length > e.name.length && (e.kind === "Person" || e.kind === "Organization" || e.kind === "Place")) {
      if (!e.aliases.includes(e.name)) e.aliases.push(e.name);
      e.name = text;
      e.aliases = e.aliases.filter((a) => a !== text);
    } else if (text !== e.name && !e.aliases.includes(text)) e.aliases.push(text);
  }

  addPosition(id: string, p: Position) {
    const e = this.entities.get(id);
    if (!e) return;
    const same = e.positions.find((q) => q.title === p.title && (q.country === p.country || !q.country || !p.country));
    if (same) {
      if (!same.country && p.country) same.country = p.country;
      if (!same.organization && p.organization) same.organization = p.organization;
      return;
    }
    e.positions.push(p);
    if (!e.country && p.country) e.country = p.country;
  }
}

const cid = (iso: string | null | undefined) => (iso ? `country:${iso.toLowerCase()}` : null);

export function resolveDocument(units: SentenceUnit[], lex: Lexicon, reg: Registry, publishedAt: string | null): void {
  // ---- 1. unknown names: full names and their family-name keys
  const fullNames = new Map<string, string[]>(); // key -> tokens
  for (const u of units)
    for (const c of u.chunks) {
      if (c.type === "person" && c.nameTokens && c.nameTokens.length >= 2)
        fullNames.set(c.nameTokens.join(" "), c.nameTokens);
      for (const s of c.slots ?? [])
        if (s.person?.nameTokens && s.person.nameTokens.length >= 2)
          fullNames.set(s.person.nameTokens.join(" "), s.person.nameTokens);
    }
  const surname = new Map<string, string>();
  for (const [key, toks] of fullNames) {
    surname.set(toks[toks.length - 1], key);
    surname.set(toks[toks.length - 1].replace(/^ال/, ""), key);
    if (toks.length >= 3) surname.set(toks.slice(-2).join(" "), key);
  }
  const unknownKey = (toks: string[]): string => {
    const k = toks.join(" ");
    if (fullNames.has(k)) return k;
    return surname.get(k) ?? k;
  };
  // first tokens of two-token family names (جاويش أوغلو): only those need the pair looked up
  const surnameFirst = new Set<string>();
  for (const k of surname.keys()) {
    const sp = k.indexOf(" ");
    if (sp > 0) surnameFirst.add(k.slice(0, sp));
  }
  // convert bare family names in plain tokens
  for (const u of surname.size ? units : []) {
    const cs = u.chunks;
    for (let c = 0; c < cs.length; c++) {
      const ch = cs[c];
      if (ch.type !== "tok" || u.toks[ch.s].kind !== "word") continue;
      const t = u.toks[ch.s];
      const two =
        surnameFirst.has(t.norm) && cs[c + 1]?.type === "tok" ? `${t.norm} ${u.toks[cs[c + 1].s].norm}` : null;
      if (two && surname.has(two)) {
        const n = cs[c + 1];
        cs.splice(
          c,
          2,
          makeChunk(
            {
              type: "person",
              s: ch.s,
              e: n.e,
              start: ch.start,
              end: n.end,
              text: reg.text.slice(ch.start, n.end),
              pre: ch.pre,
            },
            { nameTokens: two.split(" "), nameStart: ch.start, nameEnd: n.end },
          ),
        );
        continue;
      }
      for (const v of variants(t.norm)) {
        if (v.form.length >= 3 && surname.has(v.form) && !lex.stop.has(v.form)) {
          cs[c] = makeChunk(
            {
              type: "person",
              s: ch.s,
              e: ch.e,
              start: ch.start,
              end: ch.end,
              text: reg.text.slice(ch.start, ch.end),
              pre: v.pre,
            },
            { nameTokens: [v.form], nameStart: ch.start + v.pre.length, nameEnd: ch.end },
          );
          break;
        }
      }
    }
  }

  const officeInfo = (key: string) => lex.offices.get(key);
  const position = (t: Title, fallbackCountry: string | null): Position => {
    const o = officeInfo(t.office);
    const country = cid(t.country) ?? fallbackCountry;
    let organization: string | null = null;
    if (t.org && !t.org.startsWith("ref:") && !t.org.startsWith("domain:")) organization = t.org;
    else if (t.org?.startsWith("domain:") && country) organization = `org:${country.slice(8)}:${t.org.slice(7)}`;
    else if (o?.org && country && o.org !== "presidency" && o.org !== "government")
      organization = `org:${country.slice(8)}:${o.org}`;
    if (t.former)
      return { title: `${o?.ar ?? t.office} السابق`, titleEn: `former ${o?.en ?? t.office}`, organization, country };
    return { title: o?.ar ?? t.office, titleEn: o?.en ?? t.office, organization, country };
  };

  const personId = (c: Chunk): string | null => {
    if (c.personId) return c.personId;
    if (c.nameTokens?.length) return `person:ar:${unknownKey(c.nameTokens).replace(/ /g, "-")}`;
    return null;
  };

  const registerPerson = (c: Chunk, si: number): string | null => {
    const id = personId(c);
    if (!id) return null;
    const known = c.personId ? lex.people.get(c.personId) : undefined;
    const e = reg.ensure(id, "Person", reg.text.slice(c.nameStart ?? c.start, c.nameEnd ?? c.end), {
      nameEn: known?.en ?? null,
      country: known?.country ?? null,
    });
    reg.mention(id, si, c.nameStart ?? c.start, c.nameEnd ?? c.end);
    for (const t of c.titles ?? []) {
      if (t.office === "minister" && !t.country) continue;
      reg.addPosition(id, position(t, known?.country ?? null));
    }
    return e.id;
  };

  // ---- 2a. countries named inside titles and counterparts (الرئيس التركي …، نظيريه الأرمني …)
  for (const [si, u] of units.entries())
    for (const c of u.chunks) {
      if (!c.titles && !c.slots) continue;
      const spans: [string | null, [number, number] | undefined][] = [
        ...(c.titles ?? []).map((t) => [t.country, t.span] as [string | null, [number, number] | undefined]),
        ...(c.slots ?? []).map((s) => [s.country, s.span] as [string | null, [number, number] | undefined]),
      ];
      for (const [iso, span] of spans) {
        if (!iso || !span) continue;
        const info = lex.countries.get(iso);
        const id = `country:${iso.toLowerCase()}`;
        reg.ensure(id, "Country", info?.ar ?? iso, { nameEn: info?.en ?? null, iso2: iso });
        reg.mention(id, si, span[0], span[1]);
      }
    }
  // ---- 2. persons, titles, orgs, countries, places
  const lastOrgByDomain = new Map<string, string>();
  for (const [si, u] of units.entries()) {
    let ctxCountry: string | null = null;
    for (const c of u.chunks) {
      if (c.type === "person") {
        for (const t of c.titles ?? []) {
          if (t.office !== "minister") continue;
          const org = u.chunks.find((x) => x.type === "org" && x.domain && x.s < c.s);
          const off = org
            ? [...lex.offices.values()].find(
                (o) => o.org === org.domain && o.key.endsWith("-minister") && !o.key.includes("deputy"),
              )
            : undefined;
          if (off) {
            t.office = off.key;
            t.country = t.country ?? org?.orgCountry ?? null;
            t.org = org?.orgId ?? null;
          }
        }
        const id = registerPerson(c, si);
        c.ents = id ? [id] : [];
        if (id) ctxCountry = reg.entities.get(id)?.country?.slice(8).toUpperCase() ?? ctxCountry;
      } else if (c.type === "country") {
        const info = lex.countries.get(c.iso as string);
        const id = `country:${(c.iso as string).toLowerCase()}`;
        reg.ensure(id, "Country", info?.ar ?? c.text, { nameEn: info?.en ?? null, iso2: c.iso ?? null });
        reg.mention(id, si, c.start + c.pre.length, c.end);
        c.ents = [id];
        ctxCountry = c.iso ?? ctxCountry;
      } else if (c.type === "place") {
        const info = c.placeId ? lex.places.get(c.placeId) : undefined;
        reg.ensure(c.placeId as string, "Place", c.text.slice(c.pre.length), { nameEn: info?.en ?? null });
        reg.mention(c.placeId as string, si, c.start + c.pre.length, c.end);
        c.ents = [c.placeId as string];
      } else if (c.type === "org") {
        const inner = c.inner;
        const fix = (ch: Chunk) => {
          if (!ch.orgId && ch.domain && ch.type === "org") {
            const iso = ch.orgCountry ?? ctxCountry;
            if (iso) {
              ch.orgCountry = iso;
              ch.orgId = `org:${iso.toLowerCase()}:${ch.domain}`;
            } else ch.orgId = `org:unknown:${ch.domain}`;
          }
        };
        if (inner) {
          fix(inner);
          c.orgCountry = inner.orgCountry;
          c.parent = inner.orgId;
          c.orgId = `${inner.orgId}:${c.domain}`;
        } else fix(c);
        const mk = (ch: Chunk, parent: string | null) => {
          const id = ch.orgId as string;
          const named = lex.orgs.get(id);
          const d = ch.domain ? (lex.domains.get(ch.domain) ?? lex.units.get(ch.domain)) : undefined;
          const country = cid(ch.orgCountry ?? named?.country ?? null);
          const cinfo = country ? lex.countries.get(country.slice(8).toUpperCase()) : undefined;
          reg.ensure(id, "Organization", ch.text.slice(ch.pre.length), {
            nameEn: named?.en ?? (d ? (cinfo ? `${d.en} (${cinfo.en})` : d.en) : null),
            country,
            parent: parent ?? named?.parent ?? null,
          });
          reg.mention(id, si, ch.start + ch.pre.length, ch.end);
          if (ch.domain) lastOrgByDomain.set(ch.domain, id);
          if (ch.domain && /^(mfa|mod|moi|mof|economy|energy|justice|health|information|emergencies)$/.test(ch.domain))
            lastOrgByDomain.set("ministry", id);
          if (named && /mfa|mod/.test(id)) lastOrgByDomain.set("ministry", id);
          if (id.endsWith(":mfa")) lastOrgByDomain.set("mfa", id);
          if (id.endsWith(":mod")) lastOrgByDomain.set("mod", id);
          if (country) {
            const ci = lex.countries.get(country.slice(8).toUpperCase());
            reg.ensure(country, "Country", ci?.ar ?? country, { nameEn: ci?.en ?? null, iso2: ci?.iso2 ?? null });
          }
        };
        if (inner) mk(inner, null);
        mk(c, c.parent ?? null);
        if (c.placeKey) {
          const pi = lex.places.get(c.placeKey);
          reg.ensure(c.placeKey, "Place", pi?.ar ?? c.placeKey, { nameEn: pi?.en ?? null });
          const tail = u.toks.slice(c.s, c.e);
          // mention of the place inside the org phrase: last tokens
          const pinfo = lex.places.get(c.placeKey);
          if (pinfo) {
            const idx = tail.findIndex((t) =>
              lex.index.get(t.norm)?.some((en) => en.type === "place" && en.ref === c.placeKey),
            );
            if (idx >= 0) reg.mention(c.placeKey, si, tail[idx].start, c.end);
          }
        }
        c.ents = [c.orgId as string];
        if (c.orgCountry) ctxCountry = c.orgCountry;
      } else if (c.type === "orgRef") {
        let id = lastOrgByDomain.get(c.domain as string);
        if (!id && (c.domain === "ministry" || c.domain === "mfa")) {
          id = `org:unknown:${c.domain}`;
          reg.ensure(id, "Organization", c.text.slice(c.pre.length), { nameEn: lex.domains.get(c.domain)?.en ?? null });
          reg.mention(id, si, c.start + c.pre.length, c.end);
        }
        c.ents = id ? [id] : [];
        if (id) reg.mention(id, si, c.start + c.pre.length, c.end, false);
      } else if (c.type === "media") {
        const id = c.orgId ?? `org:media:${slugify(c.text)}`;
        const named = lex.orgs.get(id);
        reg.ensure(id, "Organization", c.text.slice(c.pre.length), {
          nameEn: named?.en ?? null,
          country: cid(named?.country),
        });
        reg.mention(id, si, c.start + c.pre.length, c.end);
        c.ents = [id];
      } else if (c.type === "office") {
        for (const t of c.titles ?? []) if (t.country) ctxCountry = t.country;
      } else if (c.type === "source") {
        const name = c.text.slice(c.pre.length);
        // unnamed sources are not the same people in two articles: the id is scoped to the document
        const id = `person:unnamed:source:${slugify(normaliseArabic(name))}${reg.docKey ? `:${reg.docKey}` : ""}`;
        reg.ensure(id, "Person", name, { unnamed: true });
        reg.mention(id, si, c.start + c.pre.length, c.end);
        c.ents = [id];
      }
      // spokesperson of a body resolved by context (باسم الرئاسة)
      if (c.type === "person" || c.type === "office") {
        for (const t of c.titles ?? []) {
          if (t.org?.startsWith("domain:")) {
            const iso = t.country ?? ctxCountry;
            if (iso) {
              t.country = iso;
              t.org = `org:${iso.toLowerCase()}:${t.org.slice(7)}`;
            }
          } else if (t.org?.startsWith("ref:")) {
            t.org = lastOrgByDomain.get(t.org.slice(4)) ?? null;
            if (t.org) {
              const oe = reg.entities.get(t.org);
              if (oe?.country && !t.country) t.country = oe.country.slice(8).toUpperCase();
            }
          }
          if (!t.country && t.org) {
            const oe = reg.entities.get(t.org) ?? undefined;
            const named = lex.orgs.get(t.org);
            const cc = oe?.country ?? cid(named?.country);
            if (cc) t.country = cc.slice(8).toUpperCase();
          }
        }
        if (c.type === "person" && c.ents?.[0]) {
          for (const t of c.titles ?? [])
            reg.addPosition(c.ents[0], position(t, reg.entities.get(c.ents[0])?.country ?? null));
        }
      }
    }
  }

  // ---- 3. lexicon positions for known people without a text title
  for (const e of reg.entities.values()) {
    if (e.kind !== "Person") continue;
    const info = lex.people.get(e.id);
    if (!info) continue;
    const held = info.offices.filter(
      (o) => !publishedAt || ((!o.from || o.from <= publishedAt) && (!o.to || o.to >= publishedAt)),
    );
    if (e.positions.length === 0) {
      for (const o of publishedAt ? held : info.offices.slice(0, 1)) {
        const p = position(
          { office: o.office, country: o.country?.slice(8).toUpperCase() ?? null, org: null },
          info.country,
        );
        p.validFrom = o.from;
        p.validTo = o.to;
        reg.addPosition(e.id, p);
      }
    }
    if (!e.country) e.country = info.country;
  }

  const holders = (office: string, country: string | null): string[] => {
    const out: string[] = [];
    for (const e of reg.entities.values()) {
      if (e.kind !== "Person") continue;
      if (e.positions.some((p) => offMatch(p, office, country))) out.push(e.id);
    }
    return out;
  };
  const offMatch = (p: Position, office: string, country: string | null) => {
    const o = lex.offices.get(office);
    return (
      (p.title === (o?.ar ?? office) || p.titleEn === (o?.en ?? office)) && (country === null || p.country === country)
    );
  };
  const unnamed = (office: string, iso: string, si: number, c: Chunk): string => {
    const id = `person:unnamed:${office}:${iso.toLowerCase()}`;
    const o = lex.offices.get(office);
    const ci = lex.countries.get(iso.toUpperCase());
    reg.ensure(id, "Person", c.text, { unnamed: true, nameEn: null, country: cid(iso) });
    reg.addPosition(id, {
      title: o?.ar ?? office,
      titleEn: o?.en ?? office,
      organization:
        o?.org && o.org !== "presidency" && o.org !== "government" ? `org:${iso.toLowerCase()}:${o.org}` : null,
      country: cid(iso),
    });
    reg.mention(id, si, c.start + c.pre.length, c.end);
    if (ci) reg.ensure(cid(iso) as string, "Country", ci.ar, { nameEn: ci.en, iso2: ci.iso2 });
    return id;
  };

  // ---- 4. counterparts: same office as the anchor (the nearest person before); two passes so that
  // a counterpart named later in the text is found for an earlier unnamed slot
  for (const pass of [0, 1]) {
    let lastPerson: string | null = null;
    for (const [si, u] of units.entries()) {
      for (const c of u.chunks) {
        if (c.type === "person" && c.ents?.[0]) lastPerson = c.ents[0];
        if (c.type !== "counterpart") continue;
        const anchor = lastPerson ? reg.entities.get(lastPerson) : undefined;
        const pos = anchor?.positions[0];
        const officeKey = pos ? ([...lex.offices.values()].find((o) => o.ar === pos.title)?.key ?? null) : null;
        const ids: string[] = [];
        if (pass === 0) {
          for (const s of c.slots ?? [])
            if (s.person) {
              const pid = registerPerson(s.person, si);
              if (pid && officeKey)
                reg.addPosition(pid, position({ office: officeKey, country: s.country, org: null }, null));
              if (pid) s.person.ents = [pid];
            }
          continue;
        }
        for (const s of c.slots ?? []) {
          if (s.person) {
            const pid = registerPerson(s.person, si);
            if (pid) {
              if (officeKey) reg.addPosition(pid, position({ office: officeKey, country: s.country, org: null }, null));
              s.person.ents = [pid];
              ids.push(pid);
            }
          } else if (officeKey && s.country) {
            const h = holders(officeKey, cid(s.country)).filter((x) => x !== lastPerson);
            ids.push(h[0] ?? unnamed(officeKey, s.country, si, c));
            if (h[0]) reg.mention(h[0], si, c.start + c.pre.length, c.end, false);
          }
        }
        c.ents = ids;
      }
    }
  }

  // ---- 5. office references → the holder in the document, else an unnamed office holder
  for (const [si, u] of units.entries()) {
    for (let k = 0; k < u.chunks.length; k++) {
      const c = u.chunks[k];
      if (c.type !== "office") continue;
      if (c.appositive) {
        const prev = u.chunks[k - 1]?.type === "person" ? u.chunks[k - 1] : u.chunks[k - 2];
        c.ents = prev?.ents ?? [];
        continue;
      }
      const ids: string[] = [];
      const office = c.office as string;
      for (const iso of c.countries ?? [null]) {
        const h = holders(office, cid(iso));
        if (h.length) {
          ids.push(h[0]);
          reg.mention(h[0], si, c.start + c.pre.length, c.end, false);
        } else if (iso && office !== "minister" && office !== "ambassador" && office !== "former-president")
          ids.push(unnamed(office, iso, si, c));
      }
      c.ents = ids;
    }
  }
}
