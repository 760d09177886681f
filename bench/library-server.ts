/**
 * The comparison server: the Neo4j GraphQL Library (@neo4j/graphql) over the same database, with
 * type definitions equivalent to ours for the queries it can express. Run by bench/run.ts.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const typeDefs = /* GraphQL */ `
  type Nation @node {
    id: ID!
    name: String!
    iso3: String!
  }
  type Official @node {
    id: ID!
    name: String!
    nation: Nation @relationship(type: "NATIONAL_OF", direction: OUT)
  }
  type Meeting @node {
    id: ID!
    title: String!
    date: String!
    status: String!
    attendees: [Official!]! @relationship(type: "ATTENDED", direction: IN)
  }
`;

async function main() {
  const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'neo4j'));
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
  });
  process.stdout.write(`READY ${url}\n`);
}

void main();
