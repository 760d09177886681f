/* eslint-disable @typescript-eslint/no-explicit-any -- normalizers read untyped JSON answers */
/**
 * The benchmark's query mix, as each system spells it: our API, the Neo4j GraphQL Library (where it
 * can express the query, natively or through its `@cypher` fields) and hand-written Cypher (an
 * endpoint of bench/raw-server.ts that takes the same parameters). Each query draws its parameters
 * from the pools per request; `normalize` turns each answer into the same shape so the systems can
 * be checked for equal data before anything is timed.
 */
import 'reflect-metadata'; // page-args declares type-graphql input types
import { encodeCursor } from '../src/modules/common/page-args';
import type { MeetingCursor, Pools } from './pools';

export type Sample = Record<string, any>;
export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

export interface BenchQuery {
  key: string;
  name: string;
  /** Parameters of one request, drawn from the pools. */
  sample: (pools: Pools, random: () => number) => Sample;
  ours: (sample: Sample) => Operation;
  library?: (sample: Sample) => Operation;
  /** What the library version gives up or adds, printed under the table. */
  libraryNote?: string;
  /** Endpoints of the raw server: the same semantics as ours, and the lower bound where it differs. */
  raw: string;
  rawMin?: string;
  normalize: { ours: (data: any) => unknown; library?: (data: any) => unknown; raw: (data: any) => unknown };
}

export function pick<T>(items: readonly T[], random: () => number): T {
  if (items.length === 0) throw new Error('an empty pool: the graph lacks what this query asks about');
  return items[Math.floor(random() * items.length)];
}

