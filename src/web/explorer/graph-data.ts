/** Turns a neighbourhood answer into graph elements: typed nodes and labelled edges, deduplicated by id. */

export interface Entity {
  __typename: string;
  id: string;
  [field: string]: unknown;
}

export interface GraphNode {
  id: string;
  type: string;
  label: string;
  date?: string;
  data: Entity;
}

export interface EvidenceItem {
  excerpt: string;
  source: { title: string; publisher: string; publishedAt: string };
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  /** The excerpts that back this link itself (membership, leadership, a role), when it has its own. */
  evidence?: EvidenceItem[];
}

export function labelOf(entity: Entity): string {
  const text = (entity.name ?? entity.title ?? entity.summary ?? entity.text ?? entity.id) as string;
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}

function isEntity(value: unknown): value is Entity {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Entity).id === 'string' &&
    typeof (value as Entity).__typename === 'string'
  );
}

/** Neighbour lists of each field, and the label their edges get (from the centre's point of view). */
const EDGE_LABELS: Record<string, string> = {
  officials: 'official',
  memberships: 'member of',
  meetings: 'took part',
  positions: 'stance',
  statements: 'said',
  statementsMade: 'statement made here',
  expresses: 'expresses',
  basedOn: 'based on',
  nation: 'national of',
  place: 'held at',
  convenedBy: 'convened by',
  chairs: 'chaired by',
  participants: 'attended by',
  topics: 'about',
  speaker: 'said by',
  meeting: 'made at',
  holder: 'held by',
  topic: 'on topic',
  broader: 'broader',
  narrower: 'narrower',
  within: 'within',
  country: 'in country',
};

/**
 * Links that carry their own evidence: each item is `{ <end>: entity, evidence, title? }`. The edge
 * goes to the first end present and is labelled by `label`, or by the item's title (a role).
 */
const LINK_FIELDS: Record<string, { ends: string[]; label?: string }> = {
  membersWithEvidence: { ends: ['nation'], label: 'member' },
  leadersWithEvidence: { ends: ['leader'], label: 'led by' },
  roles: { ends: ['organization', 'nation'] },
};

export function neighbourhood(centre: Entity): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [toNode(centre)];
  const edges: GraphEdge[] = [];
  for (const [field, link] of Object.entries(LINK_FIELDS)) {
    const items = Array.isArray(centre[field]) ? (centre[field] as Record<string, unknown>[]) : [];
    for (const item of items) {
      const end = link.ends.map((key) => item[key]).find(isEntity);
      if (!end) continue;
      nodes.push(toNode(end));
      edges.push({
        id: `${centre.id}|${field}|${end.id}|${String(item.title ?? '')}`,
        source: centre.id,
        target: end.id,
        label: link.label ?? String(item.title ?? field),
        evidence: Array.isArray(item.evidence) ? (item.evidence as EvidenceItem[]) : [],
      });
    }
  }
  for (const [field, label] of Object.entries(EDGE_LABELS)) {
    const value = centre[field];
    const list = Array.isArray(value)
      ? value
      : value && typeof value === 'object' && Array.isArray((value as { nodes?: unknown }).nodes)
        ? (value as { nodes: unknown[] }).nodes
        : value
          ? [value]
          : [];
    for (const item of list) {
      if (!isEntity(item)) continue;
      nodes.push(toNode(item));
      edges.push({ id: `${centre.id}|${field}|${item.id}`, source: centre.id, target: item.id, label });
    }
  }
  return { nodes, edges };
}

function toNode(entity: Entity): GraphNode {
  return {
    id: entity.id,
    type: entity.__typename,
    label: labelOf(entity),
    date: ((entity.date ?? entity.meetingDate) as string | undefined) ?? undefined,
    data: entity,
  };
}
