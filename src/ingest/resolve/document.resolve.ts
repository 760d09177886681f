/**
 * Same-event matching for one document, inside its write transaction: maps each record the graph
 * already holds under another id (an alias from an earlier import, an entity by name, a meeting,
 * statement or position reported before) onto the stored node, and returns the rewritten document
 * with the decisions to record. Locks come first (docs/corroboration.md), so two imports of one new
 * event queue and the second finds what the first created.
 */
import type { DraftEntityKind } from '../../extract/draft.types';
import type { WriteTransaction } from '../../graph/database';
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

export async function resolveDocument(
  tx: WriteTransaction,
  original: Document,
  originalUnresolved: readonly UnresolvedReference[],
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
  for (const row of await tx.run(identifyIdsQuery(idsByLabel(original, originalUnresolved)))) {
    if (row.target === null) stored.add(row.id as string);
    else {
      rename.set(row.id as string, row.target as string);
      stored.add(row.target as string);
    }
  }
  let document = renameDocumentIds(original, rename);
  const publishedAt = document.source.publishedAt;
  const storedOf = (_label: Label, ids: string[]) => new Set(ids.filter((id) => stored.has(id)));

  // 2. Entities by name, under one lock per kind so racing imports of one new name queue.
  const newEntities: { label: Label; kind: DraftEntityKind; record: EntityLike }[] = [];
  for (const { label, kind, records } of ENTITY_KINDS) {
    const stored = await storedOf(
      label,
      records(document).map((record) => record.id),
    );
    for (const record of records(document))
      if (!stored.has(record.id)) newEntities.push({ label, kind, record });
  }
  if (newEntities.length > 0) {
    await tx.run(lockNamesQuery(new Set(newEntities.map(({ label }) => `resolve:${label}`))));
    const names = newEntities.flatMap(({ record }) => {
      const surname = record.name.split(/\s+/).at(-1) ?? '';
      return [record.name, ...record.aliases, ...(surname.length >= 4 ? [surname] : [])];
    });
    const labels = [...new Set(newEntities.map(({ label }) => label as NamedLabel))];
    const known = (await tx.run(entitiesNamedQuery(names, labels))).map(knownEntityFromRow);
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
  const storedMeetings = await storedOf(
    Label.Meeting,
    document.meetings.map((m) => m.id),
  );
  const storedStatements = await storedOf(
    Label.Statement,
    document.statements.map((s) => s.id),
  );
  const storedPositions = await storedOf(
    Label.Position,
    document.positions.map((p) => p.id),
  );
  const storedRoles = await storedOf(
    Label.Role,
    roles.map(({ role }) => role.id),
  );
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
  await tx.run(lockNamesQuery(lockNames));

  // Roles: the same office (wording aside) for the same nation or organization.
  if (newRoles.length > 0) {
    const storedRolesOf = await tx.run(rolesOfQuery([...new Set(newRoles.map(({ official }) => official))]));
    for (const { official, role } of newRoles) {
      const same = storedRolesOf.find(
        (row) =>
          row.official === official &&
          officeForm(String(row.title)) === officeForm(role.title) &&
          (row.nation ?? undefined) ===
            (role.nation ? (rename.get(role.nation) ?? role.nation) : undefined) &&
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
  }

  // Meetings: scored against stored meetings within a day.
  if (newMeetings.length > 0) {
    const candidates = new Map<string, MeetingView[]>();
    for (const row of await tx.run(
      meetingCandidatesQuery(
        newMeetings.map((m) => ({
          key: m.id,
          from: shiftDay(m.date, -MEETING_DATE_SLACK_DAYS),
          to: shiftDay(m.date, MEETING_DATE_SLACK_DAYS),
        })),
      ),
    )) {
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
    // Place chains are read only when there is a stored meeting to compare with.
    const placeIds = [
      ...new Set(newMeetings.flatMap((m) => (m.place && candidates.has(m.id) ? [m.place] : []))),
    ];
    const chains = new Map<string, string[]>();
    if (placeIds.length > 0) {
      for (const row of await tx.run(placeChainsQuery(placeIds)))
        chains.set(row.id as string, row.chain as string[]);
    }
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

  const windowOf = (date: string | undefined) => {
    const day = date ?? publishedAt;
    return { from: shiftDay(day, -FACT_WINDOW_DAYS), to: shiftDay(day, FACT_WINDOW_DAYS) };
  };

  // Statements: the same speaker and the same words.
  const statementsNow = document.statements.filter((s) => !storedStatements.has(s.id));
  for (const [label, group] of byActorLabel(statementsNow, (s) => s.speaker)) {
    const rows = await tx.run(
      statementCandidatesQuery(
        label,
        group.map((s) => ({ key: s.id, speaker: s.speaker, ...windowOf(s.date) })),
      ),
    );
    const taken = new Set<string>();
    for (const statement of group) {
      const best = bestStatement(
        { id: statement.id, text: statement.text, meeting: statement.meeting },
        rows
          .filter((row) => row.key === statement.id && !taken.has(row.id as string))
          .map((row) => ({
            id: row.id as string,
            text: row.text as string,
            meeting: row.meeting as string | null,
          })),
      );
      if (best) {
        taken.add(best.match.id);
        decide(statement.id, best.match.id, best.reason, best.score);
      }
    }
  }

  // Positions: the same holder, topic and stance, close in time.
  const positionsNow = document.positions.filter((p) => !storedPositions.has(p.id));
  for (const [label, group] of byActorLabel(positionsNow, (p) => p.holder)) {
    const rows = await tx.run(
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
    );
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
