/**
 * The loader's write statements, built without a database: values ride in parameters, labels and
 * types come from graph/model, and each statement does what the loader relies on (actor label,
 * name merging, evidence accumulating, single links replaced, cycles found however long). Snapshots pin the
 * full text so a change to a statement shows up in review. Ids and names are synthetic.
 */
import { Label, Rel } from '../../src/graph/model';
import {
  existingNodesQuery,
  mergeEvidenceQuery,
  mergeNodesQuery,
  mergeRelationshipsQuery,
  mergeSourceQuery,
  otherLinksQuery,
  removeOtherLinksQuery,
  SINGLE_LINKS,
  singleLinkOf,
  sourceStateQuery,
  topicCyclesQuery,
  type NodeRow,
} from '../../src/ingest/graph-write.cypher';
import { expectKnownVocabulary, expectOnlyInParams, HOSTILE_VALUES } from './helpers/cypher-safety';

const [hostile, hostileQuote, hostileBacktick, hostileParam] = HOSTILE_VALUES;

const nationRow: NodeRow = {
  id: 'nation:xyz',
  props: {
    name: 'Republic of Examplia',
    aliases: ['Examplia'],
    nameText: 'republic of examplia\nexamplia',
    sortName: 'examplia',
    iso3: 'XYZ',
  },
  evidence: ['evidence:1'],
};

describe('mergeNodesQuery', () => {
  it('gives nations, officials and organizations the Actor label, and nothing else', () => {
    const actorLabels = [Label.Nation, Label.Official, Label.Organization];
    for (const label of Object.values(Label)) {
      const { cypher } = mergeNodesQuery(label, [], 'source:s');
      expect(cypher.includes(`SET n:${Label.Actor}`)).toBe(actorLabels.includes(label as never));
      expect(cypher).toContain(`MERGE (n:${label} {id: row.id})`);
    }
  });

  it('merges names of named entities in the statement, and passes the name fields apart', () => {
    const query = mergeNodesQuery(Label.Nation, [nationRow], 'source:s');
    expect(query.cypher).toContain('n.aliases =');
    expect(query.params.rows).toEqual([
      {
        id: 'nation:xyz',
        // Name fields leave `props`: `SET n += row.props` must not overwrite a stored name.
        props: { iso3: 'XYZ' },
        evidence: ['evidence:1'],
        replaceName: false,
        names: {
          name: 'Republic of Examplia',
          aliases: ['Examplia'],
          sortName: 'examplia',
          folded: ['republic of examplia', 'examplia'],
        },
      },
    ]);
  });

  it('passes rows of unnamed records as they are', () => {
    const row: NodeRow = { id: 'meeting:2025-01-02-talks', props: { title: 'Talks' }, evidence: [] };
    const query = mergeNodesQuery(Label.Meeting, [row], 'source:s');
    expect(query.cypher).not.toContain('n.aliases');
    expect(query.params).toEqual({ rows: [row], sourceId: 'source:s' });
  });

  it('carries ids, names and the source id only as parameters', () => {
    const query = mergeNodesQuery(
      Label.Official,
      [{ id: hostile, props: { name: hostileQuote, aliases: [hostileBacktick] }, evidence: [hostileParam] }],
      hostile,
    );
    expectOnlyInParams(query, [hostile, hostileQuote, hostileBacktick]);
    expectKnownVocabulary(query);
  });

  it('matches its snapshot (a nation)', () => {
    expect(mergeNodesQuery(Label.Nation, [nationRow], 'source:s')).toMatchSnapshot();
  });
});

describe('mergeRelationshipsQuery', () => {
  it('matches both ends by label and accumulates evidence without duplicates', () => {
    const query = mergeRelationshipsQuery(Label.Nation, Rel.MEMBER_OF, Label.Organization, [
      { from: 'nation:xyz', to: 'organization:example-alliance', evidence: ['evidence:1'] },
    ]);
    expect(query.cypher).toContain(`MATCH (a:${Label.Nation} {id: row.from})`);
    expect(query.cypher).toContain(`MATCH (b:${Label.Organization} {id: row.to})`);
    expect(query.cypher).toContain(`MERGE (a)-[r:${Rel.MEMBER_OF}]->(b)`);
    expect(query.cypher).toContain('CASE WHEN id IN acc THEN acc ELSE acc + id END');
    expect(query).toMatchSnapshot();
  });

  it('carries ends and evidence only as parameters', () => {
    const query = mergeRelationshipsQuery(Label.Official, Rel.ATTENDED, Label.Meeting, [
      { from: hostile, to: hostileQuote, evidence: [hostileBacktick] },
    ]);
    expectOnlyInParams(query, [hostile, hostileQuote, hostileBacktick]);
    expectKnownVocabulary(query);
  });
});

