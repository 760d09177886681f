/**
 * Finds contradictions: reads the candidate subjects of each kind asked for (bounded reads,
 * contradiction.cypher.ts), decides with the rules of contradiction.rules.ts which of them hold
 * values that cannot all be true, and orders them by date.
 *
 * Decided here rather than in Cypher: the rules (10 % around an approximate figure, places within
 * places, synonymous office titles, groups of stances linked by 30-day windows) are plain functions
 * that unit tests pin down, and Cypher only has to narrow the candidates to subjects with two
 * values. The reads are bounded (MAX_CONTRADICTION_SUBJECTS subjects per kind,
 * MAX_FACTS_PER_SUBJECT facts each), so the whole list is computed per request and paged in memory
 * in a stable order (date, kind, subject, field, id).
 */
import type { GraphReader } from '../../graph/graph-reader';
import { actorLabelForId, labelForId, Label } from '../../graph/model';
import { BadUserInputError } from '../../errors';
import { officeForm } from '../../ingest/resolve/spelling';
import { ClaimField, FIGURE_FIELDS } from '../claim/claim.type';
import type { Evidence } from '../evidence/evidence.type';
import type { Node } from '../node/node.interface';
import type { Stance } from '../position/position.type';
import type { Topic } from '../topic/topic.type';
import { claimCandidatesQuery, officeCandidatesQuery, stanceCandidatesQuery } from './contradiction.cypher';
import {
  CONTRADICTION_WINDOW_DAYS,
  conflictGroups,
  daysApart,
  daysBetweenSpans,
  figuresAgree,
  groupIntoSides,
  oppositeStancePairs,
  placesAgree,
  spanOf,
  stancesOppose,
  type DateSpan,
} from './contradiction.rules';
import {
  ContradictionKind,
  MAX_CONTRADICTION_SIDES,
  type Contradiction,
  type ContradictionSide,
} from './contradiction.type';

export interface ContradictionCriteria {
  kinds: readonly ContradictionKind[];
  subject: string | null;
  from: string | null;
  to: string | null;
}

type Props = { id: string } & Record<string, unknown>;
type EvidenceItem = Evidence & { id: string; sourceId: string };

const CLAIM_KINDS = [ContradictionKind.FIGURE, ContradictionKind.DATE, ContradictionKind.PLACE];

/** Which kinds can be about a subject of this id: a meeting's claims, an official's offices, a holder's stances. */
function kindsForSubject(subject: string): ContradictionKind[] {
  const label = labelForId(subject);
  if (label === Label.Meeting) return CLAIM_KINDS;
  if (label === Label.Official) return [ContradictionKind.OFFICE, ContradictionKind.STANCE];
  if (actorLabelForId(subject)) return [ContradictionKind.STANCE];
  throw new BadUserInputError(
    '`filter.subject` must be the id of a meeting (figures, dates, places), an official (offices, stances), a nation or an organization (stances).',
    { argument: 'filter.subject' },
  );
}

export async function findContradictions(
  reader: GraphReader,
  criteria: ContradictionCriteria,
): Promise<Contradiction[]> {
  const allowed = criteria.subject ? kindsForSubject(criteria.subject) : Object.values(ContradictionKind);
  const kinds = new Set(
    criteria.kinds.length > 0 ? criteria.kinds.filter((k) => allowed.includes(k)) : allowed,
  );
  const claimFields = [
    ...(kinds.has(ContradictionKind.FIGURE) ? FIGURE_FIELDS : []),
    ...(kinds.has(ContradictionKind.DATE) ? [ClaimField.DATE] : []),
    ...(kinds.has(ContradictionKind.PLACE) ? [ClaimField.PLACE] : []),
  ];
  const holderLabel = criteria.subject ? actorLabelForId(criteria.subject) : undefined;
  const [claims, offices, stances] = await Promise.all([
    claimFields.length === 0
      ? []
      : reader.read(
          claimCandidatesQuery({
            fields: claimFields,
            placeField: ClaimField.PLACE,
            meeting: criteria.subject,
            from: criteria.from,
            to: criteria.to,
          }),
        ),
    kinds.has(ContradictionKind.OFFICE) ? reader.read(officeCandidatesQuery(criteria.subject)) : [],
    kinds.has(ContradictionKind.STANCE)
      ? reader.read(
          stanceCandidatesQuery(
            oppositeStancePairs(),
            criteria.subject && holderLabel ? { id: criteria.subject, label: holderLabel } : null,
          ),
        )
      : [],
  ]);
  const found = [
    ...claims.flatMap((row) => claimContradictions(row as unknown as ClaimRow)),
    ...offices.flatMap((row) => officeContradictions(row as unknown as OfficeRow)),
    ...stances.flatMap((row) => stanceContradictions(row as unknown as StanceRow)),
  ]
    .map((c) => ({ ...c, sides: c.sides.slice(0, MAX_CONTRADICTION_SIDES) }))
    .filter(
      (c) =>
        (!criteria.from || (c.date !== null && c.date >= criteria.from)) &&
        (!criteria.to || (c.date !== null && c.date <= criteria.to)),
    );
  return found.sort((a, b) => compare(contradictionKey(a), contradictionKey(b)) || compare(a.id, b.id));
}

