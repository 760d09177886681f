/**
 * Deterministic synthetic documents in the import format, at any scale, for benchmarks and load
 * tests. The first document is a registry of shared entities (nations, officials, organizations,
 * places, a topic taxonomy); every later one reports meetings, statements and positions about them,
 * so references cross documents the way real reports do. Every excerpt is verbatim in its text.
 */
import { distance } from 'fastest-levenshtein';
import { FORMAT, type Document } from '../../src/ingest/document.format';
import { prng } from './prng';

export interface GenerateOptions {
  /** Event documents after the registry. */
  documents: number;
  seed?: number;
  nations?: number;
  officialsPerNation?: number;
  organizations?: number;
  places?: number;
  meetingsPerDocument?: number;
  statementsPerDocument?: number;
  positionsPerDocument?: number;
  /**
   * Re-reports, as many newsrooms reporting one event give (docs/corroboration.md): a share of the
   * event documents (`rereportShare`, a third unless given) re-report an earlier document's
   * meetings, statements and positions under new ids, and every other event is distinct under the
   * design's matching rules, so a graph that matches right holds exactly the original events. Off by
   * default: without it the output is what this generator has always made.
   */
  rereports?: boolean;
  /** The share of event documents that re-report, from 0 up to (not including) 1. */
  rereportShare?: number;
}

const STANCES = ['SUPPORTS', 'OPPOSES', 'STRESSES', 'REFUSES', 'HESITANT', 'PLEDGES'] as const;
const TOPIC_ROOTS = ['Security', 'Trade', 'Energy', 'Climate', 'Migration', 'Health'];
const TOPIC_AREAS = ['cooperation', 'sanctions', 'funding', 'agreements', 'standards'];
const TOPIC_DETAILS = ['verification', 'timelines'];

