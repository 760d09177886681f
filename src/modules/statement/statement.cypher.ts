/** Cypher specs for statements: the filtered listing and relations to speaker, meeting, topics, positions. */
import { actorLabelForId, Label, Rel } from '../../graph/model';
import { byProperty, incoming, outgoing } from '../../graph/relation-pattern';
import type { RelationSpec, RootPageSpec } from '../../graph/page-spec';
import { visible } from '../../graph/visible';
import { FULLTEXT } from '../../graph/schema';
import { searchTerms } from '../../graph/text';
import { topicWithNarrower } from '../topic/topic.cypher';

export interface StatementCriteria {
  speaker: string | null;
  meeting: string | null;
  topic: string | null;
  text: string | null;
  kind: string | null;
}

const NOTHING: RootPageSpec = { match: `MATCH (n:${Label.Statement}) WHERE false`, sortKey: 'n.date' };

export function statementsQuery(criteria: StatementCriteria): RootPageSpec {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const statement = () => (clauses.length === 0 ? `(n:${Label.Statement})` : '(n)');

  if (criteria.speaker) {
    const label = actorLabelForId(criteria.speaker);
    if (!label) return NOTHING;
    clauses.push(`MATCH (:${label} {id: $speaker})-[:${Rel.SAID}]->${statement()}`);
    params.speaker = criteria.speaker;
  }
  if (criteria.meeting) {
    // A retracted meeting lists nothing, as it is NOT_FOUND everywhere else.
    clauses.push(
      `MATCH (m:${Label.Meeting} {id: $meeting}) WHERE ${visible('m')} MATCH (m)<-[:${Rel.MADE_AT}]-${statement()}`,
    );
    params.meeting = criteria.meeting;
  }
  if (criteria.topic != null) {
    const topic = topicWithNarrower(criteria.topic, 't');
    clauses.push(`${topic.cypher} MATCH (t)<-[:${Rel.ABOUT}]-${statement()}`);
    Object.assign(params, topic.params);
  }
  if (criteria.text != null) {
    const terms = searchTerms(criteria.text, 'text');
    // All words must appear; the index holds the folded statement text.
    clauses.push(
      `CALL db.index.fulltext.queryNodes('${FULLTEXT.search}', $text) YIELD node AS hit WITH ${clauses.length > 0 ? 'n, ' : ''}hit WHERE hit:${Label.Statement}${clauses.length > 0 ? ' AND hit = n' : ''} WITH hit AS n`,
    );
    params.text = terms.map((term) => `bodyText:${term}`).join(' AND ');
  }
  const conditions: string[] = [];
  if (criteria.kind) {
    conditions.push('n.kind = $kind');
    params.kind = criteria.kind;
  }
  if (clauses.length === 0) {
    // No anchor: read along the sortDate index (the date, or '' when undated, so undated ones come
    // first exactly as the sort by date did); a kind is checked on the way. The count seeks the
    // kind index.
    const where = conditions.length > 0 ? conditions.join(' AND ') : undefined;
    return {
      match: `MATCH (n:${Label.Statement})${where ? ` WHERE ${where}` : ''}`,
      params,
      sortKey: 'n.sortDate',
      indexedOrder: { label: Label.Statement, property: 'sortDate', where },
    };
  }
  const where = conditions.length > 0 ? ` WITH DISTINCT n WHERE ${conditions.join(' AND ')}` : '';
  return { match: `${clauses.join(' ')}${where}`, params, sortKey: 'n.date' };
}

function statementRelation(
  name: string,
  path: Pick<RelationSpec, 'pattern' | 'singleHop'>,
  sortKey = byProperty('sortName'),
): RelationSpec {
  return { name: `Statement.${name}`, parentLabel: Label.Statement, ...path, sortKey };
}

export const STATEMENT_SPEAKER = statementRelation('speaker', incoming(Rel.SAID, Label.Actor));
export const STATEMENT_MEETING = statementRelation(
  'meeting',
  outgoing(Rel.MADE_AT, Label.Meeting),
  byProperty('date'),
);
export const STATEMENT_TOPICS = statementRelation('topics', outgoing(Rel.ABOUT, Label.Topic));
export const STATEMENT_POSITIONS = statementRelation(
  'positions',
  incoming(Rel.EXPRESSED_IN, Label.Position),
  byProperty('id'),
);