/** Nested lists compared as sets: the lower-bound raw Cypher returns them in storage order. */
const byId = (items: any[]) => [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const nationName = (actor: any) => actor.nation?.name ?? null;
const person = (actor: any) => ({ id: actor.id, name: actor.name, nation: nationName(actor) });

/** Our cursor for a keyset position (null: the first page). */
const ourCursor = (cursor: MeetingCursor) =>
  cursor.depth === 0 ? null : encodeCursor({ key: cursor.date, id: cursor.id }, 'meetings');

/**
 * The library's keyset page: `date >= d` lets Neo4j read meetings along the date index (every
 * date is >= '' on the first page), the OR skips the ties already seen. Its Meeting.id is declared
 * a String, since ID filters have no `gt`.
 */
const LIBRARY_KEYSET =
  'date: { gte: $d }, retractedAt: { eq: null }, OR: [{ date: { gt: $d } }, { id: { gt: $id } }]';
const keysetVariables = (sample: Sample) => ({ d: sample.cursor.date, id: sample.cursor.id });
const MEETING_SORT = 'sort: [{ date: ASC }, { id: ASC }]';
const ACTOR_SORT = 'sort: [{ sortName: ASC }, { id: ASC }]';
const NOT_RETRACTED = 'where: { retractedAt: { eq: null } }';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Reads of the mix, in the order they are timed. */
export function readQueries(): BenchQuery[] {
  const meetingCursor = (pools: Pools, random: () => number) => ({
    cursor: pick(pools.meetingCursors, random),
  });
  return [
    {
      key: 'nested',
      name: 'meetings > participants > nation (keyset page)',
      sample: meetingCursor,
      ours: (s) => ({
        query:
          'query Q($after: String) { meetings(first: 20, after: $after) { nodes { id title date participants { id name ... on Official { nation { name } } } } } }',
        variables: { after: ourCursor(s.cursor) },
      }),
      library: (s) => ({
        query: `query Q($d: String!, $id: String!) { meetings(where: { ${LIBRARY_KEYSET} }, ${MEETING_SORT}, limit: 20) { id title date participants(${ACTOR_SORT}, limit: 20) { id name ... on Official { nation { name } } } } }`,
        variables: keysetVariables(s),
      }),
      raw: 'nested',
      rawMin: 'nested-min',
      normalize: {
        ours: (d) =>
          d.meetings.nodes.map((m: any) => ({ ...m, participants: byId(m.participants.map(person)) })),
        library: (d) =>
          d.meetings.map((m: any) => ({ ...m, participants: byId(m.participants.map(person)) })),
        raw: (d) => d.map((m: any) => ({ ...m, participants: byId(m.participants.map(person)) })),
      },
    },
    {
      key: 'nested4',
      name: 'meetings > statements > speaker > nation (4 levels)',
      sample: meetingCursor,
      ours: (s) => ({
        query:
          'query Q($after: String) { meetings(first: 20, after: $after) { nodes { id statements { id speaker { id name ... on Official { nation { name } } } } } } }',
        variables: { after: ourCursor(s.cursor) },
      }),
      library: (s) => ({
        query: `query Q($d: String!, $id: String!) { meetings(where: { ${LIBRARY_KEYSET} }, ${MEETING_SORT}, limit: 20) { id statements(${NOT_RETRACTED}, sort: [{ id: ASC }], limit: 20) { id speaker { id name ... on Official { nation { name } } } } } }`,
        variables: keysetVariables(s),
      }),
      raw: 'nested4',
      rawMin: 'nested4-min',
      normalize: {
        ours: (d) => d.meetings.nodes.map(statementsOf),
        library: (d) => d.meetings.map(statementsOf),
        raw: (d) => d.map(statementsOf),
      },
    },
    {
      key: 'page100',
      name: 'meetings, page of 100 with totalCount',
      sample: meetingCursor,
      ours: (s) => ({
        query:
          'query Q($after: String) { meetings(first: 100, after: $after) { totalCount nodes { id title date } } }',
        variables: { after: ourCursor(s.cursor) },
      }),
      library: (s) => ({
        query: `query Q($d: String!, $id: String!) { meetings(where: { ${LIBRARY_KEYSET} }, ${MEETING_SORT}, limit: 100) { id title date } meetingsConnection(${NOT_RETRACTED}) { totalCount } }`,
        variables: keysetVariables(s),
      }),
      libraryNote: 'page100: the keyset page and `meetingsConnection { totalCount }` as two root fields',
      raw: 'page100',
      normalize: {
        ours: (d) => ({ total: d.meetings.totalCount, nodes: d.meetings.nodes }),
        library: (d) => ({ total: d.meetingsConnection.totalCount, nodes: d.meetings }),
        raw: (d) => d[0],
      },
    },
    {
      key: 'byParticipant',
      name: 'meetings by participant (an official)',
      sample: (pools, random) => ({ participant: pick(pools.participants, random) }),
      ours: (s) => ({
        query:
          'query Q($p: ID!) { meetings(first: 20, filter: { participant: $p }) { nodes { id title date } } }',
        variables: { p: s.participant },
      }),
      library: (s) => ({
        // One list of attended and chaired meetings in date order: a filter on meetings (starting
        // from the official gives two lists). Narrowing `some` with `typename` fails in 7.6.3
        // ("Attribute typename not found").
        query: `query Q($p: String!) { meetings(where: { retractedAt: { eq: null }, OR: [{ participants: { some: { id: { eq: $p } } } }, { chairs: { some: { id: { eq: $p } } } }] }, ${MEETING_SORT}, limit: 20) { id title date } }`,
        variables: { p: s.participant },
      }),
      libraryNote:
        'byParticipant: officials only (for a nation, ours also lists its officials’ meetings, which the library’s filters cannot follow through an interface)',
      raw: 'byParticipant',
      normalize: { ours: (d) => d.meetings.nodes, library: (d) => d.meetings, raw: (d) => d },
    },
    {
      key: 'byTopic',
      name: 'meetings on a topic, narrower included',
      sample: (pools, random) => ({ topic: pick(pools.meetingTopics, random) }),
      ours: (s) => ({
        query:
          'query Q($t: String!) { meetings(first: 20, filter: { topic: $t }) { nodes { id title date } } }',
        variables: { t: s.topic },
      }),
      library: (s) => ({
        query: 'query Q($t: String!) { meetingsOnTopic(topic: $t, first: 20) { id title date } }',
        variables: { t: s.topic },
      }),
      libraryNote: 'byTopic: a `@cypher` field (its filters cannot follow BROADER to any depth)',
      raw: 'byTopic',
      normalize: { ours: (d) => d.meetings.nodes, library: (d) => d.meetingsOnTopic, raw: (d) => d },
    },
    {
      key: 'byDate',
      name: 'meetings in a 30-day window',
      sample: (pools, random) => {
        const from = pick(pools.dates, random);
        return { from, to: addDays(from, 30) };
      },
      ours: (s) => ({
        query:
          'query Q($from: Date!, $to: Date!) { meetings(first: 20, filter: { from: $from, to: $to }) { nodes { id title date } } }',
        variables: { from: s.from, to: s.to },
      }),
      library: (s) => ({
        query: `query Q($from: String!, $to: String!) { meetings(where: { date: { gte: $from, lte: $to }, retractedAt: { eq: null } }, ${MEETING_SORT}, limit: 20) { id title date } }`,
        variables: { from: s.from, to: s.to },
      }),
      raw: 'byDate',
      normalize: { ours: (d) => d.meetings.nodes, library: (d) => d.meetings, raw: (d) => d },
    },
    {
      key: 'bySpeaker',
      name: 'statements by speaker',
      sample: (pools, random) => ({ speaker: pick(pools.speakers, random) }),
      ours: (s) => ({
        query:
          'query Q($s: ID!) { statements(first: 20, filter: { speaker: $s }) { nodes { id text date } } }',
        variables: { s: s.speaker },
      }),
      library: (s) => ({
        // From the speaker (one id seek per actor type), not a filter on every statement; sortDate
        // is the date, or '' when undated: the order ours and raw Cypher give.
        query:
          'query Q($s: String!) { actors(where: { id: { eq: $s } }) { statements(where: { retractedAt: { eq: null } }, sort: [{ sortDate: ASC }, { id: ASC }], limit: 20) { id text date } } }',
        variables: { s: s.speaker },
      }),
      raw: 'bySpeaker',
      normalize: {
        ours: (d) => d.statements.nodes,
        library: (d) => d.actors[0]?.statements ?? [],
        raw: (d) => d,
      },
    },
    {
      key: 'whoStressed',
      name: 'who took a stance on a topic: holder, topic and stance',
      sample: (pools, random) => pick(pools.stances, random),
      ours: (s) => ({
        query:
          'query Q($h: ID!, $t: String!, $s: Stance!) { positions(first: 20, filter: { holder: $h, topic: $t, stance: [$s] }) { nodes { id summary stance date holder { id name } topic { id name } } } }',
        variables: { h: s.holder, t: s.topic, s: s.stance },
      }),
      library: (s) => ({
        query:
          'query Q($h: String!, $t: String!, $s: String!) { positionsOf(holder: $h, topic: $t, stances: [$s], first: 20) { id summary stance date holder { id name } topic { id name } } }',
        variables: { h: s.holder, t: s.topic, s: s.stance },
      }),
      libraryNote: 'whoStressed, stance: `@cypher` fields (narrower topics)',
      raw: 'whoStressed',
      normalize: { ours: (d) => d.positions.nodes, library: (d) => d.positionsOf, raw: (d) => d },
    },
    {
      key: 'stance',
      name: 'stance on a broad topic, narrower included',
      sample: (pools, random) => pick(pools.broadTopics, random),
      ours: (s) => ({
        query:
          'query Q($t: String!, $s: Stance!) { positions(first: 20, filter: { topic: $t, stance: [$s] }) { nodes { id summary holder { name } } } }',
        variables: { t: s.topic, s: s.stance },
      }),
      library: (s) => ({
        query:
          'query Q($t: String!, $s: String!) { positionsOn(topic: $t, stances: [$s], first: 20) { id summary holder { name } } }',
        variables: { t: s.topic, s: s.stance },
      }),
      raw: 'stance',
      normalize: { ours: (d) => d.positions.nodes, library: (d) => d.positionsOn, raw: (d) => d },
    },
    {
      key: 'search',
      name: 'full-text search',
      sample: (pools, random) => ({ text: pick(pools.searchTexts, random) }),
      ours: (s) => ({
        query: 'query Q($q: String!) { search(text: $q, first: 20) { node { id } } }',
        variables: { q: s.text },
      }),
      library: (s) => ({
        query: 'query Q($q: String!) { searchIds(text: $q, first: 20) }',
        variables: { q: s.text },
      }),
      libraryNote:
        'search, timeline, path: `@cypher` fields returning ids (its `@cypher` fields cannot return nodes of several types)',
      raw: 'search',
      normalize: {
        ours: (d) => d.search.map((h: any) => h.node.id),
        library: (d) => d.searchIds,
        raw: (d) => d,
      },
    },
    {
      key: 'timeline',
      name: 'actor timeline (a nation with its officials, or an official)',
      sample: (pools, random) => ({ actor: pick(pools.timelineActors, random) }),
      ours: (s) => ({
        query: 'query Q($a: ID!) { timeline(actor: $a, first: 20) { nodes { id } } }',
        variables: { a: s.actor },
      }),
      library: (s) => ({
        query: 'query Q($a: String!) { timelineIds(actor: $a, first: 20) }',
        variables: { a: s.actor },
      }),
      raw: 'timeline',
      normalize: {
        ours: (d) => d.timeline.nodes.map((n: any) => n.id),
        library: (d) => d.timelineIds,
        raw: (d) => d,
      },
    },
    {
      key: 'path',
      name: 'path between two officials',
      sample: (pools, random) => {
        // Two different officials: ours answers a path to itself without a statement.
        const from = pick(pools.officials, random);
        let to = pick(pools.officials, random);
        while (to === from && pools.officials.length > 1) to = pick(pools.officials, random);
        return { from, to };
      },
      ours: (s) => ({
        query: 'query Q($a: ID!, $b: ID!) { path(from: $a, to: $b) { nodes { id } } }',
        variables: { a: s.from, b: s.to },
      }),
      library: (s) => ({
        query: 'query Q($a: String!, $b: String!) { pathIds(from: $a, to: $b) }',
        variables: { a: s.from, b: s.to },
      }),
      raw: 'path',
      // Shortest paths can tie; the same length between the same ends is the same answer.
      normalize: {
        ours: (d) => pathShape(d.path?.nodes.map((n: any) => n.id) ?? []),
        library: (d) => pathShape(d.pathIds),
        raw: (d) => pathShape(d),
      },
    },
    {
      key: 'provenance',
      name: 'a statement with its evidence and sources',
      sample: (pools, random) => ({ id: pick(pools.statements, random) }),
      ours: (s) => ({
        query:
          'query Q($id: ID!) { node(id: $id) { ... on Statement { id text evidence { excerpt start source { id title publishedAt publisher } } } } }',
        variables: { id: s.id },
      }),
      library: (s) => ({
        query:
          'query Q($id: String!) { statements(where: { id: { eq: $id }, retractedAt: { eq: null } }) { id text evidence(sort: [{ sourceId: ASC }, { start: ASC }], limit: 20) { excerpt start source { id title publishedAt publisher } } } }',
        variables: { id: s.id },
      }),
      raw: 'provenance',
      normalize: {
        ours: (d) => provenanceOf(d.node),
        library: (d) => provenanceOf(d.statements[0] ?? null),
        raw: (d) => provenanceOf(d[0] ?? null),
      },
    },
  ];
}

function statementsOf(meeting: any) {
  return {
    id: meeting.id,
    statements: byId(
      meeting.statements.map((s: any) => ({ id: s.id, speaker: s.speaker ? person(s.speaker) : null })),
    ),
  };
}

function pathShape(ids: string[]) {
  return ids.length > 0 ? { hops: ids.length, ends: [ids[0], ids.at(-1)] } : null;
}

function provenanceOf(statement: any) {
  return statement ? { ...statement, evidence: byId(statement.evidence) } : null;
}

/** One in ten requests of the mixed load writes: an editor rates a fact's credibility. */
export const WRITE_SHARE = 0.1;

export function writeOperation(pools: Pools, random: () => number): Operation {
  return {
    query:
      'mutation W($f: ID!, $c: Int!) { assessCredibility(fact: $f, credibility: $c, evidence: "bench: mixed load") { id } }',
    variables: { f: pick(pools.facts, random), c: 1 + Math.floor(random() * 6) },
  };
}

/** Placeholder pools: operations with every argument filled, for tools that only read their shape. */
const SHAPE_POOLS: Pools = {
  meetingCursors: [{ depth: 1, date: '2024-01-01', id: 'meeting:x' }],
  participants: ['official:x'],
  speakers: ['official:x'],
  meetingTopics: ['Trade'],
  stances: [{ holder: 'official:x', topic: 'Trade', stance: 'STRESSES' }],
  broadTopics: [{ topic: 'Trade', stance: 'SUPPORTS' }],
  timelineActors: ['nation:x'],
  officials: ['official:x', 'official:y'],
  searchTexts: ['security cooperation'],
  statements: ['statement:x'],
  facts: ['meeting:x'],
  dates: ['2024-01-01'],
};

/** Our operation of each read, as scripts/query-cost.ts prices them (it still passes the old deep-page argument). */
export function benchQueries(_legacy?: unknown): { name: string; ours: Operation }[] {
  let draws = 0;
  const alternate = () => (draws++ % 2) / 2; // two different officials for the path
  return readQueries().map((query) => ({
    name: query.name,
    ours: query.ours(query.sample(SHAPE_POOLS, alternate)),
  }));
}
