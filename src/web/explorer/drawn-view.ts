/**
 * What the explorer draws right now, as the degree sizing and the export see it: the nodes the
 * filters leave visible and the edges between two of them. Cytoscape counts a node's degree over
 * every element it holds, hidden ones too, so the degree here is counted over the drawn edges.
 */
import type { Core, EdgeCollection, NodeCollection } from 'cytoscape';

export interface DrawnNode {
  id: string;
  type: string;
  label: string;
  degree: number;
}

export interface DrawnEdge {
  source: string;
  target: string;
  type: string;
}

export interface DrawnView {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

function drawnElements(cy: Core): { nodes: NodeCollection; edges: EdgeCollection } {
  const nodes = cy.nodes().not('.hidden');
  const edges = nodes
    .connectedEdges()
    .filter((edge) => nodes.contains(edge.source()) && nodes.contains(edge.target()));
  return { nodes, edges };
}

/** Stores each node's degree among the drawn edges in its `degree` data, which its size maps from. */
export function updateDegrees(cy: Core): void {
  const { edges } = drawnElements(cy);
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.data('degree', node.connectedEdges().intersection(edges).length);
    });
  });
}

/** The drawn nodes and edges, read from the graph (call updateDegrees first). */
export function drawnView(cy: Core): DrawnView {
  const { nodes, edges } = drawnElements(cy);
  return {
    nodes: nodes.map((node) => ({
      id: node.id(),
      type: String(node.data('type')),
      label: String(node.data('label')),
      degree: Number(node.data('degree') ?? 0),
    })),
    edges: edges.map((edge) => ({
      source: edge.source().id(),
      target: edge.target().id(),
      type: String(edge.data('label')),
    })),
  };
}

/**
 * A node's drawn size in pixels: the area, not the width, grows with the degree, so a hub stands
 * out without swamping its neighbours; strictly increasing, so the highest degree is the largest.
 */
export function nodeSizeForDegree(degree: number): number {
  return Math.round(16 + 8 * Math.sqrt(Math.max(0, degree)));
}
