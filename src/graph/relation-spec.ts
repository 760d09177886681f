/**
 * Builders of RelationSpecs. Patterns of one relationship, the common case, are written once here,
 * so such a spec says which relationship and label it follows and is single-hop by construction.
 */
import type { Label, Rel } from './model';
import type { RelationSpec } from './page-spec';

/** Where a relation leads: its pattern and whether that is one hop. */
export type RelationPath = Pick<RelationSpec, 'pattern' | 'singleHop'>;

/**
 * `<parentLabel>.<name>` names the relation: its batches and the cursors of its connection, so a
 * name stays as it is once clients hold cursors.
 */
export function relationSpec(
  parentLabel: Label,
  name: string,
  path: RelationPath,
  sortKey = byProperty('sortName'),
  where?: RelationSpec['where'],
): RelationSpec {
  return { name: `${parentLabel}.${name}`, parentLabel, ...path, sortKey, ...(where ? { where } : {}) };
}

/** `(parent)-[:TYPE]->(node:Label)` */
export function outgoing(type: Rel, label: Label): RelationPath {
  return { pattern: ({ parent, node }) => `(${parent})-[:${type}]->(${node}:${label})`, singleHop: true };
}

/** `(parent)<-[:TYPE]-(node:Label)` */
export function incoming(type: Rel, label: Label): RelationPath {
  return { pattern: ({ parent, node }) => `(${parent})<-[:${type}]-(${node}:${label})`, singleHop: true };
}

/** Orders by one property of the related node. */
export function byProperty(property: string): (node: string) => string {
  return (node) => `${node}.${property}`;
}
