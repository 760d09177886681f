/**
 * A measured network as GraphML, for Cytoscape, Gephi and yEd. graphology-graphml only parses, so
 * the file is written here with xmlbuilder2 (which escapes every name and id). A pure function
 * (graph in, text out): the export route, the explorer and a CLI can all use it.
 */
import { create } from 'xmlbuilder2';
import type { MeasuredNetwork, NetworkEdgeAttributes, NetworkNodeAttributes } from './network-measures';

type GraphmlType = 'string' | 'int' | 'double';

/** Every attribute written, declared once as a GraphML key: readers type the values from these. */
const NODE_KEYS: readonly [keyof NetworkNodeAttributes, GraphmlType][] = [
  ['name', 'string'],
  ['type', 'string'],
  ['degree', 'int'],
  ['weightedDegree', 'double'],
  ['betweenness', 'double'],
  ['community', 'int'],
];
const EDGE_KEYS: readonly [keyof NetworkEdgeAttributes, GraphmlType][] = [['weight', 'double']];

export function networkToGraphml(graph: MeasuredNetwork): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
  });
  for (const [name, type] of NODE_KEYS)
    root.ele('key', { id: name, for: 'node', 'attr.name': name, 'attr.type': type });
  for (const [name, type] of EDGE_KEYS)
    root.ele('key', { id: name, for: 'edge', 'attr.name': name, 'attr.type': type });
  const body = root.ele('graph', { id: 'network', edgedefault: 'undirected' });
  graph.forEachNode((id, attributes) => {
    const node = body.ele('node', { id });
    for (const [name] of NODE_KEYS) {
      const value = attributes[name];
      // An unnamed actor has no name value at all, rather than an empty one.
      if (value !== null) node.ele('data', { key: name }).txt(String(value));
    }
  });
  graph.forEachEdge((key, attributes, source, target) => {
    const edge = body.ele('edge', { id: key, source, target });
    for (const [name] of EDGE_KEYS) edge.ele('data', { key: name }).txt(String(attributes[name]));
  });
  return root.end({ prettyPrint: true });
}
