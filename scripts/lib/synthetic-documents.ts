/**
 * Deterministic synthetic documents in the import format, at any scale, for benchmarks and load
 * tests. The first document is a registry of shared entities (nations, officials, organizations,
 * places, a topic taxonomy); every later one reports meetings, statements and positions about them,
 * so references cross documents the way real reports do. Every excerpt is verbatim in its text.
 */
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

function registryDocument(options: Required<GenerateOptions>): { document: Document; registry: Registry } {
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
      const officialName = `Official ${iso.toUpperCase()} ${j}`;
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
    const sentence = text.add(
      `Position ${index}-${p}: ${stance.toLowerCase()} on ${statement.topics[0]} by ${statement.speaker}.`,
    );
    positions.push({
      id: `position:synthetic-${index}-${p}`,
      stance,
      holder: statement.speaker,
      topic: statement.topics[0],
      summary: `${stance} ${statement.topics[0].slice(6)} (synthetic ${index}-${p})`,
      date,
      statements: [statement.id],
      evidence: [{ excerpt: sentence }],
    });
  }
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
    meetings,
    statements,
    positions,
  };
}

/** The registry document first, then `documents` event documents. */
export function generateDocuments(options: GenerateOptions): Document[] {
  const full: Required<GenerateOptions> = {
    seed: 42,
    nations: 200,
    officialsPerNation: 5,
    organizations: 20,
    places: 50,
    meetingsPerDocument: 2,
    statementsPerDocument: 6,
    positionsPerDocument: 4,
    ...options,
  };
  const random = prng(full.seed);
  const { document, registry } = registryDocument(full);
  const documents = [document];
  for (let i = 0; i < full.documents; i += 1) documents.push(eventDocument(i, registry, full, random));
  return documents;
}
