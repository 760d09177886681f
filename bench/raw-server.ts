/**
 * The raw baseline: hand-written Cypher through neo4j-driver behind a minimal HTTP server. POST
 * /<query> with the request's parameters as JSON; answers `{ data: rows }`. Each query is written
 * twice where it matters: with our API's semantics (retracted facts left out at every level,
 * nested lists ordered by name then id and capped at a page, read with the same index order), and
 * as `<query>-min`, the least Cypher that returns the same data on the synthetic graph (no
 * retraction checks, nested lists in storage order): the lower bound. Run by bench/run.ts.
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { actorLabelForId } from '../src/graph/model';
import { luceneAllWords, lucenePhrase } from '../src/graph/text';

export type Sample = Record<string, string>;
export type Statement = (sample: Sample) => { cypher: string; params: Record<string, unknown> };

/** Ours reads a keyset page along the date index from the cursor's (date, id); '' on the first page. */
const PAGE = (limit: number, visible = true) =>
  `MATCH (n:Meeting) WHERE n.date >= $d${visible ? ' AND n.retractedAt IS NULL' : ''} AND (n.date > $d OR n.id > $id)
   WITH n ORDER BY n.date, n.id LIMIT ${limit}`;
const keyset = (sample: Sample) => {
  const cursor = sample.cursor as unknown as { date: string; id: string };
  return { d: cursor.date, id: cursor.id };
};

/** One related node, as ours picks a single relation: the first by sort name, then id. */
const NATION_OF = (actor: string) =>
  `CASE WHEN ${actor}:Official THEN head(COLLECT { MATCH (${actor})-[:NATIONAL_OF]->(x:Nation) WHERE x.retractedAt IS NULL
     WITH x ORDER BY coalesce(x.sortName, ''), x.id LIMIT 1 RETURN x {.name} }) END`;

/** Binds `a` to the actor with this id, by the label its id names (as ours does). */
function actorMatch(id: string, parameter: string): string {
  const label = actorLabelForId(id);
  if (!label) throw new Error(`not an actor id: ${id}`);
  return `(a:${label} {id: $${parameter}})`;
}

const TOPIC = `CALL db.index.fulltext.queryNodes('entity_names', $topic) YIELD node AS tRoot WHERE tRoot:Topic
  MATCH (tRoot)<-[:BROADER*0..5]-(t:Topic)`;

const PATH_RELATIONSHIPS =
  'NATIONAL_OF|HOLDS_ROLE|ROLE_FOR_NATION|ROLE_IN|MEMBER_OF|LEADS|CHAIRED|ATTENDED|CONVENED|HELD_AT|WITHIN|IN_COUNTRY|SAID|MADE_AT|TOOK|ABOUT|EXPRESSED_IN|BROADER';

