/**
 * A measured network as GEXF 1.3, Gephi's own format, written by graphology-gexf. A pure function
 * (graph in, text out): the export route, the explorer and a CLI can all use it.
 */
import { write } from 'graphology-gexf';
import type { MeasuredNetwork } from './network-measures';

export function networkToGexf(graph: MeasuredNetwork): string {
  return write(graph, {
    version: '1.3',
    // Gephi shows the label; the id stays the node's id. Every measure goes along as an attribute.
    formatNode: (id, attributes) => ({ label: attributes.name ?? id, attributes: { ...attributes } }),
    formatEdge: (_key, attributes) => ({ weight: attributes.weight }),
  });
}
