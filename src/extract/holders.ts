/**
 * Unnamed office holders (الرئيس الكيني، نظيره التشيلي): one entity per office and country, the same in every
 * document, with the office as its position. Shared by coreference and the event rules.
 */
import type { Registry } from "./coref.js";
import type { Lexicon } from "./lexicon.js";

const countryId = (iso: string) => `country:${iso.toLowerCase()}`;

/** «title (country)»: the name of the unnamed holder of `office` in `iso` where one phrase names several */
export function holderName(lex: Lexicon, office: string, iso: string): string {
  return `${lex.offices.get(office)?.ar ?? office} (${lex.countries.get(iso.toUpperCase())?.ar ?? iso})`;
}

/**
 * The holder of `office` (an offices.yaml key) in the country `iso`, created on first use; returns its id. A posted
 * office (an ambassador) held in the state `post` is one holder per state and posting: Ghana's ambassador to Kenya
 * is not its ambassador to Egypt.
 */
export function ensureUnnamedHolder(
  reg: Registry,
  lex: Lexicon,
  office: string,
  iso: string,
  name: string,
  post?: string,
): string {
  const id = `person:unnamed:${office}:${iso.toLowerCase()}${post ? `:${post.toLowerCase()}` : ""}`;
  const o = lex.offices.get(office);
  const ci = lex.countries.get(iso.toUpperCase());
  const host = post ? lex.countries.get(post.toUpperCase()) : undefined;
  reg.ensure(id, "Person", name, { unnamed: true, nameEn: null, country: countryId(iso) });
  reg.addPosition(id, {
    title: host ? `${o?.ar ?? office} لدى ${host.ar}` : (o?.ar ?? office),
    titleEn: host ? `${o?.en ?? office} to ${host.en}` : (o?.en ?? office),
    organization:
      o?.org && o.org !== "presidency" && o.org !== "government" ? `org:${iso.toLowerCase()}:${o.org}` : null,
    country: countryId(iso),
  });
  if (ci) reg.ensure(countryId(iso), "Country", ci.ar, { nameEn: ci.en, iso2: ci.iso2 });
  return id;
}
