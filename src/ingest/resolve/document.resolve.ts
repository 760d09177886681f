/**
 * Same-event matching for one document, inside its write transaction: maps each record the graph
 * already holds under another id (an alias from an earlier import, an entity by name, a meeting,
 * statement or position reported before) onto the stored node, and returns the rewritten document
 * with the decisions to record. Locks come first (docs/corroboration.md), so two imports of one new
 * event queue and the second finds what the first created.
 */
import type { DraftEntityKind } from '../../extract/draft.types';
import { runInOrder, type Row, type WriteTransaction } from '../../graph/database';
import type { CypherQuery } from '../../graph/cypher';
import { entitiesNamedQuery, knownEntityFromRow } from '../../graph/known-entities.cypher';
import { actorLabelForId, Label, labelForId, type ActorLabel, type NamedLabel } from '../../graph/model';
import { lockNamesQuery } from '../../graph/write-locks';
import { documentRecords, type Document } from '../document.format';
import type { UnresolvedReference } from '../document.loader';
import { resolveEntity } from './entity-match';
import {
  bestMeeting,
  bestPosition,
  bestStatement,
  FACT_WINDOW_DAYS,
  MEETING_DATE_SLACK_DAYS,
  shiftDay,
  type MeetingView,
} from './event-match';
import { renameDocumentIds, renameReferences } from './rename-ids';
import {
  identifyIdsQuery,
  meetingCandidatesQuery,
  placeChainsQuery,
  positionCandidatesQuery,
  rolesOfQuery,
  statementCandidatesQuery,
  type AliasRow,
  type DuplicateRow,
} from './resolve.cypher';
import { officeForm } from './spelling';

export interface Resolution {
  document: Document;
  unresolved: UnresolvedReference[];
  /** Stored ids that records of this document were matched to under another id. */
  matched: Set<string>;
  /** New aliases to record, by the label of the node they name. */
  aliases: Map<Label, AliasRow[]>;
  /** New entities that may duplicate stored ones, by label. */
  duplicates: Map<Label, DuplicateRow[]>;
}

const ENTITY_KINDS: { label: Label; kind: DraftEntityKind; records: (d: Document) => EntityLike[] }[] = [
  { label: Label.Official, kind: 'OFFICIAL', records: (d) => d.officials },
  { label: Label.Organization, kind: 'ORGANIZATION', records: (d) => d.organizations },
  { label: Label.Place, kind: 'PLACE', records: (d) => d.places },
  { label: Label.Topic, kind: 'TOPIC', records: (d) => d.topics },
];

interface EntityLike {
  id: string;
  name: string;
  aliases: string[];
  nation?: string;
  roles?: { title: string }[];
}

/** Every id the document gives a record of each label, and every id it refers to. */
function idsByLabel(document: Document, unresolved: readonly UnresolvedReference[]): Map<Label, string[]> {
  const ids = new Map<Label, string[]>();
  const add = (id: string) => {
    const label = labelForId(id);
    if (label) ids.set(label, [...(ids.get(label) ?? []), id]);
  };
  for (const reference of unresolved) add(reference.id);
  for (const record of documentRecords(document)) add(record.id);
  return ids;
}

function byActorLabel<T>(items: readonly T[], actorOf: (item: T) => string): Map<ActorLabel, T[]> {
  const groups = new Map<ActorLabel, T[]>();
  for (const item of items) {
    const label = actorLabelForId(actorOf(item));
    if (label) groups.set(label, [...(groups.get(label) ?? []), item]);
  }
  return groups;
}

/** What the graph knows of a document's ids: the first read of resolveDocument, sent by its caller. */
export function identifyQueryFor(
  document: Document,
  unresolved: readonly UnresolvedReference[],
): CypherQuery {
  return identifyIdsQuery(idsByLabel(document, unresolved));
}

/**
 * Resolves a document given the rows of its identifyQueryFor (read in its caller's first round
 * trip). Takes two more round trips at most: names, then facts, each lock sent with its reads.
 */
