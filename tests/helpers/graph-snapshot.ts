/**
 * The whole graph as plain data, to compare two graphs node for node and link for link: every node
 * by id with its labels and properties (integers told apart from floats), every relationship by
 * type and end ids with its properties. Write locks and the change log are bookkeeping and left out.
 */
import type { GraphDatabase } from '../../src/graph/database';
import { CHANGE_LABEL } from '../../src/graph/change-log.cypher';
import { Label } from '../../src/graph/model';
import { typedPropertiesOf, type TypedProperties } from '../../src/graph/typed-properties';

export interface NodeState {
  labels: string[];
  props: Record<string, unknown>;
  integers: string[];
}

export interface GraphSnapshot {
  /** By labels and id (`Official:Actor official:john-healey`). */
  nodes: Map<string, NodeState>;
  /** `TYPE from -> to {props}`, sorted. */
  relationships: string[];
}

function sortedKeys(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(values)
      .sort()
      .map((key) => [key, values[key]]),
  );
}

export async function graphSnapshot(db: GraphDatabase): Promise<GraphSnapshot> {
  const nodeRows = await db.read({
    cypher: `MATCH (n) WHERE NOT n:${Label.WriteLock} AND NOT n:${CHANGE_LABEL}
RETURN n.id AS id, labels(n) AS labels, ${typedPropertiesOf('n')} AS props`,
    params: {},
  });
  const nodes = new Map<string, NodeState>();
  for (const row of nodeRows) {
    const props = row.props as unknown as TypedProperties;
    const labels = [...(row.labels as string[])].sort();
    // An alias's id is the id of the node merged away: the label tells them apart.
    nodes.set(`${labels.join(':')} ${String(row.id)}`, {
      labels,
      props: sortedKeys(props.values),
      integers: [...props.integers].sort(),
    });
  }
  const relationshipRows = await db.read({
    cypher: `MATCH (a)-[r]->(b) WHERE NOT a:${Label.WriteLock} AND NOT b:${Label.WriteLock}
RETURN type(r) AS type, a.id AS from, b.id AS to, ${typedPropertiesOf('r')} AS props`,
    params: {},
  });
  const relationships = relationshipRows
    .map((row) => {
      const props = row.props as unknown as TypedProperties;
      return `${String(row.type)} ${String(row.from)} -> ${String(row.to)} ${JSON.stringify(sortedKeys(props.values))} ${JSON.stringify([...props.integers].sort())}`;
    })
    .sort();
  return { nodes, relationships };
}

/** Node counts per label and relationship counts per type. */
export function countsOf(snapshot: GraphSnapshot): {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
} {
  const nodes: Record<string, number> = {};
  for (const node of snapshot.nodes.values())
    for (const label of node.labels) nodes[label] = (nodes[label] ?? 0) + 1;
  const relationships: Record<string, number> = {};
  for (const line of snapshot.relationships) {
    const type = line.slice(0, line.indexOf(' '));
    relationships[type] = (relationships[type] ?? 0) + 1;
  }
  return { nodes, relationships };
}

/** Ids of the nodes with a label, sorted. */
export function idsWith(snapshot: GraphSnapshot, label: string): string[] {
  return nodesWith(snapshot, label).map(([, node]) => String(node.props.id));
}

/** The nodes with a label, by id, with their properties (audit records: compared whole). */
export function nodesWith(snapshot: GraphSnapshot, label: string): [string, NodeState][] {
  return [...snapshot.nodes]
    .filter(([, node]) => node.labels.includes(label))
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Property differences between two snapshots' nodes of the same id: `id.key: a -> b`. */
export function propertyDifferences(
  a: GraphSnapshot,
  b: GraphSnapshot,
  ignore: readonly string[] = [],
): string[] {
  const differences: string[] = [];
  for (const [id, node] of a.nodes) {
    const other = b.nodes.get(id);
    if (!other) continue;
    const keys = new Set([...Object.keys(node.props), ...Object.keys(other.props)]);
    for (const key of keys) {
      if (ignore.includes(key)) continue;
      const here = JSON.stringify(node.props[key]);
      const there = JSON.stringify(other.props[key]);
      if (here !== there || node.integers.includes(key) !== other.integers.includes(key))
        differences.push(`${id}.${key}: ${here} -> ${there}`);
    }
  }
  return differences.sort();
}
