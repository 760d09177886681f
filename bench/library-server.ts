/**
 * The comparison server: the Neo4j GraphQL Library (@neo4j/graphql) over the same database, set up
 * as its authors would for speed: listings sorted and filtered so Neo4j can read them in index
 * order, keyset filters (string comparisons enabled) next to its offset cursor, Apollo's cache-control
 * and inline-trace plugins off, NODE_ENV=production (set by bench/run.ts). What its generated
 * filters cannot say (narrower topics to any depth, ranked search, a merged timeline, shortest paths)
 * is a `@cypher` field with the same Cypher semantics as ours, so what is compared is the library's
 * parse, translate and execute overhead around it. Run by bench/run.ts.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver } from 'neo4j-driver';

/**
 * The user's words as our name filters query them: a phrase of the lower-cased words (ours also
 * strips accents and escapes Lucene syntax in JavaScript; the synthetic names have neither).
 */
const TOPIC = `CALL db.index.fulltext.queryNodes('entity_names', '"' + toLower(trim($topic)) + '"') YIELD node AS tRoot
  WHERE tRoot:Topic MATCH (tRoot)<-[:BROADER*0..5]-(t:Topic)`;

/** An actor by id: one index seek per actor label (an id names its label; Cypher can't take a label as a parameter). */
const ACTOR = (parameter: string) => `CALL () {
    MATCH (a:Nation {id: $${parameter}}) RETURN a
    UNION MATCH (a:Official {id: $${parameter}}) RETURN a
    UNION MATCH (a:Organization {id: $${parameter}}) RETURN a }`;

const PATH_RELATIONSHIPS =
  'NATIONAL_OF|HOLDS_ROLE|ROLE_FOR_NATION|ROLE_IN|MEMBER_OF|LEADS|CHAIRED|ATTENDED|CONVENED|HELD_AT|WITHIN|IN_COUNTRY|SAID|MADE_AT|TOOK|ABOUT|EXPRESSED_IN|BROADER';

