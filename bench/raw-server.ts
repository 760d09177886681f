/**
 * The raw baseline: hand-written Cypher through neo4j-driver behind a minimal HTTP server, one
 * endpoint per query of the mix, returning the same data as the GraphQL APIs. Run by bench/run.ts.
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';

const QUERIES: Record<string, { cypher: string; params?: Record<string, unknown> }> = {
  nested: {
    // Hand-written as well as we know how: read meetings in index order (every date is >= '').
    cypher: `MATCH (m:Meeting) WHERE m.date >= '' WITH m ORDER BY m.date, m.id LIMIT 20
             RETURN m.id AS id, m.title AS title, m.date AS date,
                    [(m)<-[:ATTENDED]-(o:Official) | {id: o.id, name: o.name, nation: head([(o)-[:NATIONAL_OF]->(n:Nation) | {name: n.name}])}] AS people`,
  },
  'deep-page': {
    // Keyset paging from the last item seen, along the date index.
    cypher: `MATCH (m:Meeting) WHERE m.date >= $afterDate AND (m.date > $afterDate OR m.id > $afterId)
             WITH m ORDER BY m.date, m.id LIMIT 20 RETURN m.id AS id, m.title AS title, m.date AS date`,
  },
  stance: {
    cypher: `CALL db.index.fulltext.queryNodes('entity_names', '"trade"') YIELD node AS root WHERE root:Topic
             MATCH (root)<-[:BROADER*0..5]-(t:Topic)<-[:ABOUT]-(p:Position) WHERE p.stance = 'SUPPORTS'
             WITH DISTINCT p ORDER BY p.date, p.id LIMIT 20
             RETURN p.id AS id, p.summary AS summary, head([(p)<-[:TOOK]-(h:Actor) | {name: h.name}]) AS holder`,
  },
  search: {
    cypher: `CALL db.index.fulltext.queryNodes('entity_search', 'security AND (cooperation OR cooperation*)', {limit: 20}) YIELD node, score
             RETURN node.id AS id ORDER BY score DESC, node.id LIMIT 20`,
  },
  timeline: {
    cypher: `MATCH (a:Nation {id: 'nation:xab'})
             CALL (a) {
               MATCH (a)<-[:NATIONAL_OF*0..1]-(:Actor)-[:ATTENDED|CHAIRED]->(n:Meeting) RETURN n
               UNION MATCH (a)<-[:NATIONAL_OF*0..1]-(:Actor)-[:SAID]->(n:Statement) RETURN n
               UNION MATCH (a)<-[:NATIONAL_OF*0..1]-(:Actor)-[:TOOK]->(n:Position) RETURN n
             }
             WITH DISTINCT n ORDER BY coalesce(n.date, '~'), n.id LIMIT 20 RETURN n.id AS id`,
  },
  path: {
    cypher: `MATCH (a:Official {id: 'official:official-xab-0'}), (b:Official {id: 'official:official-xai-1'})
             MATCH p = shortestPath((a)-[:NATIONAL_OF|HOLDS_ROLE|ROLE_FOR_NATION|ROLE_IN|MEMBER_OF|LEADS|CHAIRED|ATTENDED|CONVENED|HELD_AT|WITHIN|IN_COUNTRY|SAID|MADE_AT|TOOK|ABOUT|EXPRESSED_IN|BROADER*..4]-(b))
             UNWIND nodes(p) AS n RETURN n.id AS id`,
  },
};

const SINGLE_COLUMN = new Set(['search', 'timeline', 'path']);

async function main() {
  const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'neo4j'), {
    disableLosslessIntegers: true,
  });
  const deepPage = { afterDate: process.env.DEEP_AFTER_DATE ?? '', afterId: process.env.DEEP_AFTER_ID ?? '' };
  const server = http.createServer(async (req, res) => {
    const name = (req.url ?? '').slice(1);
    const query = QUERIES[name];
    if (!query) {
      res.writeHead(404).end();
      return;
    }
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(query.cypher, deepPage));
      const rows = result.records.map((record) =>
        SINGLE_COLUMN.has(name) ? record.get(0) : record.toObject(),
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: rows }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    } finally {
      await session.close();
    }
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () =>
    process.stdout.write(`READY http://127.0.0.1:${process.env.PORT}\n`),
  );
}

void main();