export async function resolveDocument(
  tx: WriteTransaction,
  original: Document,
  originalUnresolved: readonly UnresolvedReference[],
  identified: readonly Row[],
): Promise<Resolution> {
  const rename = new Map<string, string>();
  const matched = new Set<string>();
  const aliases = new Map<Label, AliasRow[]>();
  const duplicates = new Map<Label, DuplicateRow[]>();
  const decide = (from: string, to: string, reason: string, score: number) => {
    rename.set(from, to);
    matched.add(to);
    const label = labelForId(to);
    if (label) aliases.set(label, [...(aliases.get(label) ?? []), { alias: from, id: to, reason, score }]);
  };

  // 1. Ids the graph holds, and ids an earlier import or merge made aliases of what it holds.
  const stored = new Set<string>();
  for (const row of identified) {
    if (row.target === null) stored.add(row.id as string);
    else {
      rename.set(row.id as string, row.target as string);
      stored.add(row.target as string);
    }
  }
  let document = renameDocumentIds(original, rename);
  const publishedAt = document.source.publishedAt;
  const storedOf = (ids: string[]) => new Set(ids.filter((id) => stored.has(id)));

  // 2. Entities by name, under one lock per kind so racing imports of one new name queue.
  const newEntities: { label: Label; kind: DraftEntityKind; record: EntityLike }[] = [];
  for (const { label, kind, records } of ENTITY_KINDS) {
    const stored = storedOf(records(document).map((record) => record.id));
    for (const record of records(document))
      if (!stored.has(record.id)) newEntities.push({ label, kind, record });
  }
  if (newEntities.length > 0) {
    const names = newEntities.flatMap(({ record }) => {
      const surname = record.name.split(/\s+/).at(-1) ?? '';
      return [record.name, ...record.aliases, ...(surname.length >= 4 ? [surname] : [])];
    });
    const labels = [...new Set(newEntities.map(({ label }) => label as NamedLabel))];
    const { named } = await runInOrder(tx, {
      lock: [lockNamesQuery(new Set(newEntities.map(({ label }) => `resolve:${label}`)))],
      named: [entitiesNamedQuery(names, labels)],
    });
    const known = named[0].map(knownEntityFromRow);
    for (const { label, kind, record } of newEntities) {
      const decision = resolveEntity(
        {
          id: record.id,
          kind,
          name: record.name,
          aliases: record.aliases,
          nation: record.nation ? (rename.get(record.nation) ?? record.nation) : undefined,
          offices: (record.roles ?? []).map((role) => role.title),
        },
        known,
      );
      if (decision.kind === 'same') decide(record.id, decision.id, decision.reason, decision.score);
      else if (decision.duplicates.length > 0) {
        duplicates.set(label, [
          ...(duplicates.get(label) ?? []),
          ...decision.duplicates.map((duplicate) => ({ from: record.id, to: duplicate.id, ...duplicate })),
        ]);
      }
    }
    document = renameDocumentIds(original, rename);
  }

  // 3. Facts: lock the days of new meetings and the actors of new statements, positions and roles.
  const roles = document.officials.flatMap((official) =>
    official.roles.map((role) => ({ official: official.id, role })),
  );
  const storedMeetings = storedOf(document.meetings.map((m) => m.id));
  const storedStatements = storedOf(document.statements.map((s) => s.id));
  const storedPositions = storedOf(document.positions.map((p) => p.id));
  const storedRoles = storedOf(roles.map(({ role }) => role.id));
  const newMeetings = document.meetings.filter((m) => !storedMeetings.has(m.id));
  const newStatements = document.statements.filter((s) => !storedStatements.has(s.id));
  const newPositions = document.positions.filter((p) => !storedPositions.has(p.id));
  const newRoles = roles.filter(({ role }) => !storedRoles.has(role.id));
  const lockNames = new Set<string>();
  for (const meeting of newMeetings)
    for (let day = -MEETING_DATE_SLACK_DAYS; day <= MEETING_DATE_SLACK_DAYS; day += 1)
      lockNames.add(`meeting-day:${shiftDay(meeting.date, day)}`);
  for (const statement of newStatements) lockNames.add(`facts-of:${statement.speaker}`);
  for (const position of newPositions) lockNames.add(`facts-of:${position.holder}`);
  for (const { official } of newRoles) lockNames.add(`facts-of:${official}`);
  if (lockNames.size === 0) return finish();
  const windowOf = (date: string | undefined) => {
    const day = date ?? publishedAt;
    return { from: shiftDay(day, -FACT_WINDOW_DAYS), to: shiftDay(day, FACT_WINDOW_DAYS) };
  };
  const statementGroups = [...byActorLabel(newStatements, (s) => s.speaker)];
  const positionGroups = [...byActorLabel(newPositions, (p) => p.holder)];
  const meetingPlaces = [...new Set(newMeetings.flatMap((m) => (m.place ? [m.place] : [])))];
  // The locks, then every candidate read they make safe, in one round trip; decisions follow in
  // the order roles, meetings, statements (which compare meetings), positions.
  const read = await runInOrder(tx, {
    lock: [lockNamesQuery(lockNames)],
    roles: newRoles.length > 0 ? [rolesOfQuery([...new Set(newRoles.map(({ official }) => official))])] : [],
    meetings:
      newMeetings.length > 0
        ? [
            meetingCandidatesQuery(
              newMeetings.map((m) => ({
                key: m.id,
                from: shiftDay(m.date, -MEETING_DATE_SLACK_DAYS),
                to: shiftDay(m.date, MEETING_DATE_SLACK_DAYS),
              })),
            ),
          ]
        : [],
    // Stored places' chains (a new place's comes from the document), to compare with candidates.
    chains: meetingPlaces.length > 0 ? [placeChainsQuery(meetingPlaces)] : [],
    statements: statementGroups.map(([label, group]) =>
      statementCandidatesQuery(
        label,
        group.map((s) => ({ key: s.id, speaker: s.speaker, ...windowOf(s.date) })),
      ),
    ),
    positions: positionGroups.map(([label, group]) =>
      positionCandidatesQuery(
        label,
        group.map((p) => ({
          key: p.id,
          holder: p.holder,
          topic: p.topic,
          stance: p.stance,
          ...windowOf(p.date),
        })),
      ),
    ),
  });

  // Roles: the same office (wording aside) for the same nation or organization.
  const storedRolesOf = read.roles[0] ?? [];
  for (const { official, role } of newRoles) {
    const same = storedRolesOf.find(
      (row) =>
        row.official === official &&
        officeForm(String(row.title)) === officeForm(role.title) &&
        (row.nation ?? undefined) === (role.nation ? (rename.get(role.nation) ?? role.nation) : undefined) &&
        (row.organization ?? undefined) ===
          (role.organization ? (rename.get(role.organization) ?? role.organization) : undefined),
    );
    if (same)
      decide(
        role.id,
        same.id as string,
        `the same office as ${String(same.id)} ("${String(same.title)}")`,
        1,
      );
  }

  // Meetings: scored against stored meetings within a day.
  if (newMeetings.length > 0) {
    const candidates = new Map<string, MeetingView[]>();
    for (const row of read.meetings[0]) {
      const view: MeetingView = {
        id: row.id as string,
        date: row.date as string,
        title: (row.title as string | null) ?? '',
        places: row.places as string[],
        conveners: row.conveners as string[],
        people: row.people as string[],
      };
      candidates.set(row.key as string, [...(candidates.get(row.key as string) ?? []), view]);
    }
    const chains = new Map<string, string[]>();
    for (const row of read.chains[0] ?? []) chains.set(row.id as string, row.chain as string[]);
    const within = new Map(document.places.map((place) => [place.id, place.within]));
    const chainOf = (place: string): string[] => {
      if (chains.has(place)) return chains.get(place)!;
      const up = within.get(place);
      return up && up !== place ? [place, ...chainOf(up).slice(0, 4)] : [place];
    };
    const taken = new Set<string>();
    for (const meeting of newMeetings) {
      const best = bestMeeting(
        {
          id: meeting.id,
          date: meeting.date,
          title: meeting.title,
          places: meeting.place ? chainOf(meeting.place) : [],
          conveners: meeting.convenedBy,
          people: [...new Set([...meeting.participants, ...meeting.chairs])],
        },
        (candidates.get(meeting.id) ?? []).filter((candidate) => !taken.has(candidate.id)),
      );
      if (best) {
        taken.add(best.match.id);
        decide(meeting.id, best.match.id, best.reason, best.score);
      }
    }
    document = renameDocumentIds(original, rename);
  }

  // Statements: the same speaker and the same words (and meeting, as renamed just above).
  const statementNow = new Map(document.statements.map((s) => [s.id, s]));
  for (const [index, [, group]] of statementGroups.entries()) {
    const rows = read.statements[index];
    const taken = new Set<string>();
    for (const { id } of group) {
      const statement = statementNow.get(id)!;
      const best = bestStatement(
        { id, text: statement.text, meeting: statement.meeting },
        rows
          .filter((row) => row.key === id && !taken.has(row.id as string))
          .map((row) => ({
            id: row.id as string,
            text: row.text as string,
            meeting: row.meeting as string | null,
          })),
      );
      if (best) {
        taken.add(best.match.id);
        decide(id, best.match.id, best.reason, best.score);
      }
    }
  }

  // Positions: the same holder, topic and stance, close in time.
  for (const [index, [, group]] of positionGroups.entries()) {
    const rows = read.positions[index];
    const taken = new Set<string>();
    for (const position of group) {
      const best = bestPosition(
        position.date ?? publishedAt,
        rows
          .filter((row) => row.key === position.id && !taken.has(row.id as string))
          .map((row) => ({ id: row.id as string, day: row.day as string })),
      );
      if (best) {
        taken.add(best.match.id);
        decide(position.id, best.match.id, best.reason, best.score);
      }
    }
  }
  return finish();

  function finish(): Resolution {
    return {
      document: renameDocumentIds(original, rename),
      unresolved: renameReferences(originalUnresolved, rename),
      matched,
      aliases,
      duplicates,
    };
  }
}