describe('copies that reads walk indexes on', () => {
  const row = { from: 'a', to: 'b', evidence: [] };

  it("sets a position's topic id with its topic link, and only there", () => {
    expect(mergeRelationshipsQuery(Label.Position, Rel.ABOUT, Label.Topic, [row]).cypher).toContain(
      'SET a.topicId = head(COLLECT { MATCH (a)-[:ABOUT]->(positionTopic:Topic)',
    );
    expect(mergeRelationshipsQuery(Label.Meeting, Rel.ABOUT, Label.Topic, [row]).cypher).not.toContain(
      'topicId',
    );
  });

  it("sets the actor's id and the fact's timeline key on an actor's links to its facts", () => {
    for (const [from, type, to] of [
      [Label.Official, Rel.ATTENDED, Label.Meeting],
      [Label.Nation, Rel.CHAIRED, Label.Meeting],
      [Label.Official, Rel.SAID, Label.Statement],
      [Label.Nation, Rel.TOOK, Label.Position],
    ] as const) {
      expect(mergeRelationshipsQuery(from, type, to, [row]).cypher).toContain(
        "SET r.actorId = a.id, r.timelineKey = coalesce(toString(b.date), '~')",
      );
    }
    expect(
      mergeRelationshipsQuery(Label.Organization, Rel.CONVENED, Label.Meeting, [row]).cypher,
    ).not.toContain('timelineKey');
  });

  it("refreshes the timeline keys of a fact's links when it writes the fact, and only for facts", () => {
    const refresh = "SET timelineLink.timelineKey = coalesce(toString(n.date), '~')";
    for (const label of [Label.Meeting, Label.Statement, Label.Position]) {
      const cypher = mergeNodesQuery(label, [], 'source:s').cypher;
      // After the new date is set, so the keys follow it.
      expect(cypher.indexOf(refresh)).toBeGreaterThan(cypher.indexOf('SET n += row.props'));
    }
    expect(mergeNodesQuery(Label.Nation, [], 'source:s').cypher).not.toContain('timelineKey');
  });
});

describe('single links', () => {
  it('knows a statement has one speaker but a speaker many statements', () => {
    const speaker = singleLinkOf({ fromLabel: Label.Official, type: Rel.SAID, toLabel: Label.Statement });
    expect(speaker).toMatchObject({ owner: 'to', ownerLabel: Label.Statement, field: 'speaker' });
    // ABOUT is single for a position (one topic) but not for a meeting (many topics).
    expect(singleLinkOf({ fromLabel: Label.Position, type: Rel.ABOUT, toLabel: Label.Topic })?.field).toBe(
      'topic',
    );
    expect(singleLinkOf({ fromLabel: Label.Meeting, type: Rel.ABOUT, toLabel: Label.Topic })).toBeUndefined();
    expect(
      singleLinkOf({ fromLabel: Label.Official, type: Rel.ATTENDED, toLabel: Label.Meeting }),
    ).toBeUndefined();
  });

  it('finds other links from the owner end, in the direction of the relationship', () => {
    const speaker = SINGLE_LINKS.find((link) => link.field === 'speaker')!;
    const nation = SINGLE_LINKS.find(
      (link) => link.field === 'nation' && link.ownerLabel === Label.Official,
    )!;
    expect(otherLinksQuery(speaker, []).cypher).toContain(
      `MATCH (o:${Label.Statement} {id: row.owner})<-[r:${Rel.SAID}]-(other)`,
    );
    expect(otherLinksQuery(nation, []).cypher).toContain(
      `MATCH (o:${Label.Official} {id: row.owner})-[r:${Rel.NATIONAL_OF}]->(other)`,
    );
    const rows = [{ owner: 'statement:s', other: 'official:new-speaker' }];
    expect(otherLinksQuery(speaker, rows)).toMatchSnapshot();
  });

  it('removes only the other relationships, never the nodes at their ends', () => {
    for (const link of SINGLE_LINKS) {
      const remove = removeOtherLinksQuery(link, [{ owner: hostile, other: hostileQuote }]);
      expect(remove.cypher).toContain('WHERE other.id <> row.other');
      expect(remove.cypher.trim().endsWith('DELETE r')).toBe(true);
      expect(remove.cypher).not.toContain('DETACH');
      expectOnlyInParams(remove, [hostile, hostileQuote]);
      expectKnownVocabulary(remove);
    }
  });
});

describe('topicCyclesQuery', () => {
  it("follows each topic's broader chain, unbounded, back to the topic itself", () => {
    const query = topicCyclesQuery(['topic:narrow', 'topic:narrow', 'topic:other']);
    expect(query.cypher).toContain(`(t:${Label.Topic} {id: id})-[:${Rel.BROADER}*1..]->(t)`);
    expect(query.params.ids).toEqual(['topic:narrow', 'topic:other']);
    expect(query).toMatchSnapshot();
  });

  it('carries topic ids only as parameters', () => {
    const query = topicCyclesQuery([hostile, hostileBacktick]);
    expectOnlyInParams(query, [hostile, hostileBacktick]);
    expectKnownVocabulary(query);
  });
});

describe('source and evidence statements', () => {
  it('carry every value as a parameter', () => {
    const queries = [
      existingNodesQuery(Label.Place, [hostile]),
      sourceStateQuery(hostile),
      mergeSourceQuery({ id: hostile, text: hostileQuote }, { id: hostile, key: hostile, name: hostile }),
      mergeEvidenceQuery([
        { id: hostile, excerpt: hostileQuote, start: 0, end: 10, sourceId: hostileBacktick },
      ]),
    ];
    for (const query of queries) {
      expectOnlyInParams(query, [hostile]);
      expectKnownVocabulary(query);
    }
  });

  it('copies the rows it is given, so a caller reusing its array cannot change a built statement', () => {
    const ids = ['place:a'];
    const query = existingNodesQuery(Label.Place, ids);
    ids.push('place:b');
    expect(query.params.ids).toEqual(['place:a']);
  });
});
