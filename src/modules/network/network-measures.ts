/**
 * Builds the graphology graph of a network and computes each node's measures on it, in the API
 * process: Neo4j Community here has no GDS plugin, so betweenness and Louvain are not available in
 * Cypher. The network is bounded (MAX_NETWORK_SIZE) before it gets here, so this stays quick.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';
import { prng } from '../../prng';

/** Louvain visits nodes in a random order; a fixed seed makes the same network give the same communities. */
export const LOUVAIN_SEED = 20250411;

export interface NetworkNodeAttributes {
  name: string | null;
  type: string;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  community: number;
}

export interface NetworkEdgeAttributes {
  weight: number;
}

/** A network with its measures on every node: what the GraphQL answer and the file writers are made from. */
export type MeasuredNetwork = UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>;

export interface NetworkInput {
  nodes: readonly { id: string; name: string | null; type: string }[];
  edges: readonly { source: string; target: string; weight: number }[];
}

export function measuredNetwork(input: NetworkInput): MeasuredNetwork {
  const graph: MeasuredNetwork = new UndirectedGraph();
  // Inserted in id order: Louvain's result depends on the order it meets nodes, not only on its seed.
  for (const node of [...input.nodes].sort((a, b) => compareIds(a.id, b.id))) {
    graph.addNode(node.id, {
      name: node.name,
      type: node.type,
      degree: 0,
      weightedDegree: 0,
      betweenness: 0,
      community: 0,
    });
  }
  const edges = [...input.edges].sort(
    (a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target),
  );
  // Keys of our own (e0, e1, ...): graphology's generated ones differ from one graph instance to the next.
  edges.forEach((edge, index) =>
    graph.addEdgeWithKey(`e${index}`, edge.source, edge.target, { weight: edge.weight }),
  );

  // An empty network has nothing to measure (and graphology's betweenness refuses one).
  if (graph.order === 0) return graph;
  // Hops, not weights: a weight counts shared meetings (closeness), which Dijkstra would read as distance.
  const betweenness = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
  const communities = numberedCommunities(graph);
  graph.forEachNode((id) => {
    graph.mergeNodeAttributes(id, {
      degree: graph.degree(id),
      weightedDegree: weightedDegree(graph, id, 'weight'),
      betweenness: betweenness[id] ?? 0,
      community: communities.get(id) ?? 0,
    });
  });
  return graph;
}

/**
 * Louvain's communities, renumbered so the numbers mean something stable: 0 is the community of
 * the smallest id, 1 that of the smallest id not in community 0, and so on.
 */
function numberedCommunities(graph: MeasuredNetwork): Map<string, number> {
  // Louvain needs links to work on; without any, every node is a community of its own.
  const raw: Record<string, number> =
    graph.size === 0
      ? Object.fromEntries(graph.nodes().map((id, index) => [id, index]))
      : louvain(graph, { getEdgeWeight: 'weight', rng: prng(LOUVAIN_SEED) });
  const numbers = new Map<number, number>();
  const result = new Map<string, number>();
  for (const id of graph.nodes().sort(compareIds)) {
    let number = numbers.get(raw[id]);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(raw[id], number);
    }
    result.set(id, number);
  }
  return result;
}

/** Code-unit order, as Cypher compares strings: the same order on every machine and locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