/** User-assigned ISO 3166 codes (XAA-XZZ, then QMA-QZZ) can never collide with real nations. */
function syntheticIso3(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  if (index < 676) return `x${letters[Math.floor(index / 26)]}${letters[index % 26]}`;
  const rest = index - 676;
  return `q${letters[12 + Math.floor(rest / 26)]}${letters[rest % 26]}`;
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

class TextBuilder {
  private readonly parts: string[] = [];
  /** Adds a sentence and returns it, so it can serve as an excerpt. */
  add(sentence: string): string {
    this.parts.push(sentence);
    return sentence;
  }
  toString(): string {
    return `${this.parts.join('\n')}\n`;
  }
}

export interface Registry {
  nations: Document['nations'];
  officials: Document['officials'];
  organizations: Document['organizations'];
  places: Document['places'];
  topics: Document['topics'];
}

/** The registry's official names by default: "Official XAA 0", "Official XAA 1", ... */
const numberedOfficial = (_index: number, iso: string, j: number) => `Official ${iso.toUpperCase()} ${j}`;

function registryDocument(
  options: Required<GenerateOptions>,
  officialNameOf: (index: number, iso: string, j: number) => string = numberedOfficial,
): { document: Document; registry: Registry } {
  const text = new TextBuilder();
  const registry: Registry = { nations: [], officials: [], organizations: [], places: [], topics: [] };
  for (let i = 0; i < options.nations; i += 1) {
    const iso = syntheticIso3(i);
    const name = `Nation ${iso.toUpperCase()}`;
    registry.nations.push({
      id: `nation:${iso}`,
      name,
      aliases: [`Republic of ${iso.toUpperCase()}`],
      iso3: iso.toUpperCase(),
      evidence: [{ excerpt: text.add(`${name} is a member of the synthetic registry.`) }],
    });
    for (let j = 0; j < options.officialsPerNation; j += 1) {
      const slug = `official-${iso}-${j}`;
      const officialName = officialNameOf(registry.officials.length, iso, j);
      const title = j === 0 ? 'Foreign Minister' : j === 1 ? 'Defence Minister' : `Envoy ${j}`;
      const sentence = text.add(`${officialName} serves as ${title} of ${name}.`);
      registry.officials.push({
        id: `official:${slug}`,
        name: officialName,
        aliases: [],
        nation: `nation:${iso}`,
        roles: [
          { id: `role:${slug}-${j}`, title, nation: `nation:${iso}`, evidence: [{ excerpt: sentence }] },
        ],
        evidence: [{ excerpt: sentence }],
      });
    }
  }
  for (let i = 0; i < options.organizations; i += 1) {
    const members = registry.nations
      .filter((_, n) => n % options.organizations === i || n % 7 === i % 7)
      .slice(0, 30);
    const sentence = text.add(`Organization ${i} brings together ${members.length} nations.`);
    registry.organizations.push({
      id: `organization:org-${i}`,
      name: `Organization ${i}`,
      aliases: [`Org ${i}`],
      kind: i % 3 === 0 ? 'ALLIANCE' : i % 3 === 1 ? 'COALITION' : 'CONTACT_GROUP',
      members: members.map((nation) => ({ nation: nation.id, evidence: [{ excerpt: sentence }] })),
      leaders: members.slice(0, 2).map((nation) => ({ actor: nation.id, evidence: [{ excerpt: sentence }] })),
      evidence: [{ excerpt: sentence }],
    });
  }
  for (let i = 0; i < options.places; i += 1) {
    const nation = registry.nations[i % registry.nations.length];
    registry.places.push({
      id: `place:city-${i}`,
      name: `City ${i}`,
      aliases: [],
      kind: 'CITY',
      country: nation.id,
      evidence: [{ excerpt: text.add(`City ${i} lies in ${nation.name}.`) }],
    });
  }
  for (const root of TOPIC_ROOTS) {
    const rootId = `topic:${root.toLowerCase()}`;
    registry.topics.push({ id: rootId, name: root, aliases: [`${root} policy`], evidence: [] });
    for (const area of TOPIC_AREAS) {
      const areaId = `${rootId}-${area}`;
      registry.topics.push({
        id: areaId,
        name: `${root} ${area}`,
        aliases: [],
        broader: rootId,
        evidence: [],
      });
      for (const detail of TOPIC_DETAILS) {
        registry.topics.push({
          id: `${areaId}-${detail}`,
          name: `${root} ${area} ${detail}`,
          aliases: [],
          broader: areaId,
          evidence: [],
        });
      }
    }
  }
  const document: Document = {
    format: FORMAT,
    source: {
      id: 'source:synthetic-registry',
      title: 'Synthetic registry of actors',
      publisher: 'Synthetic Wire',
      publishedAt: '2024-01-01',
      text: text.toString(),
    },
    ...registry,
    meetings: [],
    statements: [],
    positions: [],
  };
  return { document, registry };
}

/** A position taken in statement `statement`, with its sentence added to the report's text. */
function positionRecord(
  index: number,
  p: number,
  statement: Document['statements'][number],
  stance: (typeof STANCES)[number],
  date: string,
  text: TextBuilder,
): Document['positions'][number] {
  const sentence = text.add(
    `Position ${index}-${p}: ${stance.toLowerCase()} on ${statement.topics[0]} by ${statement.speaker}.`,
  );
  return {
    id: `position:synthetic-${index}-${p}`,
    stance,
    holder: statement.speaker,
    topic: statement.topics[0],
    summary: `${stance} ${statement.topics[0].slice(6)} (synthetic ${index}-${p})`,
    date,
    statements: [statement.id],
    evidence: [{ excerpt: sentence }],
  };
}

/** An event report of the synthetic wire: its facts, and no entity of its own. */
function eventEnvelope(
  index: number,
  date: string,
  text: TextBuilder,
  facts: Pick<Document, 'meetings' | 'statements' | 'positions'>,
): Document {
  return {
    format: FORMAT,
    source: {
      id: `source:synthetic-${index}`,
      title: `Synthetic report ${index}`,
      publisher: 'Synthetic Wire',
      publishedAt: date,
      text: text.toString(),
    },
    nations: [],
    officials: [],
    organizations: [],
    places: [],
    topics: [],
    ...facts,
  };
}

function eventDocument(
  index: number,
  registry: Registry,
  options: Required<GenerateOptions>,
  random: () => number,
): Document {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const text = new TextBuilder();
  const day = index % 700;
  const date = isoDay(day);
  const meetings: Document['meetings'] = [];
  const statements: Document['statements'] = [];
  const positions: Document['positions'] = [];
  for (let m = 0; m < options.meetingsPerDocument; m += 1) {
    const organization = pick(registry.organizations);
    const place = pick(registry.places);
    const participants = [...new Set(Array.from({ length: 4 }, () => pick(registry.officials).id))];
    const topics = [...new Set([pick(registry.topics).id, pick(registry.topics).id])];
    const chair = pick(registry.nations);
    const sentence = text.add(
      `On ${date}, ${organization.name} convened meeting ${index}-${m} in ${place.name}, chaired by ${chair.name}, with ${participants.length} officials.`,
    );
    meetings.push({
      id: `meeting:${date}-synthetic-${index}-${m}`,
      title: `${organization.name} meeting ${index}-${m}`,
      date,
      status: random() < 0.9 ? 'HELD' : 'SCHEDULED',
      place: place.id,
      convenedBy: [organization.id],
      chairs: [chair.id],
      participants,
      nationsRepresented: 5 + Math.floor(random() * 40),
      figures: [],
      topics,
      evidence: [{ excerpt: sentence }],
    });
  }
  for (let s = 0; s < options.statementsPerDocument; s += 1) {
    const speaker = pick(registry.officials);
    const topic = pick(registry.topics);
    const words = `${topic.name} requires urgent attention according to statement ${index}-${s}`;
    const sentence = text.add(`${speaker.name} said: "${words}."`);
    statements.push({
      id: `statement:synthetic-${index}-${s}`,
      kind: 'QUOTE',
      text: words,
      speaker: speaker.id,
      date,
      meeting: meetings.length > 0 ? pick(meetings).id : undefined,
      topics: [topic.id],
      evidence: [{ excerpt: sentence }],
    });
  }
  for (let p = 0; p < options.positionsPerDocument; p += 1) {
    const statement = pick(statements);
    const stance = pick([...STANCES]);
    positions.push(positionRecord(index, p, statement, stance, date, text));
  }
  return eventEnvelope(index, date, text, { meetings, statements, positions });
}

/** What a generated corpus must become in a graph that matches re-reports to what they re-report. */
export interface SyntheticCorpus {
  /** The registry document first, then the event documents. */
  documents: Document[];
  /**
   * Distinct events and officials: the meetings, statements and positions of the documents that
   * are not re-reports, and the registry's officials (a re-report's officials are spelling
   * variants of registry officials). Without `rereports` these are plain totals, and the events
   * carry no guarantee of being distinct under the matching rules.
   */
  distinct: { meetings: number; statements: number; positions: number; officials: number };
  /** For each re-report, by its index in `documents`, the index of the document it re-reports. */
  rereportOf: Map<number, number>;
}

/** The registry document first, then `documents` event documents. */
export function generateDocuments(options: GenerateOptions): Document[] {
  return generateCorpus(options).documents;
}

/** `generateDocuments` with what the graph must hold once re-reports are matched. */
export function generateCorpus(options: GenerateOptions): SyntheticCorpus {
  const full: Required<GenerateOptions> = {
    seed: 42,
    nations: 200,
    officialsPerNation: 5,
    organizations: 20,
    places: 50,
    meetingsPerDocument: 2,
    statementsPerDocument: 6,
    positionsPerDocument: 4,
    rereports: false,
    rereportShare: 1 / 3,
    ...options,
  };
  if (full.rereports) return rereportCorpus(full);
  const random = prng(full.seed);
  const { document, registry } = registryDocument(full);
  const documents = [document];
  for (let i = 0; i < full.documents; i += 1) documents.push(eventDocument(i, registry, full, random));
  const events = documents.slice(1);
  return {
    documents,
    distinct: {
      meetings: events.reduce((sum, d) => sum + d.meetings.length, 0),
      statements: events.reduce((sum, d) => sum + d.statements.length, 0),
      positions: events.reduce((sum, d) => sum + d.positions.length, 0),
      officials: registry.officials.length,
    },
    rereportOf: new Map(),
  };
}

// --- Re-reports -----------------------------------------------------------------------------------
//
// The rules that decide whether two reports tell of one event (docs/corroboration.md, "Same-event
// matching"), and how the original events here stay clear of them:
// - meetings within a day of each other match at 5 points (same date 2, adjacent 1, place 2,
//   convener 2, half the participants and chairs 2, any of them 1, half the title's words 1). Each
//   day of originals draws its conveners, places, chairs and participants from a third of the
//   registry (day mod 3) and never uses one twice in a day, so two originals within a day of each
//   other share none of them: at most 2 + 1 = 3 points. A re-report keeps all of them: 5 or more.
// - statements match on the same speaker and words (after quotes, spelling and truncation to 6
//   words or more) within 7 days: an original's words start with its own document and statement
//   number, so no original's words hold another's.
// - positions match on holder, topic and stance within 7 days: originals never repeat one within 8.
// - officials: a spelling variant (edit distance 2 or less over 8 letters or more) is the official.
//   Registry names here are at least MIN_NAME_DISTANCE edits apart, so a variant (one letter
//   changed, or the suffix " Jr." dropped) is near its own official and far from every other.

/** Fewest edits between two registry officials' names, letters only, in re-report corpora. */
export const MIN_NAME_DISTANCE = 6;
const PARTICIPANTS_PER_MEETING = 4;
/** Days within which two positions of one holder, topic and stance are the same position. */
const POSITION_WINDOW_DAYS = 7;

// prettier-ignore
const GIVEN_NAMES = [
  'Adela', 'Amara', 'Anton', 'Bruno', 'Carla', 'Celia', 'Dario', 'Dora', 'Elena', 'Emil', 'Farid', 'Frida',
  'Greta', 'Goran', 'Hugo', 'Ines', 'Irena', 'Ivan', 'Jonas', 'Julia', 'Karin', 'Kemal', 'Lena', 'Luca',
  'Malik', 'Marta', 'Nadia', 'Nils', 'Olga', 'Oskar', 'Pavel', 'Petra', 'Rafael', 'Rosa', 'Sara', 'Selim',
  'Tomas', 'Teodor', 'Vera', 'Viktor', 'Zoran', 'Zora', 'Alma', 'Boris', 'Clara', 'Dmitri', 'Edita',
  'Filip',
];
const ONSETS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const CODAS = 'nrslt';

/** The letters a name is compared on: folded, letters only (the names use no y, w, h or double letters). */
export const nameLetters = (name: string) =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/**
 * Names for the registry's officials, each at least MIN_NAME_DISTANCE edits from every other and
 * with its own surname: a given name, a surname of four open syllables and a final consonant, and
 * for every fifth official the suffix " Jr.".
 */
function distinctOfficialNames(count: number, perNation: number, seed: number): string[] {
  const random = prng(seed ^ 0x5eed);
  const letter = (from: string) => from[Math.floor(random() * from.length)];
  const names: string[] = [];
  const keys: string[] = [];
  const surnames = new Set<string>();
  while (names.length < count) {
    let surname = '';
    for (let syllable = 0; syllable < 4; syllable += 1) surname += letter(ONSETS) + letter(VOWELS);
    surname = surname[0].toUpperCase() + surname.slice(1) + letter(CODAS);
    const suffix = names.length % perNation === perNation - 1 ? ' Jr.' : '';
    const name = `${GIVEN_NAMES[Math.floor(random() * GIVEN_NAMES.length)]} ${surname}${suffix}`;
    const key = nameLetters(name);
    if (surnames.has(surname)) continue;
    if (
      keys.some(
        (other) =>
          Math.abs(other.length - key.length) < MIN_NAME_DISTANCE && distance(other, key) < MIN_NAME_DISTANCE,
      )
    )
      continue;
    names.push(name);
    keys.push(key);
    surnames.add(surname);
  }
  return names;
}

/**
 * Another newsroom's spelling of a registry official's name: the suffix dropped, or one letter of
 * the surname other than its first changed (a vowel for a vowel, a consonant for a consonant, so no
 * letter doubles).
 */
export function nameVariant(name: string, random: () => number): string {
  if (name.endsWith(' Jr.') && random() < 0.5) return name.slice(0, -' Jr.'.length);
  const space = name.indexOf(' ');
  const end = name.endsWith(' Jr.') ? name.length - ' Jr.'.length : name.length;
  const at = space + 2 + Math.floor(random() * (end - space - 2));
  const letters = VOWELS.includes(name[at]) ? VOWELS : ONSETS + CODAS;
  const choices = [...new Set(letters)].filter((c) => c !== name[at]);
  return name.slice(0, at) + choices[Math.floor(random() * choices.length)] + name.slice(at + 1);
}

/** An original's statement words: its own number first, a British spelling or two, an apostrophe. */
const statementWords = (index: number, s: number, topic: string) =>
  `Note ${index}-${s}: we're ready to prioritise ${topic.toLowerCase()} and the defence of shared standards`;

type QuoteVariant = 'curly' | 'american' | 'truncated';
/** The same words as another newsroom prints them. */
export function quoteVariant(words: string, variant: QuoteVariant, random: () => number): string {
  if (variant === 'curly') return words.replace(/'/g, '\u2019');
  if (variant === 'american')
    return words.replace(/prioritise/g, 'prioritize').replace(/defence/g, 'defense');
  const all = words.split(' ');
  return all.slice(0, 7 + Math.floor(random() * (all.length - 7))).join(' ');
}

interface Original {
  index: number;
  day: number;
  document: Document;
}

function rereportCorpus(options: Required<GenerateOptions>): SyntheticCorpus {
  if (!(options.rereportShare >= 0 && options.rereportShare < 1))
    throw new Error(`rereportShare must be from 0 up to 1, not ${options.rereportShare}`);
  const random = prng(options.seed);
  const names = distinctOfficialNames(
    options.nations * options.officialsPerNation,
    options.officialsPerNation,
    options.seed,
  );
  const { document: registryDoc, registry } = registryDocument(options, (index) => names[index]);
  const third = (count: number) => Math.floor(count / 3);
  const meetingsPerDay = Math.min(
    third(registry.organizations.length),
    third(registry.places.length),
    third(registry.nations.length),
    Math.floor(third(registry.officials.length) / PARTICIPANTS_PER_MEETING),
  );
  if (meetingsPerDay < Math.max(1, options.meetingsPerDocument))
    throw new Error(
      `re-reports need a third of the organizations, places, nations and officials (over ${PARTICIPANTS_PER_MEETING}) to hold a document's ${options.meetingsPerDocument} meetings a day`,
    );
  const plan = {
    meetingsPerDay,
    docsPerDay:
      options.meetingsPerDocument > 0 ? Math.floor(meetingsPerDay / options.meetingsPerDocument) : 3,
    positionSeen: new Map<string, number>(),
    peopleDay: -1,
    peopleUsed: new Set<string>(),
  };
  const documents = [registryDoc];
  const originals: Original[] = [];
  const rereportOf = new Map<number, number>();
  const distinct = { meetings: 0, statements: 0, positions: 0, officials: registry.officials.length };
  for (let i = 0; i < options.documents; i += 1) {
    const isRereport =
      originals.length > 0 &&
      Math.floor((i + 1) * options.rereportShare) > Math.floor(i * options.rereportShare);
    if (isRereport) {
      const original = originals[originals.length - 1 - Math.floor(random() * Math.min(4, originals.length))];
      rereportOf.set(documents.length, original.index);
      documents.push(rereportDocument(i, original, registry, random));
    } else {
      const day = Math.floor(originals.length / plan.docsPerDay);
      const slot = (originals.length % plan.docsPerDay) * options.meetingsPerDocument;
      const document = originalDocument(i, day, slot, registry, options, random, plan);
      originals.push({ index: documents.length, day, document });
      documents.push(document);
      distinct.meetings += document.meetings.length;
      distinct.statements += document.statements.length;
      distinct.positions += document.positions.length;
    }
  }
  return { documents, distinct, rereportOf };
}

/** An event document whose events are distinct from every other original's (see above). */
function originalDocument(
  index: number,
  day: number,
  firstSlot: number,
  registry: Registry,
  options: Required<GenerateOptions>,
  random: () => number,
  plan: {
    meetingsPerDay: number;
    positionSeen: Map<string, number>;
    peopleDay: number;
    peopleUsed: Set<string>;
  },
): Document {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const text = new TextBuilder();
  const date = isoDay(day);
  const block = day % 3;
  /** The n-th of this day's third of `items`; distinct for distinct n below the third's size. */
  const ofDay = <T>(items: T[], n: number): T => {
    const size = Math.floor(items.length / 3);
    return items[block * size + ((n + day) % size)];
  };
  if (plan.peopleDay !== day) {
    plan.peopleDay = day;
    plan.peopleUsed = new Set();
  }
  const officialsOfDay = registry.officials.slice(
    block * Math.floor(registry.officials.length / 3),
    (block + 1) * Math.floor(registry.officials.length / 3),
  );
  const meetings: Document['meetings'] = [];
  const statements: Document['statements'] = [];
  const positions: Document['positions'] = [];
  for (let m = 0; m < options.meetingsPerDocument; m += 1) {
    const slot = firstSlot + m;
    const organization = ofDay(registry.organizations, slot);
    const place = ofDay(registry.places, slot);
    const chair = ofDay(registry.nations, slot);
    const participants: string[] = [];
    while (participants.length < PARTICIPANTS_PER_MEETING) {
      const official = pick(officialsOfDay).id;
      if (plan.peopleUsed.has(official)) continue;
      plan.peopleUsed.add(official);
      participants.push(official);
    }
    const topics = [...new Set([pick(registry.topics).id, pick(registry.topics).id])];
    const sentence = text.add(
      `On ${date}, ${organization.name} convened meeting ${index}-${m} in ${place.name}, chaired by ${chair.name}, with ${participants.length} officials.`,
    );
    meetings.push({
      id: `meeting:${date}-synthetic-${index}-${m}`,
      title: `${organization.name} meeting ${index}-${m}`,
      date,
      status: random() < 0.9 ? 'HELD' : 'SCHEDULED',
      place: place.id,
      convenedBy: [organization.id],
      chairs: [chair.id],
      participants,
      nationsRepresented: 5 + Math.floor(random() * 40),
      figures: [],
      topics,
      evidence: [{ excerpt: sentence }],
    });
  }
  for (let s = 0; s < options.statementsPerDocument; s += 1) {
    const speaker = pick(registry.officials);
    const topic = pick(registry.topics);
    const words = statementWords(index, s, topic.name);
    const sentence = text.add(`${speaker.name} said: "${words}."`);
    statements.push({
      id: `statement:synthetic-${index}-${s}`,
      kind: 'QUOTE',
      text: words,
      speaker: speaker.id,
      date,
      meeting: meetings.length > 0 ? pick(meetings).id : undefined,
      topics: [topic.id],
      evidence: [{ excerpt: sentence }],
    });
  }
  for (let p = 0; p < options.positionsPerDocument && statements.length > 0; p += 1) {
    let statement = pick(statements);
    let stance = pick([...STANCES]);
    const key = () => `${statement.speaker}|${statement.topics[0]}|${stance}`;
    for (
      let attempt = 0;
      day - (plan.positionSeen.get(key()) ?? -Infinity) <= POSITION_WINDOW_DAYS;
      attempt += 1
    ) {
      if (attempt > 1000) throw new Error(`no distinct position left for document ${index}`);
      statement = pick(statements);
      stance = pick([...STANCES]);
    }
    plan.positionSeen.set(key(), day);
    positions.push(positionRecord(index, p, statement, stance, date, text));
  }
  return eventEnvelope(index, date, text, { meetings, statements, positions });
}

/**
 * Another newsroom's report of an original's events under new ids: each meeting the same day or a
 * day off, with the same convener, place, chairs and participants under another title; each
 * statement's words in curly quotes, American spelling or cut short; each position as it was; and
 * one official it mentions defined under a new id with a spelling variant of the name.
 */
function rereportDocument(
  index: number,
  original: Original,
  registry: Registry,
  random: () => number,
): Document {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const text = new TextBuilder();
  const source = original.document;
  const byId = new Map<string, { name: string }>(
    [...registry.nations, ...registry.officials, ...registry.organizations, ...registry.places].map((e) => [
      e.id,
      e,
    ]),
  );
  const mentioned = [
    ...new Set([
      ...source.meetings.flatMap((meeting) => meeting.participants),
      ...source.statements.map((statement) => statement.speaker),
    ]),
  ];
  const officials: Document['officials'] = [];
  let varied: { from: string; to: string; name: string } | undefined;
  if (mentioned.length > 0) {
    const chosen = pick(mentioned);
    const official = registry.officials.find((o) => o.id === chosen)!;
    const name = nameVariant(official.name, random);
    varied = {
      from: official.id,
      to: `official:rereport-${index}-${official.id.slice('official:'.length)}`,
      name,
    };
    const nation = registry.nations.find((n) => n.id === official.nation)!;
    const sentence = text.add(`${name}, an official of ${nation.name}, is among those this report names.`);
    officials.push({
      id: varied.to,
      name,
      aliases: [],
      nation: official.nation,
      roles: [],
      evidence: [{ excerpt: sentence }],
    });
  }
  const actor = (id: string) => (varied && id === varied.from ? varied.to : id);
  const nameOf = (id: string) => (varied && id === varied.from ? varied.name : byId.get(id)!.name);
  const meetingIds = new Map<string, string>();
  const meetings = source.meetings.map((meeting, m): Document['meetings'][number] => {
    const date = isoDay(original.day + pick([-1, 0, 1]));
    const id = `meeting:${date}-rereport-${index}-${m}`;
    meetingIds.set(meeting.id, id);
    const organization = nameOf(meeting.convenedBy[0]);
    const place = nameOf(meeting.place!);
    const sentence = text.add(
      `${organization} brought ${meeting.participants.length} officials together in ${place} on ${date} under the chairmanship of ${nameOf(meeting.chairs[0])}.`,
    );
    return {
      ...meeting,
      id,
      title: `Talks called by ${organization} in ${place}`,
      date,
      participants: meeting.participants.map(actor),
      evidence: [{ excerpt: sentence }],
    };
  });
  const statementIds = new Map<string, string>();
  const statements = source.statements.map((statement, s): Document['statements'][number] => {
    const variant = pick<QuoteVariant>(['curly', 'american', 'truncated']);
    const words = quoteVariant(statement.text, variant, random);
    const id = `statement:rereport-${index}-${s}`;
    statementIds.set(statement.id, id);
    const speaker = nameOf(statement.speaker);
    const sentence = text.add(
      variant === 'curly'
        ? `\u201c${words}\u201d, ${speaker} told reporters.`
        : variant === 'american'
          ? `"${words}," ${speaker} said.`
          : `${speaker} was quoted as saying "${words} ..."`,
    );
    return {
      ...statement,
      id,
      text: words,
      speaker: actor(statement.speaker),
      meeting: statement.meeting ? meetingIds.get(statement.meeting) : undefined,
      evidence: [{ excerpt: sentence }],
    };
  });
  const positions = source.positions.map((position, p): Document['positions'][number] => {
    const sentence = text.add(
      `According to this report, ${nameOf(position.holder)} ${position.stance.toLowerCase()} on ${position.topic.slice(6)} (${index}-${p}).`,
    );
    return {
      ...position,
      id: `position:rereport-${index}-${p}`,
      holder: actor(position.holder),
      summary: `${position.stance} ${position.topic.slice(6)} (re-reported ${index}-${p})`,
      statements: position.statements.map((id) => statementIds.get(id)!),
      evidence: [{ excerpt: sentence }],
    };
  });
  return {
    format: FORMAT,
    source: {
      id: `source:synthetic-${index}`,
      title: `Synthetic re-report ${index}`,
      publisher: 'Synthetic Echo',
      publishedAt: isoDay(original.day + Math.floor(random() * 2)),
      text: text.toString(),
    },
    nations: [],
    officials,
    organizations: [],
    places: [],
    topics: [],
    meetings,
    statements,
    positions,
  };
}
