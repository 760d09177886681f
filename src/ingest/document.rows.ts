/**
 * Turns a validated document into the rows the loader writes: node properties (with the folded
 * name and body text the indexes need), evidence with its offsets, and relationships by type.
 * Pure, so the mapping can be tested without a database.
 */
import { createHash } from 'node:crypto';
import { Label, labelForId, Rel } from '../graph/model';
import { foldText, nameText } from '../graph/text';
import type { Document } from './document.format';
import type { ClaimRow, EvidenceRow, NodeRow, RelationshipRow } from './graph-write.cypher';

type Evidence = { excerpt: string };
type Code = { code: string; codebook: string } | undefined;

/** A validated document (see document.format.ts): what the loader writes. */
export type LoadableDocument = Document;

export interface RelationshipGroup {
  fromLabel: Label;
  type: Rel;
  toLabel: Label;
  rows: RelationshipRow[];
}

export interface DocumentRows {
  source: Record<string, unknown> & { id: string; publisher: string };
  evidence: EvidenceRow[];
  /** What this source says of each meeting's date, place, status and figures (docs/corroboration.md). */
  claims: ClaimRow[];
  nodes: { label: Label; rows: NodeRow[] }[];
  relationships: RelationshipGroup[];
}

/**
 * The key statements and positions are listed by: the date, or '' when undated. Unlike `date` it is
 * never null, so a range index holds every node and a listing can be read in index order instead
 * of sorting them all (see applyGraphSchema for nodes written before it existed).
 */
export function sortDate(date: string | null | undefined): string {
  return date ?? '';
}

export function claimId(factId: string, field: string, unit: string | null, sourceId: string): string {
  return `claim:${createHash('sha256')
    .update(`${factId}\u0000${field}\u0000${unit ?? ''}\u0000${sourceId}`)
    .digest('hex')
    .slice(0, 24)}`;
}

export function evidenceId(sourceId: string, start: number, excerpt: string): string {
  return `evidence:${createHash('sha256').update(`${sourceId}\u0000${start}\u0000${excerpt}`).digest('hex').slice(0, 24)}`;
}

/** Canonical hash of a document: equal documents load as "unchanged". */
export function documentHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function codeProps(prefix: 'cameo' | 'plover', code: Code): Record<string, unknown> {
  if (!code) return {};
  return { [`${prefix}Code`]: code.code, [`${prefix}Codebook`]: code.codebook };
}

function labelOf(id: string): Label {
  const label = labelForId(id);
  // Validation guarantees known prefixes; this guards the invariant rather than user input.
  if (!label) throw new Error(`id without a known prefix reached the loader: ${id}`);
  return label;
}

/** A publisher's identity: sources whose publisher names fold to one key are one publisher. */
export function publisherOf(name: string): { id: string; key: string; name: string } {
  const key = foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return { id: `publisher:${key.replace(/ /g, '-')}`, key, name };
}

/**
 * A source's stored properties, with the folded text the full-text index searches. Shared by
 * imports and upsertSource, so a source reads and is found the same whichever way it came in.
 */
export function sourceProps(
  source: Document['source'],
): Record<string, unknown> & { id: string; text: string; publisher: string } {
  return {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    publishedAt: source.publishedAt,
    url: source.url ?? null,
    text: source.text,
    publisherKey: publisherOf(source.publisher).key,
    bodyText: foldText(`${source.title} ${source.publisher}`),
  };
}

