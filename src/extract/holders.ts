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

/** The holder of `office` (an offices.yaml key) in the country `iso`, created on first use; returns its id. */
export function ensureUnnamedHolder(reg: Registry, lex: Lexicon, office: string, iso: string, name: string): string {
  const id = `person:unnamed:${office}:${iso.toLowerCase()}`;
  const o = lex.offices.get(office);
  const ci = lex.countries.get(iso.toUpperCase());
  reg.ensure(id, "Person", name, { unnamed: true, nameEn: null, country: countryId(iso) });
  reg.addPosition(id, {
    title: o?.ar ?? office,
    titleEn: o?.en ?? office,
    organization:
      o?.org && o.org !== "presidency" && o.org !== "government" ? `org:${iso.toLowerCase()}:${o.org}` : null,
    country: countryId(iso),
  });
  if (ci) reg.ensure(countryId(iso), "Country", ci.ar, { nameEn: ci.en, iso2: ci.iso2 });
  return id;
}