/** The sort key a cursor keeps: undated contradictions come last. */
export function contradictionKey(contradiction: Contradiction): string {
  return [contradiction.date ?? '~', contradiction.kind, contradiction.subject.id, contradiction.field].join(
    '|',
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function sideOf(
  value: string,
  facts: Node[],
  evidence: EvidenceItem[],
  sourceIds: string[],
): ContradictionSide {
  return { value, facts, evidence, sourceIds: distinct(sourceIds) };
}

// --- FIGURE, DATE, PLACE: a meeting's claims ---------------------------------------------------

interface ClaimRow {
  subject: Props;
  field: string;
  unit: string;
  claims: {
    claim: {
      id: string;
      value: string | null;
      number: number | null;
      unit: string | null;
      approximate: boolean | null;
      publishedAt: string | null;
    };
    sourceId: string | null;
    within: string[];
    evidence: EvidenceItem[];
  }[];
}

/** Claims giving one value: "around 50" (with its unit), a date, a place id. */
interface ClaimValue {
  label: string;
  number: number;
  approximate: boolean;
  value: string;
  claims: ClaimRow['claims'];
}

function figureLabel(number: number, approximate: boolean, unit: string): string {
  return `${approximate ? 'around ' : ''}${number}${unit ? ` ${unit}` : ''}`;
}

function claimContradictions(row: ClaimRow): Contradiction[] {
  const figure = (FIGURE_FIELDS as readonly string[]).includes(row.field);
  const kind = figure
    ? ContradictionKind.FIGURE
    : row.field === ClaimField.DATE
      ? ContradictionKind.DATE
      : ContradictionKind.PLACE;
  const values = new Map<string, ClaimValue>();
  const enclosing = new Map<string, Set<string>>();
  for (const item of row.claims) {
    const { claim } = item;
    const number = Number(claim.number ?? claim.value);
    if (figure && !Number.isFinite(number)) continue;
    const approximate = figure && claim.approximate === true;
    const value = String(claim.value ?? claim.number ?? '');
    const label = figure ? figureLabel(number, approximate, row.unit) : value;
    const entry = values.get(label) ?? { label, number, approximate, value, claims: [] };
    entry.claims.push(item);
    values.set(label, entry);
    if (kind === ContradictionKind.PLACE) enclosing.set(value, new Set(item.within));
  }
  const agree = (a: ClaimValue, b: ClaimValue) =>
    figure
      ? figuresAgree(a, b)
      : kind === ContradictionKind.PLACE
        ? placesAgree(a.value, b.value, enclosing)
        : a.value === b.value;
  // The value most sources give leads, so it is the first side.
  const sourcesOf = (value: ClaimValue) => distinct(value.claims.map((c) => c.sourceId ?? '')).length;
  const ordered = [...values.values()].sort(
    (a, b) => sourcesOf(b) - sourcesOf(a) || compare(a.label, b.label),
  );
  // Sides backed by more sources first; ties in the order of their first value.
  const sides = groupIntoSides(ordered, agree)
    .map((side, index) => ({
      side,
      index,
      sources: distinct(side.flatMap((value) => value.claims.map((c) => c.sourceId ?? ''))).length,
    }))
    .sort((a, b) => b.sources - a.sources || a.index - b.index)
    .map(({ side }) => side);
  if (sides.length < 2) return [];
  return [
    {
      id: [kind, row.subject.id, row.field, row.unit].join('|'),
      kind,
      subject: row.subject,
      field: row.field,
      topic: null,
      date: typeof row.subject.date === 'string' ? row.subject.date : null,
      sides: sides.map((side) => {
        const claims = side
          .flatMap((value) => value.claims)
          .sort((a, b) => compare(a.claim.publishedAt ?? '', b.claim.publishedAt ?? ''));
        return sideOf(
          side.map((value) => value.label).join(' / '),
          [row.subject],
          claims.flatMap((c) => c.evidence),
          claims.flatMap((c) => (c.sourceId ? [c.sourceId] : [])),
        );
      }),
    },
  ];
}

// --- OFFICE: an official's roles ---------------------------------------------------------------

interface OfficeRow {
  subject: Props;
  facts: { fact: Props; nation: string | null; organization: string | null; evidence: EvidenceItem[] }[];
}

export interface AttestedRole {
  role: Props;
  title: string;
  folded: string;
  nation: string | null;
  organization: string | null;
  span: DateSpan | null;
  sources: Set<string>;
  evidence: EvidenceItem[];
}

export function attestedRole(item: OfficeRow['facts'][number]): AttestedRole {
  const { fact } = item;
  const str = (key: string) => (typeof fact[key] === 'string' ? (fact[key] as string) : null);
  const title = str('title') ?? '';
  return {
    role: fact,
    title,
    folded: officeForm(title),
    nation: item.nation,
    organization: item.organization,
    span:
      spanOf([str('asOf'), str('since'), str('until')]) ??
      spanOf([str('firstReported'), str('lastReported')]),
    sources: new Set(item.evidence.map((e) => e.sourceId)),
    evidence: item.evidence,
  };
}

/** Two offices the same official cannot be reported to hold at once unless one source says so. */
export function officesConflict(a: AttestedRole, b: AttestedRole): boolean {
  const sameBody =
    (a.nation !== null && a.nation === b.nation) ||
    (a.organization !== null && a.organization === b.organization);
  return (
    sameBody &&
    a.folded !== b.folded &&
    a.span !== null &&
    b.span !== null &&
    daysBetweenSpans(a.span, b.span) <= CONTRADICTION_WINDOW_DAYS &&
    ![...a.sources].some((source) => b.sources.has(source))
  );
}

function officeContradictions(row: OfficeRow): Contradiction[] {
  const roles = row.facts
    .map(attestedRole)
    .sort((a, b) => compare(a.span?.from ?? '~', b.span?.from ?? '~') || compare(a.role.id, b.role.id));
  return conflictGroups(roles, officesConflict).map((group) => ({
    id: [ContradictionKind.OFFICE, row.subject.id, 'TITLE', group[0].role.id].join('|'),
    kind: ContradictionKind.OFFICE,
    subject: row.subject,
    field: 'TITLE',
    topic: null,
    date: group[0].span?.from ?? null,
    sides: groupIntoSides(group, (a, b) => a.folded === b.folded).map((side) =>
      sideOf(
        side[0].title,
        side.map((role) => role.role),
        side.flatMap((role) => role.evidence),
        side.flatMap((role) => [...role.sources]),
      ),
    ),
  }));
}

// --- STANCE: a holder's positions on one topic --------------------------------------------------

interface StanceRow {
  subject: Props;
  topic: Props;
  facts: { fact: Props; reported: string | null; evidence: EvidenceItem[] }[];
}

type ReportedPosition = StanceRow['facts'][number];

/** Opposite stances reported within 30 days of each other. */
export function stancesConflict(a: ReportedPosition, b: ReportedPosition): boolean {
  return (
    stancesOppose(a.fact.stance as Stance, b.fact.stance as Stance) &&
    a.reported !== null &&
    b.reported !== null &&
    daysApart(a.reported, b.reported) <= CONTRADICTION_WINDOW_DAYS
  );
}

function stanceContradictions(row: StanceRow): Contradiction[] {
  return conflictGroups(row.facts, stancesConflict).map((group) => ({
    id: [ContradictionKind.STANCE, row.subject.id, row.topic.id, group[0].fact.id].join('|'),
    kind: ContradictionKind.STANCE,
    subject: row.subject,
    field: 'STANCE',
    topic: row.topic as unknown as Topic,
    date: group[0].reported,
    sides: groupIntoSides(group, (a, b) => a.fact.stance === b.fact.stance).map((side) =>
      sideOf(
        String(side[0].fact.stance),
        side.map((position) => position.fact),
        side.flatMap((position) => position.evidence),
        side.flatMap((position) => position.evidence.map((e) => e.sourceId)),
      ),
    ),
  }));
}
