/* eslint-disable @typescript-eslint/no-explicit-any -- normalizers read untyped JSON answers */
/**
 * The benchmark's query mix, as each system spells it: our API, the Neo4j GraphQL Library (where it
 * can express the query) and hand-written Cypher. `normalize` turns each answer into the same shape
 * so the three can be checked for equal data before anything is timed.
 */
export interface BenchQuery {
  name: string;
  ours: { query: string; variables?: Record<string, unknown> };
  library?: { query: string; variables?: Record<string, unknown> };
  /** Name of the raw baseline's endpoint (bench/raw-server.ts). */
  raw: string;
  normalize: { ours: (data: any) => unknown; library?: (data: any) => unknown; raw: (data: any) => unknown };
}

const byId = (items: { id: string }[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

export function benchQueries(deepPage: { ourCursor: string; offset: number }): BenchQuery[] {
  return [
    {
      name: 'nested list (meetings > participants > nation)',
      ours: {
        query:
          '{ meetings(first: 20) { nodes { id title date participants { ... on Official { id name nation { name } } } } } }',
      },
      library: {
        query:
          '{ meetings(limit: 20, sort: [{ date: ASC }, { id: ASC }]) { id title date attendees { id name nation { name } } } }',
      },
      raw: 'nested',
      normalize: {
        ours: (d) =>
          d.meetings.nodes.map((m: any) => ({
            id: m.id,
            title: m.title,
            date: m.date,
            people: byId(m.participants),
          })),
        library: (d) =>
          d.meetings.map((m: any) => ({ id: m.id, title: m.title, date: m.date, people: byId(m.attendees) })),
        raw: (d) => d.map((m: any) => ({ id: m.id, title: m.title, date: m.date, people: byId(m.people) })),
      },
    },
    {
      name: 'deep page (meetings after item N)',
      ours: {
        query: 'query Q($after: String) { meetings(first: 20, after: $after) { nodes { id title date } } }',
        variables: { after: deepPage.ourCursor },
      },
      library: {
        query:
          'query Q($after: String) { meetingsConnection(first: 20, after: $after, sort: [{ date: ASC }, { id: ASC }]) { edges { node { id title date } } } }',
        variables: { after: Buffer.from(`arrayconnection:${deepPage.offset - 1}`).toString('base64') },
      },
      raw: 'deep-page',
      normalize: {
        ours: (d) => d.meetings.nodes,
        library: (d) => d.meetingsConnection.edges.map((e: any) => e.node),
        raw: (d) => d,
      },
    },
    {
      name: 'stance on a topic, narrower included',
      ours: {
        query:
          '{ positions(first: 20, filter: { topic: "Trade", stance: [SUPPORTS] }) { nodes { id summary holder { name } } } }',
      },
      raw: 'stance',
      normalize: { ours: (d) => d.positions.nodes, raw: (d) => d },
    },
    {
      name: 'full-text search',
      ours: { query: '{ search(text: "Security cooperation", first: 20) { node { id } } }' },
      raw: 'search',
      normalize: { ours: (d) => d.search.map((h: any) => h.node.id), raw: (d) => d },
    },
    {
      name: 'actor timeline (a nation and its officials)',
      ours: { query: '{ timeline(actor: "nation:xab", first: 20) { nodes { id } } }' },
      raw: 'timeline',
      normalize: { ours: (d) => d.timeline.nodes.map((n: any) => n.id), raw: (d) => d },
    },
    {
      name: 'path between two officials',
      ours: {
        query: '{ path(from: "official:official-xab-0", to: "official:official-xai-1") { nodes { id } } }',
      },
      raw: 'path',
      // Shortest paths can tie; the same length with the same ends is the same answer.
      normalize: {
        ours: (d) =>
          d.path ? { hops: d.path.nodes.length, ends: [d.path.nodes[0].id, d.path.nodes.at(-1).id] } : null,
        raw: (d) => (d.length > 0 ? { hops: d.length, ends: [d[0], d.at(-1)] } : null),
      },
    },
  ];
}
