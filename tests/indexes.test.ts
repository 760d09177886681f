/**
 * Every root query, filter and relation loader is served by an index: EXPLAIN on a synthetic graph
 * must show no all-nodes scan and no label scan where a lookup should anchor the query.
 */
import type { CypherQuery } from '../src/graph/cypher';
import { ACTOR_LABELS, ENTITY_LABELS, Label } from '../src/graph/model';
import type { RelationSpec, RootPageSpec } from '../src/graph/page-spec';
import { nodesByIdQuery, relationPageQuery, rootCountQuery, rootPageQuery } from '../src/graph/paging.cypher';
import {
  coAttendanceQuery,
  stanceSummaryQuery,
  timelineQuery,
} from '../src/modules/analysis/analysis.cypher';
import { namedListing } from '../src/modules/common/named-listing.cypher';
import * as evidence from '../src/modules/evidence/evidence.cypher';
import * as meeting from '../src/modules/meeting/meeting.cypher';
import * as nation from '../src/modules/nation/nation.cypher';
import { actorRelations } from '../src/modules/node/actor.cypher';
import { searchQuery, shortestPathQuery } from '../src/modules/node/node.cypher';
import * as official from '../src/modules/official/official.cypher';
import * as organization from '../src/modules/organization/organization.cypher';
import * as place from '../src/modules/place/place.cypher';
import * as position from '../src/modules/position/position.cypher';
import * as statement from '../src/modules/statement/statement.cypher';
import * as topic from '../src/modules/topic/topic.cypher';
import { explainOperators, scans } from './helpers/explain';
import { loadSyntheticGraph } from './helpers/synthetic';
import { startTestApi, type TestApi } from './helpers/start-api';

const WINDOW = { first: 20, after: undefined };
const NO_MEETING = {
  from: null,
  to: null,
  place: null,
  participant: null,
  chair: null,
  topic: null,
  status: null,
};
const NO_STATEMENT = { speaker: null, meeting: null, topic: null, text: null, kind: null };

const rootQueries: [string, RootPageSpec][] = [
  ['nations by name', namedListing(Label.Nation, { name: 'Nation XAB' })],
  ['officials by name', namedListing(Label.Official, { name: 'Official XAB 1' })],
  ['organizations by name', namedListing(Label.Organization, { name: 'Org 3' })],
  ['topics by name', namedListing(Label.Topic, { name: 'Trade sanctions' })],
  ['meetings by participant', meeting.meetingsQuery({ ...NO_MEETING, participant: 'nation:xab' })],
  ['meetings by chair', meeting.meetingsQuery({ ...NO_MEETING, chair: 'nation:xab' })],
  ['meetings by topic', meeting.meetingsQuery({ ...NO_MEETING, topic: 'Trade' })],
  ['meetings by place', meeting.meetingsQuery({ ...NO_MEETING, place: 'City 3' })],
  ['meetings by date range', meeting.meetingsQuery({ ...NO_MEETING, from: '2024-01-05', to: '2024-01-09' })],
  [
    'statements by speaker',
    statement.statementsQuery({ ...NO_STATEMENT, speaker: 'official:official-xab-1' }),
  ],
  [
    'statements by meeting',
    statement.statementsQuery({ ...NO_STATEMENT, meeting: 'meeting:2024-01-01-synthetic-0-0' }),
  ],
  ['statements by topic', statement.statementsQuery({ ...NO_STATEMENT, topic: 'Energy' })],
  ['statements by words', statement.statementsQuery({ ...NO_STATEMENT, text: 'urgent attention' })],
  ['statements by kind', statement.statementsQuery({ ...NO_STATEMENT, kind: 'QUOTE' })],
  ['positions by stance', position.positionsQuery({ stances: ['STRESSES'], holder: null, topic: null })],
  [
    'positions by holder',
    position.positionsQuery({ stances: null, holder: 'official:official-xab-1', topic: null }),
  ],
  [
    'positions by topic and stance',
    position.positionsQuery({ stances: ['REFUSES'], holder: null, topic: 'Security' }),
  ],
  ['timeline of an actor', timelineQuery(Label.Nation, 'nation:xab', '2024-01-01', null)],
];

const relationSpecs: RelationSpec[] = [
  nation,
  official,
  organization,
  place,
  topic,
  meeting,
  statement,
  position,
  evidence,
]
  .flatMap((module) => Object.values(module))
  .flatMap((value) =>
    typeof value === 'object' && value !== null && 'pattern' in value ? [value as RelationSpec] : [],
  )
  .concat(ACTOR_LABELS.flatMap((label) => Object.values(actorRelations(label))))
  .concat(
    // Every entity but a source has evidence of its own.
    ENTITY_LABELS.filter((label) => label !== Label.Source).map(evidence.evidenceOf),
  );

const otherQueries: [string, CypherQuery][] = [
  ['search', searchQuery('trade', 20)],
  [
    'shortest path',
    shortestPathQuery(
      { label: Label.Official, id: 'official:official-xab-1' },
      { label: Label.Nation, id: 'nation:xac' },
      4,
    ),
  ],
  ['node by id', nodesByIdQuery(Label.Meeting, ['meeting:2024-01-01-synthetic-0-0'])],
  ['co-attendance', coAttendanceQuery(Label.Official, 'official:official-xab-1', 20)],
  ['stance summary', stanceSummaryQuery('Security')],
];

describe('index use (EXPLAIN on a synthetic graph)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false });
    await loadSyntheticGraph(api.api, { documents: 30, nations: 30, officialsPerNation: 3 });
  }, 180_000);
  afterAll(() => api.stop());

  const explain = (query: CypherQuery) => explainOperators(api.api.db, query);
  const forbidden = scans;

  it('recognises a scan when there is one (control)', async () => {
    expect(
      forbidden(
        await explain({ cypher: 'MATCH (n:Meeting) WHERE n.title = $t RETURN n', params: { t: 'x' } }),
      ),
    ).toEqual(['NodeByLabelScan']);
  });

  it.each(rootQueries)('%s', async (_name, spec) => {
    expect(forbidden(await explain(rootPageQuery(spec, WINDOW)))).toEqual([]);
    expect(forbidden(await explain(rootCountQuery(spec)))).toEqual([]);
  });

  // Unfiltered listings must count every node, but a page is read along an index: no sort of all.
  const orderedListings: [string, RootPageSpec][] = [
    ['meetings', meeting.meetingsQuery(NO_MEETING)],
    ['nations', namedListing(Label.Nation, {})],
    ['officials', namedListing(Label.Official, {})],
    ['organizations', namedListing(Label.Organization, {})],
    ['topics', namedListing(Label.Topic, {})],
    ['statements', statement.statementsQuery(NO_STATEMENT)],
    ['positions', position.positionsQuery({ stances: null, holder: null, topic: null })],
  ];

  it.each(orderedListings)('a page of all %s', async (_name, spec) => {
    const ops = await explain(rootPageQuery(spec, WINDOW));
    expect(forbidden(ops)).toEqual([]);
    expect(ops.filter((op) => op === 'Sort' || op === 'Top')).toEqual([]);
  });

  it('covers every relation loader', () => {
    expect(relationSpecs.length).toBeGreaterThan(30);
  });

  it.each(relationSpecs.map((spec) => [spec.name, spec] as const))('relation %s', async (_name, spec) => {
    const params = spec.where ? { from: null, to: null } : {};
    expect(forbidden(await explain(relationPageQuery(spec, ['x:1', 'x:2'], WINDOW, params)))).toEqual([]);
  });

  it.each(otherQueries)('%s', async (_name, query) => {
    expect(forbidden(await explain(query))).toEqual([]);
  });
});