// Ids are Strings, not IDs: the library's ID filters have no `gt`, which keyset paging needs.
const typeDefs = /* GraphQL */ `
  interface Actor {
    id: String!
    name: String!
    sortName: String
    statements: [Statement!]! @declareRelationship
  }
  type Nation implements Actor @node {
    id: String!
    name: String!
    sortName: String
    statements: [Statement!]! @relationship(type: "SAID", direction: OUT)
  }
  type Organization implements Actor @node {
    id: String!
    name: String!
    sortName: String
    statements: [Statement!]! @relationship(type: "SAID", direction: OUT)
  }
  type Official implements Actor @node {
    id: String!
    name: String!
    sortName: String
    nation: Nation @relationship(type: "NATIONAL_OF", direction: OUT)
    statements: [Statement!]! @relationship(type: "SAID", direction: OUT)
  }
  type Topic @node {
    id: String!
    name: String!
  }
  type Source @node {
    id: String!
    title: String!
    publishedAt: String!
    publisher: String
  }
  type Evidence @node {
    excerpt: String!
    start: Int!
    sourceId: String!
    source: Source @relationship(type: "EXCERPT_OF", direction: OUT)
  }
  type Meeting @node {
    id: String!
    title: String!
    date: String!
    retractedAt: String
    participants: [Actor!]! @relationship(type: "ATTENDED", direction: IN)
    chairs: [Actor!]! @relationship(type: "CHAIRED", direction: IN)
    statements: [Statement!]! @relationship(type: "MADE_AT", direction: IN)
  }
  type Statement @node {
    id: String!
    text: String!
    date: String
    sortDate: String
    retractedAt: String
    speaker: Actor @relationship(type: "SAID", direction: IN)
    evidence: [Evidence!]! @relationship(type: "EVIDENCED_BY", direction: OUT)
  }
  type Position @node {
    id: String!
    summary: String!
    stance: String!
    date: String
    retractedAt: String
    holder: Actor @relationship(type: "TOOK", direction: IN)
    topic: Topic @relationship(type: "ABOUT", direction: OUT)
  }

  type Query {
    meetingsOnTopic(topic: String!, first: Int!): [Meeting!]!
      @cypher(
        statement: """
        ${TOPIC} MATCH (t)<-[:ABOUT]-(n:Meeting)
        WITH DISTINCT n WHERE n.retractedAt IS NULL
        WITH n ORDER BY n.date, n.id LIMIT $first RETURN n
        """
        columnName: "n"
      )
    positionsOf(holder: String!, topic: String!, stances: [String!]!, first: Int!): [Position!]!
      @cypher(
        statement: """
        ${ACTOR('holder')} MATCH (a)-[:TOOK]->(n:Position)
        ${TOPIC} MATCH (t)<-[:ABOUT]-(n)
        WITH DISTINCT n WHERE n.stance IN $stances AND n.retractedAt IS NULL
        WITH n ORDER BY coalesce(n.date, ''), n.id LIMIT $first RETURN n
        """
        columnName: "n"
      )
    positionsOn(topic: String!, stances: [String!]!, first: Int!): [Position!]!
      @cypher(
        statement: """
        ${TOPIC} WITH collect(DISTINCT t.id) AS topicIds
        UNWIND topicIds AS topicId UNWIND $stances AS stance
        CALL (topicId, stance) {
          MATCH (n:Position) WHERE n.topicId = topicId AND n.stance = stance AND n.sortDate >= ''
          WITH n WHERE n.retractedAt IS NULL
          WITH n ORDER BY n.topicId, n.stance, n.sortDate, n.id LIMIT $first RETURN n
        }
        WITH n ORDER BY n.sortDate, n.id LIMIT $first RETURN n
        """
        columnName: "n"
      )
    searchIds(text: String!, first: Int!): [String!]!
      @cypher(
        statement: """
        WITH [w IN split(toLower(trim($text)), ' ') WHERE w <> ''] AS words
        WITH reduce(q = '', w IN words[..-1] | q + w + ' AND ') + '(' + last(words) + ' OR ' + last(words) + '*)' AS query
        CALL db.index.fulltext.queryNodes('entity_search', query, {limit: $first}) YIELD node, score
        WHERE node.retractedAt IS NULL
        RETURN node.id AS id ORDER BY score DESC, id LIMIT $first
        """
        columnName: "id"
      )
    timelineIds(actor: String!, first: Int!): [String!]!
      @cypher(
        statement: """
        ${ACTOR('actor')}
        CALL (a) {
          MATCH (a)<-[:NATIONAL_OF*0..1]-(:Actor)-[:ATTENDED|CHAIRED]->(n:Meeting) RETURN n
          UNION MATCH (a)<-[:NATIONAL_OF*0..1]-(:Actor)-[:SAID]->(n:Statement) RETURN n
          UNION MATCH (a)<-[:NATIONAL_OF*0..1]-(:Actor)-[:TOOK]->(n:Position) RETURN n
        }
        WITH DISTINCT n WHERE n.retractedAt IS NULL
        WITH n ORDER BY coalesce(n.date, '~'), n.id LIMIT $first RETURN n.id AS id
        """
        columnName: "id"
      )
    pathIds(from: String!, to: String!): [String!]!
      @cypher(
        statement: """
        MATCH (a:Official {id: $from}), (b:Official {id: $to})
        MATCH p = shortestPath((a)-[:${PATH_RELATIONSHIPS}*..4]-(b))
        WHERE all(x IN nodes(p) WHERE x.retractedAt IS NULL)
        UNWIND nodes(p) AS x RETURN x.id AS id
        """
        columnName: "id"
      )
  }
`;

/** The library as this server sets it up, over `driver` (bench/explain.ts passes one that records its statements). */
export function libraryGraphQL(driver: Driver): Neo4jGraphQL {
  return new Neo4jGraphQL({
    typeDefs,
    driver,
    // String comparisons are off by default; keyset paging and date ranges need them.
    features: { filters: { String: { GT: true, GTE: true, LT: true, LTE: true } } },
  });
}

async function main() {
  const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'neo4j'));
  const schema = await libraryGraphQL(driver).getSchema();
  const server = new ApolloServer({
    schema,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
  });
  process.stdout.write(`READY ${url}\n`);
}

// Run as a server; imported (bench/explain.ts), only its setup is used.
if (require.main === module) void main();
