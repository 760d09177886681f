/**
 * Who said or holds something, as the scorer compares it: a gold name ("Pål Jonson", "Russia") and
 * a draft's actor id (`official:pal-jonson`, `nation:rus`) both become an `Actor` with every name it
 * goes by, folded, and a nation's ISO code. Nations match by code, whatever the name; others by any
 * shared name or alias, and two people, as a last resort, by the same surname.
 */
import countries from 'world-countries';
import { foldText } from '../graph/text';
import type { Document } from '../ingest/document.format';
import type { DraftEntityKind, KnownEntity } from './draft.types';
import type { Gold } from './gold.format';

export interface Actor {
  /** The name to show in a report. */
  label: string;
  /** Every name and alias, folded, without a leading "the". */
  names: Set<string>;
  /** A nation's ISO 3166-1 alpha-3 code. */
  iso3?: string;
  /** An official: matched by surname when no full name or alias is shared. */
  person: boolean;
  /** False when a gold name matched no official, organization or nation of the annotation. */
  resolved: boolean;
}

/** "The Coalition of the Willing" -> "coalition of the willing"; "Häkkänen" -> "hakkanen". */
export function foldName(name: string): string {
  return foldText(name)
    .replace(/^the\s+/u, '')
    .replace(/['’]s$/u, '');
}

/** Short forms the country data leaves out (it skips two-letter codes, which collide with words). */
const SHORT_FORMS: Record<string, string> = {
  uk: 'GBR',
  'u.k.': 'GBR',
  britain: 'GBR',
  us: 'USA',
  'u.s.': 'USA',
};

let nationCodes: Map<string, string> | undefined;

/** A nation's ISO code from its common or official name, a longer alternative spelling, or the code. */
export function nationCodeOf(name: string): string | undefined {
  if (!nationCodes) {
    nationCodes = new Map();
    for (const country of countries) {
      const names = [
        country.cca3,
        country.name.common,
        country.name.official,
        ...country.altSpellings.filter((spelling) => spelling.length > 2),
      ];
      for (const each of names)
        if (!nationCodes.has(foldName(each))) nationCodes.set(foldName(each), country.cca3);
    }
    for (const [short, code] of Object.entries(SHORT_FORMS)) nationCodes.set(short, code);
  }
  return nationCodes.get(foldName(name));
}

const actorOf = (label: string, names: readonly string[], extra: Partial<Actor>): Actor => ({
  label,
  names: new Set(names.map(foldName)),
  person: false,
  resolved: true,
  ...extra,
});

/** A speaker or holder named in the gold: an official, an organization, else a nation, by name or alias. */
export function goldActor(name: string, gold: Gold): Actor {
  const folded = foldName(name);
  const named = (entry: { name: string; aliases: string[] }) =>
    [entry.name, ...entry.aliases].some((each) => foldName(each) === folded);
  const official = gold.officials.find(named);
  if (official) return actorOf(official.name, [official.name, ...official.aliases], { person: true });
  const organization = gold.organizations.find(named);
  if (organization) return actorOf(organization.name, [organization.name, ...organization.aliases], {});
  const iso3 = nationCodeOf(name);
  if (iso3) return actorOf(name, [name], { iso3 });
  return actorOf(name, [name], { resolved: false });
}

const KIND_OF_PREFIX: Record<string, DraftEntityKind> = {
  nation: 'NATION',
  official: 'OFFICIAL',
  organization: 'ORGANIZATION',
  topic: 'TOPIC',
  place: 'PLACE',
};

/**
 * Every name of an id in a draft: the document's record, else the graph's entity from `known` (an
 * EXISTING match the document refers to without defining), else the words of the id's slug.
 */
export function namesOfId(id: string, document: Document, known: readonly KnownEntity[]): string[] {
  const records: { id: string; name: string; aliases: string[] }[] = [
    ...document.nations,
    ...document.officials,
    ...document.organizations,
    ...document.topics,
    ...document.places,
  ];
  const record = records.find((each) => each.id === id) ?? known.find((each) => each.id === id);
  if (record) return [record.name, ...record.aliases];
  return [id.slice(id.indexOf(':') + 1).replace(/-/g, ' ')];
}

/** The actor a draft's id stands for. */
export function draftActor(id: string, document: Document, known: readonly KnownEntity[]): Actor {
  const names = namesOfId(id, document, known);
  const kind = KIND_OF_PREFIX[id.slice(0, id.indexOf(':'))];
  return actorOf(names[0], names, {
    person: kind === 'OFFICIAL',
    ...(kind === 'NATION' ? { iso3: id.slice('nation:'.length).toUpperCase() } : {}),
  });
}

const surname = (actor: Actor) => foldName(actor.label).split(' ').pop() ?? '';

/** Both nations: the same code. Else a shared name or alias; else, for two people, the same surname. */
export function sameActor(a: Actor, b: Actor): boolean {
  if (a.iso3 !== undefined && b.iso3 !== undefined) return a.iso3 === b.iso3;
  for (const name of a.names) if (b.names.has(name)) return true;
  return a.person && b.person && surname(a) !== '' && surname(a) === surname(b);
}
