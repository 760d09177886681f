/**
 * The entities an article mentions, gathered before any fact: each with every span that names it.
 * Keys are internal (`nation:GBR`, `person:john healey`, `org:nato`, `place:brussels`); ids are
 * given later, when entities are matched to the graph.
 */
import type { DraftEntityKind, TextSpan } from './draft.types';

export type OrganizationKind =
  'ALLIANCE' | 'COALITION' | 'CONTACT_GROUP' | 'INTERNATIONAL_ORGANIZATION' | 'GOVERNMENT_BODY' | 'OTHER';

export type PlaceKind = 'CITY' | 'VENUE' | 'REGION' | 'COUNTRY' | 'OTHER';

export interface Office {
  title: string;
  /** Key of the nation the office is of ("UK Defence Secretary"). */
  nation?: string;
  /** Key of the organization ("NATO Secretary-General"). */
  organization?: string;
  span: TextSpan;
}

export interface EntityDraft {
  key: string;
  kind: DraftEntityKind;
  name: string;
  /** Other spellings the article uses. */
  aliases: Set<string>;
  iso3?: string;
  organizationKind?: OrganizationKind;
  placeKind?: PlaceKind;
  /** A place's country or an official's nation (entity keys). */
  nation?: string;
  /** A venue's city (entity key). */
  within?: string;
  offices: Office[];
  mentions: TextSpan[];
  /** How it was recognised, for the reviewer. */
  via: string;
  /** The graph entity it was matched to, if any (see match.ts). */
  knownId?: string;
}

/** A span naming an entity, in text order. */
export interface Mention extends TextSpan {
  key: string;
  kind: DraftEntityKind;
}

export class EntityTable {
  readonly byKey = new Map<string, EntityDraft>();
  readonly mentions: Mention[] = [];
  /** One flag per character of the text: taken by a mention or blocked. Checks cost the span's length. */
  private readonly used: Uint8Array;
  private sortedCache: Mention[] | undefined;

  constructor(textLength: number) {
    this.used = new Uint8Array(textLength + 1);
  }

  ensure(key: string, kind: DraftEntityKind, name: string, via: string): EntityDraft {
    let entity = this.byKey.get(key);
    if (!entity) {
      entity = { key, kind, name, aliases: new Set(), offices: [], mentions: [], via };
      this.byKey.set(key, entity);
    }
    return entity;
  }

  /** A span no entity may be found in (the publisher's own name: "Qatar Tribune" is no mention of Qatar). */
  block(start: number, end: number): void {
    this.used.fill(1, start, end);
  }

  /** Records a mention unless one already covers part of the same span. */
  mention(entity: EntityDraft, span: TextSpan): void {
    if (this.taken(span.start, span.end)) return;
    this.used.fill(1, span.start, span.end);
    this.sortedCache = undefined;
    this.mentions.push({ ...span, key: entity.key, kind: entity.kind });
    entity.mentions.push(span);
    if (span.text !== entity.name && !/^(?:he|she|they)$/i.test(span.text))
      entity.aliases.add(span.text.replace(/['’]s$/u, ''));
  }

  /** Whether a span overlaps a mention already taken (or a blocked span). */
  taken(start: number, end: number): boolean {
    for (let i = start; i < end; i += 1) if (this.used[i]) return true;
    return false;
  }

  /** Every mention in text order (cached until the next mention). */
  sorted(): Mention[] {
    this.sortedCache ??= [...this.mentions].sort((a, b) => a.start - b.start);
    return this.sortedCache;
  }

  ofKind(kind: DraftEntityKind): EntityDraft[] {
    return [...this.byKey.values()].filter((entity) => entity.kind === kind);
  }
}
