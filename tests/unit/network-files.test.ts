/**
 * The network measures and file writers without a database: a synthetic fixture (made-up ids)
 * measured by hand, and the GraphML and GEXF texts read back by graphology's own parsers.
 */
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { measuredNetwork } from '../../src/modules/network/network-measures';
import { networkToGexf } from '../../src/modules/network/network.gexf';
import { networkToGraphml } from '../../src/modules/network/network.graphml';

// Synthetic fixture: a star x–y, x–z (weights 2 and 1) and an unnamed node w with no links. The
// name of x holds XML's special characters, which must survive both formats.
const STAR = {
  nodes: [
    { id: 'nation:xzz', name: 'Zed', type: 'Nation' },
    { id: 'organization:w', name: null, type: 'Organization' },
    { id: 'nation:xxx', name: 'Ex <&> "quoted"', type: 'Nation' },
    { id: 'nation:xyy', name: 'Why', type: 'Nation' },
  ],
  edges: [
    { source: 'nation:xxx', target: 'nation:xyy', weight: 2 },
    { source: 'nation:xxx', target: 'nation:xzz', weight: 1 },
  ],
};

describe('measuredNetwork', () => {
  it('measures a star with an isolated node by hand', () => {
    const graph = measuredNetwork(STAR);
    // x is on the one shortest path between y and z: 1 of the C(3,2) = 3 pairs of other nodes.
    // Louvain: w has no links, so it is alone; {x,y,z} is one community (m = 3: one community gives
    // 3/3 - (6/6)^2 = 0, splitting z off gives 2/3 - (5/6)^2 - (1/6)^2 = -0.0556). Numbered by
    // smallest id: nation:xxx's community is 0, organization:w's is 1.
    expect(graph.getNodeAttributes('nation:xxx')).toMatchObject({
      degree: 2,
      weightedDegree: 3,
      community: 0,
    });
    expect(graph.getNodeAttribute('nation:xxx', 'betweenness')).toBeCloseTo(1 / 3, 10);
    expect(graph.getNodeAttributes('organization:w')).toMatchObject({
      degree: 0,
      betweenness: 0,
      community: 1,
    });
  });

  it('measures an empty network without failing', () => {
    expect(measuredNetwork({ nodes: [], edges: [] }).order).toBe(0);
  });
});

describe('network files', () => {
  it('writes GraphML with declared keys that graphology-graphml reads back', () => {
    const text = networkToGraphml(measuredNetwork(STAR));
    for (const key of ['name', 'type', 'degree', 'weightedDegree', 'betweenness', 'community', 'weight'])
      expect(text).toContain(`attr.name="${key}"`);
    const graph = parseGraphml(Graph, text);
    expect([graph.order, graph.size, graph.type]).toEqual([4, 2, 'undirected']);
    expect(graph.getNodeAttributes('nation:xxx')).toMatchObject({
      name: 'Ex <&> "quoted"',
      degree: 2,
      weightedDegree: 3,
    });
    // An unnamed actor has no name at all in the file, not an empty one.
    expect(graph.getNodeAttributes('organization:w')).not.toHaveProperty('name');
    expect(graph.getEdgeAttribute(graph.edge('nation:xxx', 'nation:xyy'), 'weight')).toBe(2);
  });

  it('writes GEXF that graphology-gexf reads back, the same text for the same network', () => {
    const text = networkToGexf(measuredNetwork(STAR));
    expect(networkToGexf(measuredNetwork(STAR))).toBe(text);
    const graph = parseGexf(Graph, text);
    expect([graph.order, graph.size]).toEqual([4, 2]);
    expect(graph.getNodeAttributes('nation:xxx')).toMatchObject({
      label: 'Ex <&> "quoted"',
      type: 'Nation',
      community: 0,
    });
    expect(graph.getEdgeAttribute(graph.edge('nation:xxx', 'nation:xyy'), 'weight')).toBe(2);
  });
});
