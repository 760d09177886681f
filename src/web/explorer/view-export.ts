/**
 * The export of what the explorer draws, made in the browser: GraphML (nodes with type, label and
 * degree; directed edges with their type) and one CSV with a row per node and per edge. Nothing is
 * sent to the server: the file is what the analyst sees.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { create } from 'xmlbuilder2/lib/xmlbuilder2.min.js';
import type { DrawnView } from './drawn-view';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

/**
 * GraphML with typed keys, so tools (Gephi, yEd, graphology) read the degree as a number. Edges get
 * positional ids: ours join ids with `|` and may hold spaces, which GraphML's NMTOKEN ids forbid.
 */
export function viewToGraphml(view: DrawnView): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(GRAPHML_NS, 'graphml');
  const keys: [string, 'node' | 'edge', string, string][] = [
    ['type', 'node', 'type', 'string'],
    ['label', 'node', 'label', 'string'],
    ['degree', 'node', 'degree', 'int'],
    ['edgeType', 'edge', 'type', 'string'],
  ];
  for (const [id, target, name, type] of keys)
    root.ele('key', { id, for: target, 'attr.name': name, 'attr.type': type });
  const graph = root.ele('graph', { id: 'explorer-view', edgedefault: 'directed' });
  for (const node of view.nodes) {
    const element = graph.ele('node', { id: node.id });
    element.ele('data', { key: 'type' }).txt(node.type);
    element.ele('data', { key: 'label' }).txt(node.label);
    element.ele('data', { key: 'degree' }).txt(String(node.degree));
  }
  view.edges.forEach((edge, index) => {
    graph
      .ele('edge', { id: `e${index}`, source: edge.source, target: edge.target })
      .ele('data', { key: 'edgeType' })
      .txt(edge.type);
  });
  return root.end({ prettyPrint: true });
}

/** One table for both: `element` says which, and the columns the other kind lacks stay empty. */
export function viewToCsv(view: DrawnView): string {
  const rows = [
    ...view.nodes.map((node) => ['node', node.id, node.type, node.label, node.degree, '', '']),
    ...view.edges.map((edge) => ['edge', '', edge.type, '', '', edge.source, edge.target]),
  ];
  return stringify(rows, {
    header: true,
    columns: ['element', 'id', 'type', 'label', 'degree', 'source', 'target'],
    record_delimiter: 'windows',
  });
}
