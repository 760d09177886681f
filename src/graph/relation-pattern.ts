/**
 * Patterns of one relationship, the common case of a RelationSpec: written once here, so such a
 * spec says which relationship and label it follows and is single-hop by construction.
 */
import type { Label, Rel } from './model';
import type { RelationSpec } from './page-spec';

type OneHop = Pick<RelationSpec, 'pattern' | 'singleHop'>;

/** `(parent)-[:TYPE]->(node:Label)` */
export function outgoing(type: Rel, label: Label): OneHop {
  return { pattern: ({ parent, node }) => `(${parent})-[:${type}]->(${node}:${label})`, singleHop: true };
}

/** `(parent)<-[:TYPE]-(node:Label)` */
export function incoming(type: Rel, label: Label): OneHop {
  return { pattern: ({ parent, node }) => `(${parent})<-[:${type}]-(${node}:${label})`, singleHop: true };
}

/** Orders by one property of the related node. */
export function byProperty(property: string): (node: string) => string {
  return (node) => `${node}.${property}`;
}