export function documentRows(document: LoadableDocument, hash: string): DocumentRows {
  const sourceId = document.source.id;
  const evidence = new Map<string, EvidenceRow>();
  const refs = (items: Evidence[] | undefined): string[] =>
    (items ?? []).map(({ excerpt }) => {
      const start = document.source.text.indexOf(excerpt);
      const id = evidenceId(sourceId, start, excerpt);
      evidence.set(id, { id, excerpt, start, end: start + excerpt.length, sourceId });
      return id;
    });

  const named = (entity: { name: string; aliases: string[] }) => ({
    name: entity.name,
    aliases: entity.aliases,
    nameText: nameText(entity.name, entity.aliases),
    sortName: foldText(entity.name),
  });

  const nodes: DocumentRows['nodes'] = [
    {
      label: Label.Nation,
      rows: document.nations.map((n) => ({
        id: n.id,
        props: { ...named(n), iso3: n.iso3, wikidata: n.wikidata ?? null },
        evidence: refs(n.evidence),
      })),
    },
    {
      label: Label.Organization,
      rows: document.organizations.map((o) => ({
        id: o.id,
        props: { ...named(o), kind: o.kind, wikidata: o.wikidata ?? null },
        evidence: refs(o.evidence),
      })),
    },
    {
      label: Label.Official,
      rows: document.officials.map((o) => ({
        id: o.id,
        props: { ...named(o), wikidata: o.wikidata ?? null },
        evidence: refs(o.evidence),
      })),
    },
    {
      label: Label.Role,
      rows: document.officials.flatMap((o) =>
        o.roles.map((r) => ({
          id: r.id,
          props: {
            title: r.title,
            since: r.since ?? null,
            until: r.until ?? null,
            asOf: r.asOf ?? document.source.publishedAt,
          },
          evidence: refs(r.evidence),
        })),
      ),
    },
    {
      label: Label.Place,
      rows: document.places.map((p) => ({
        id: p.id,
        props: { ...named(p), kind: p.kind },
        evidence: refs(p.evidence),
      })),
    },
    {
      label: Label.Topic,
      rows: document.topics.map((t) => ({ id: t.id, props: named(t), evidence: refs(t.evidence) })),
    },
    {
      label: Label.Meeting,
      rows: document.meetings.map((m) => ({
        id: m.id,
        props: {
          title: m.title,
          date: m.date,
          status: m.status,
          statusAsOf: document.source.publishedAt,
          dateText: m.dateText ?? null,
          dateResolution: m.dateResolution
            ? `"${m.dateResolution.text}" resolved against ${m.dateResolution.anchor}: ${m.dateResolution.rule}`
            : null,
          nationsRepresented: m.nationsRepresented ?? null,
          nationsRepresentedApproximate: m.nationsRepresentedApproximate ?? false,
          bodyText: foldText(m.title),
          ...codeProps('cameo', m.cameo),
          ...codeProps('plover', m.plover),
        },
        evidence: refs(m.evidence),
      })),
    },
    {
      label: Label.Statement,
      rows: document.statements.map((s) => ({
        id: s.id,
        props: {
          text: s.text,
          kind: s.kind,
          date: s.date ?? null,
          sortDate: sortDate(s.date),
          bodyText: foldText(s.text),
          ...codeProps('cameo', s.cameo),
          ...codeProps('plover', s.plover),
        },
        evidence: refs(s.evidence),
      })),
    },
    {
      label: Label.Position,
      rows: document.positions.map((p) => ({
        id: p.id,
        props: {
          stance: p.stance,
          summary: p.summary,
          date: p.date ?? null,
          sortDate: sortDate(p.date),
          bodyText: foldText(p.summary),
          ...codeProps('cameo', p.cameo),
          ...codeProps('plover', p.plover),
        },
        evidence: refs(p.evidence),
      })),
    },
  ];

  const groups = new Map<string, RelationshipGroup>();
  const link = (from: string, type: Rel, to: string, evidenceIds: string[] = []) => {
    const fromLabel = labelOf(from);
    const toLabel = labelOf(to);
    const key = `${fromLabel}|${type}|${toLabel}`;
    let group = groups.get(key);
    if (!group) {
      group = { fromLabel, type, toLabel, rows: [] };
      groups.set(key, group);
    }
    group.rows.push({ from, to, evidence: evidenceIds });
  };

  for (const official of document.officials) {
    if (official.nation) link(official.id, Rel.NATIONAL_OF, official.nation);
    for (const role of official.roles) {
      link(official.id, Rel.HOLDS_ROLE, role.id);
      if (role.nation) link(role.id, Rel.ROLE_FOR_NATION, role.nation);
      if (role.organization) link(role.id, Rel.ROLE_IN, role.organization);
    }
  }
  for (const organization of document.organizations) {
    for (const member of organization.members)
      link(member.nation, Rel.MEMBER_OF, organization.id, refs(member.evidence));
    for (const leader of organization.leaders)
      link(leader.actor, Rel.LEADS, organization.id, refs(leader.evidence));
  }
  for (const place of document.places) {
    if (place.country) link(place.id, Rel.IN_COUNTRY, place.country);
    if (place.within) link(place.id, Rel.WITHIN, place.within);
  }
  for (const topic of document.topics) if (topic.broader) link(topic.id, Rel.BROADER, topic.broader);
  for (const meeting of document.meetings) {
    if (meeting.place) link(meeting.id, Rel.HELD_AT, meeting.place);
    for (const id of meeting.convenedBy) link(id, Rel.CONVENED, meeting.id);
    for (const id of meeting.chairs) link(id, Rel.CHAIRED, meeting.id);
    for (const id of meeting.participants) link(id, Rel.ATTENDED, meeting.id);
    for (const id of meeting.topics) link(meeting.id, Rel.ABOUT, id);
  }
  for (const statement of document.statements) {
    link(statement.speaker, Rel.SAID, statement.id);
    if (statement.meeting) link(statement.id, Rel.MADE_AT, statement.meeting);
    for (const id of statement.topics) link(statement.id, Rel.ABOUT, id);
  }
  for (const position of document.positions) {
    link(position.holder, Rel.TOOK, position.id);
    link(position.id, Rel.ABOUT, position.topic);
    for (const id of position.statements) link(position.id, Rel.EXPRESSED_IN, id);
  }

  const claims: ClaimRow[] = [];
  for (const meeting of document.meetings) {
    const backing = refs(meeting.evidence);
    const claim = (
      field: string,
      value: string,
      extra: Partial<Pick<ClaimRow, 'number' | 'unit' | 'approximate'>> = {},
      evidenceIds = backing,
    ) => {
      const unit = extra.unit ?? null;
      claims.push({
        id: claimId(meeting.id, field, unit, sourceId),
        factId: meeting.id,
        field,
        value,
        number: extra.number ?? null,
        unit,
        approximate: extra.approximate ?? false,
        evidence: evidenceIds,
      });
    };
    claim('DATE', meeting.date);
    claim('STATUS', meeting.status);
    if (meeting.place) claim('PLACE', meeting.place);
    const counted = meeting.figures.some((figure) => figure.measure === 'NATIONS_REPRESENTED');
    if (meeting.nationsRepresented !== undefined && !counted) {
      claim('NATIONS_REPRESENTED', String(meeting.nationsRepresented), {
        number: meeting.nationsRepresented,
        approximate: meeting.nationsRepresentedApproximate ?? false,
      });
    }
    for (const figure of meeting.figures) {
      claim(
        figure.measure,
        String(figure.value),
        { number: figure.value, unit: figure.unit ?? null, approximate: figure.approximate ?? false },
        refs(figure.evidence),
      );
    }
  }

  return {
    source: { ...sourceProps(document.source), contentHash: hash },
    evidence: [...evidence.values()],
    claims,
    nodes,
    relationships: [...groups.values()],
  };
}
