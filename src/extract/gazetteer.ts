/**
 * What the drafter recognises without the graph: nations (names, short forms, demonyms and
 * capitals from `world-countries`, ISO 3166-1 alpha-3), capital cities as places, and well-known
 * organizations (lexicon.ts). Built once per process: the package's data is read at start, never
 * fetched.
 */
import countries from 'world-countries';
import { EXTRA_NATION_FORMS, KNOWN_ORGANIZATIONS } from './lexicon';
import { PhraseIndex } from './tokens';

export type NationForm = 'name' | 'short' | 'demonym' | 'capital';

export interface NationEntry {
  iso3: string;
  name: string;
  form: NationForm;
}

export interface CapitalEntry {
  name: string;
  iso3: string;
}

export interface OrganizationEntry {
  name: string;
  aliases: string[];
  kind: (typeof KNOWN_ORGANIZATIONS)[number]['kind'];
}

/** Territories outside the package's "independent" flag that news still treats as actors. */
const ALSO_NATIONS = new Set(['TWN', 'PSE', 'GRL', 'HKG']);

export interface Gazetteer {
  nations: PhraseIndex<NationEntry>;
  capitals: PhraseIndex<CapitalEntry>;
  organizations: PhraseIndex<OrganizationEntry>;
  /** ISO3 -> common English name. */
  nationNames: Map<string, string>;
}

let built: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  built ??= build();
  return built;
}

const isAcronym = (form: string) => /^(?:\p{Lu}\.?){2,}$/u.test(form);

function build(): Gazetteer {
  const nations = new PhraseIndex<NationEntry>();
  const capitals = new PhraseIndex<CapitalEntry>();
  const nationNames = new Map<string, string>();
  const included = countries.filter((country) => country.independent || ALSO_NATIONS.has(country.cca3));
  const demonymOwners = new Map<string, string[]>();
  for (const country of included) {
    for (const demonym of new Set([country.demonyms?.eng?.m, country.demonyms?.eng?.f])) {
      if (demonym) demonymOwners.set(demonym, [...(demonymOwners.get(demonym) ?? []), country.cca3]);
    }
  }
  const add = (form: string, entry: NationEntry) => nations.add(form, entry, { exactCase: isAcronym(form) });
  for (const country of included) {
    const iso3 = country.cca3;
    const name = country.name.common;
    nationNames.set(iso3, name);
    add(name, { iso3, name, form: 'name' });
    add(country.name.official, { iso3, name, form: 'name' });
    for (const spelling of country.altSpellings) {
      // Two-letter ISO codes ("SE", "FI") are words in other contexts; UK and US are short forms.
      if (spelling.length < 3 && spelling !== 'UK' && spelling !== 'US') continue;
      // Short native names ("Ísland", "Suomi") are English words or unused in English copy.
      if (!isAcronym(spelling) && spelling.length < 7) continue;
      if (spelling.includes(',')) continue;
      add(spelling, { iso3, name, form: spelling.length <= 4 ? 'short' : 'name' });
    }
    for (const demonym of new Set([country.demonyms?.eng?.m, country.demonyms?.eng?.f])) {
      // "Congolese" is two nations: a demonym that can't be told apart is left out.
      if (demonym && demonymOwners.get(demonym)?.length === 1) add(demonym, { iso3, name, form: 'demonym' });
    }
    for (const capital of country.capital ?? []) {
      add(capital, { iso3, name, form: 'capital' });
      capitals.add(capital, { name: capital, iso3 });
    }
  }
  for (const [form, iso3] of Object.entries(EXTRA_NATION_FORMS)) {
    const name = nationNames.get(iso3) ?? form;
    const capital = [
      'Washington',
      'Kiev',
      'Kyiv',
      'Beijing',
      'Moscow',
      'Tehran',
      'Pyongyang',
      'Seoul',
      'Tokyo',
      'New Delhi',
      'Ankara',
    ].includes(form);
    const demonym = ['Russian', 'Ukrainian', 'Emirati', 'Saudi'].includes(form);
    add(form, {
      iso3,
      name,
      form: capital ? 'capital' : demonym ? 'demonym' : isAcronym(form) ? 'short' : 'name',
    });
    if (capital) capitals.add(form, { name: form, iso3 });
  }
  const organizations = new PhraseIndex<OrganizationEntry>();
  for (const organization of KNOWN_ORGANIZATIONS) {
    for (const form of [organization.name, ...organization.aliases]) {
      organizations.add(form, organization, { exactCase: isAcronym(form) || form.length <= 4 });
    }
  }
  return { nations, capitals, organizations, nationNames };
}