export const QUERIES: Record<string, Statement> = {
  nested: (s) => ({
    cypher: `${PAGE(20)}
      RETURN n {.id, .title, .date, participants: COLLECT {
        MATCH (n)<-[:ATTENDED]-(c:Actor) WHERE c.retractedAt IS NULL
        WITH c ORDER BY coalesce(c.sortName, ''), c.id LIMIT 20
        RETURN c {.id, .name, nation: ${NATION_OF('c')}} }} AS row`,
    params: keyset(s),
  }),
  'nested-min': (s) => ({
    cypher: `${PAGE(20, false)}
      RETURN n {.id, .title, .date, participants: [(n)<-[:ATTENDED]-(c:Actor) |
        c {.id, .name, nation: head([(c)-[:NATIONAL_OF]->(x:Nation) | x {.name}])}]} AS row`,
    params: keyset(s),
  }),
  nested4: (s) => ({
    cypher: `${PAGE(20)}
      RETURN n {.id, statements: COLLECT {
        MATCH (n)<-[:MADE_AT]-(st:Statement) WHERE st.retractedAt IS NULL
        WITH st ORDER BY st.id LIMIT 20
        RETURN st {.id, speaker: head(COLLECT {
          MATCH (st)<-[:SAID]-(a:Actor) WHERE a.retractedAt IS NULL
          WITH a ORDER BY coalesce(a.sortName, ''), a.id LIMIT 1
          RETURN a {.id, .name, nation: ${NATION_OF('a')}} }) } }} AS row`,
    params: keyset(s),
  }),
  'nested4-min': (s) => ({
    cypher: `${PAGE(20, false)}
      RETURN n {.id, statements: [(n)<-[:MADE_AT]-(st:Statement) |
        st {.id, speaker: head([(st)<-[:SAID]-(a:Actor) |
          a {.id, .name, nation: head([(a)-[:NATIONAL_OF]->(x:Nation) | x {.name}])}])}]} AS row`,
    params: keyset(s),
  }),
  page100: (s) => ({
    cypher: `CALL () { MATCH (n:Meeting) WHERE n.retractedAt IS NULL RETURN count(n) AS total }
      CALL () { ${PAGE(100)} RETURN collect(n {.id, .title, .date}) AS nodes }
      RETURN {total: total, nodes: nodes} AS row`,
    params: keyset(s),
  }),
  byParticipant: (s) => ({
    // A nation took part through its officials too (NATIONAL_OF*0..1), as ours reads it.
    cypher: `MATCH ${actorMatch(s.participant, 'participant')}<-[:NATIONAL_OF*0..1]-(:Actor)-[:ATTENDED|CHAIRED]->(n:Meeting)
      WITH DISTINCT n WHERE n.retractedAt IS NULL
      WITH n ORDER BY n.date, n.id LIMIT 20 RETURN n {.id, .title, .date} AS row`,
    params: { participant: s.participant },
  }),
  byTopic: (s) => ({
    cypher: `${TOPIC} MATCH (t)<-[:ABOUT]-(n:Meeting)
      WITH DISTINCT n WHERE n.retractedAt IS NULL
      WITH n ORDER BY n.date, n.id LIMIT 20 RETURN n {.id, .title, .date} AS row`,
    params: { topic: lucenePhrase(s.topic, 'topic') },
  }),
  byDate: (s) => ({
    cypher: `MATCH (n:Meeting) WHERE n.date >= $from AND n.date <= $to AND n.retractedAt IS NULL
      WITH n ORDER BY n.date, n.id LIMIT 20 RETURN n {.id, .title, .date} AS row`,
    params: { from: s.from, to: s.to },
  }),
  bySpeaker: (s) => ({
    cypher: `MATCH ${actorMatch(s.speaker, 'speaker')}-[:SAID]->(n:Statement)
      WITH DISTINCT n WHERE n.retractedAt IS NULL
      WITH n ORDER BY coalesce(n.date, ''), n.id LIMIT 20 RETURN n {.id, .text, .date} AS row`,
    params: { speaker: s.speaker },
  }),
  whoStressed: (s) => ({
    cypher: `MATCH ${actorMatch(s.holder, 'holder')}-[:TOOK]->(n:Position)
      ${TOPIC} MATCH (t)<-[:ABOUT]-(n)
      WITH DISTINCT n WHERE n.stance IN $stances AND n.retractedAt IS NULL
      WITH n ORDER BY coalesce(n.date, ''), n.id LIMIT 20
      RETURN n {.id, .summary, .stance, .date,
        holder: head(COLLECT { MATCH (n)<-[:TOOK]-(h:Actor) WHERE h.retractedAt IS NULL
          WITH h ORDER BY coalesce(h.sortName, ''), h.id LIMIT 1 RETURN h {.id, .name} }),
        topic: head(COLLECT { MATCH (n)-[:ABOUT]->(x:Topic) WHERE x.retractedAt IS NULL
          WITH x ORDER BY coalesce(x.sortName, ''), x.id LIMIT 1 RETURN x {.id, .name} })} AS row`,
    params: { holder: s.holder, topic: lucenePhrase(s.topic, 'topic'), stances: [s.stance] },
  }),
  // Along the (topicId, stance, sortDate) index, a page per topic and stance, as ours reads it:
  // sorting every match instead would measure a plan, not the system.
  stance: (s) => ({
    cypher: `${TOPIC} WITH collect(DISTINCT t.id) AS topicIds
      UNWIND topicIds AS topicId UNWIND $stances AS stance
      CALL (topicId, stance) {
        MATCH (n:Position) WHERE n.topicId = topicId AND n.stance = stance AND n.sortDate >= ''
        WITH n WHERE n.retractedAt IS NULL
        WITH n ORDER BY n.topicId, n.stance, n.sortDate, n.id LIMIT 20 RETURN n
      }
      WITH n ORDER BY n.sortDate, n.id LIMIT 20
      RETURN n {.id, .summary,
        holder: head(COLLECT { MATCH (n)<-[:TOOK]-(h:Actor) WHERE h.retractedAt IS NULL
          WITH h ORDER BY coalesce(h.sortName, ''), h.id LIMIT 1 RETURN h {.name} })} AS row`,
    params: { topic: lucenePhrase(s.topic, 'topic'), stances: [s.stance] },
  }),
  search: (s) => ({
    cypher: `CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit}) YIELD node, score
      WHERE node.retractedAt IS NULL
      RETURN node.id AS row ORDER BY score DESC, row LIMIT $limit`,
    params: { query: luceneAllWords(s.text, 'text'), limit: neo4j.int(20) },
  }),
  timeline: (s) => ({
    cypher: `MATCH ${actorMatch(s.actor, 'actor')}
      CALL (a) {
        MATCH (a)<-[:NATIONAL_OF*0..1]-(:Actor)-[:ATTENDED|CHAIRED]->(n:Meeting) RETURN n
        UNION MATCH (a)<-[:NATIONAL_OF*0..1]-(:Actor)-[:SAID]->(n:Statement) RETURN n
        UNION MATCH (a)<-[:NATIONAL_OF*0..1]-(:Actor)-[:TOOK]->(n:Position) RETURN n
      }
      WITH DISTINCT n WHERE n.retractedAt IS NULL
      WITH n ORDER BY coalesce(n.date, '~'), n.id LIMIT 20 RETURN n.id AS row`,
    params: { actor: s.actor },
  }),
  path: (s) => ({
    cypher: `MATCH (a:Official {id: $from}), (b:Official {id: $to})
      MATCH p = shortestPath((a)-[:${PATH_RELATIONSHIPS}*..4]-(b))
      WHERE all(x IN nodes(p) WHERE x.retractedAt IS NULL)
      UNWIND nodes(p) AS x RETURN x.id AS row`,
    params: { from: s.from, to: s.to },
  }),
  provenance: (s) => ({
    // Evidence in source order, as ours lists it (by source, then offset).
    cypher: `MATCH (n:Statement {id: $id}) WHERE n.retractedAt IS NULL
      RETURN n {.id, .text, evidence: COLLECT {
        MATCH (n)-[:EVIDENCED_BY]->(e:Evidence) WHERE e.retractedAt IS NULL
        WITH e ORDER BY e.sourceId + ':' + right('0000000000' + toString(e.start), 10), e.id LIMIT 20
        RETURN e {.excerpt, .start, source: head(COLLECT {
          MATCH (e)-[:EXCERPT_OF]->(src:Source) WHERE src.retractedAt IS NULL
          WITH src ORDER BY src.id LIMIT 1 RETURN src {.id, .title, .publishedAt, .publisher} })} }} AS row`,
    params: { id: s.id },
  }),
};

async function main() {
  const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'neo4j'), {
    disableLosslessIntegers: true,
  });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const statement = QUERIES[(req.url ?? '').slice(1)];
      if (!statement) {
        res.writeHead(404).end();
        return;
      }
      void (async () => {
        try {
          const { cypher, params } = statement(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Sample);
          const result = await driver.executeQuery(cypher, params, {
            routing: neo4j.routing.READ,
            // One statement per request, as ours runs its reads: no causal chain to carry.
            bookmarkManager: null,
          });
          const rows = result.records.map((record) => record.get('row') as unknown);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: rows }));
        } catch (error) {
          // A body with `errors`, as the GraphQL servers answer, and a 500 for autocannon.
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errors: [{ message: String(error) }] }));
        }
      })();
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () =>
    process.stdout.write(`READY http://127.0.0.1:${process.env.PORT}\n`),
  );
}

// Run as a server; imported (bench/explain.ts), only its statements are used.
if (require.main === module) void main();
