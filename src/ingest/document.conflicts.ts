/**
 * Detects an id reused with conflicting data across documents: the same `nation:gbr` with another
 * ISO code, a meeting id with another date. Spelling variants are not conflicts: a name that is an
 * alias of the other (Hakkanen / Häkkänen) is the same entity seen by another report.
 */
import { isNamedLabel, Label } from '../graph/model';
import { foldText } from '../graph/text';
import type { NodeRow } from './graph-write.cypher';

export interface Conflict {
  record: string;
  field: string;
  message: string;
}

/** Fields that identify what a record is; a different value under the same id is a conflict. */
const IDENTIFYING_FIELDS: Partial<Record<Label, string[]>> = {
  [Label.Nation]: ['iso3'],
  [Label.Organization]: ['kind'],
  [Label.Place]: ['kind'],
  [Label.Role]: ['title'],
  [Label.Meeting]: ['date'],
  [Label.Statement]: ['text', 'kind'],
  [Label.Position]: ['stance'],
};

function sameName(stored: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  const storedNames = [stored.name, ...((stored.aliases as string[] | undefined) ?? [])].map((name) =>
    foldText(String(name)),
  );
  const incomingNames = [incoming.name, ...((incoming.aliases as string[] | undefined) ?? [])].map((name) =>
    foldText(String(name)),
  );
  return storedNames.some((name) => incomingNames.includes(name));
}

export function findConflicts(label: Label, row: NodeRow, stored: Record<string, unknown>): Conflict[] {
  const conflicts: Conflict[] = [];
  const describe = (field: string, here: unknown, there: unknown) =>
    `id reused with conflicting data: ${field} is ${JSON.stringify(here)} here but ${JSON.stringify(there)} in the graph (from an earlier document); use the same value, or another id for another ${label.toLowerCase()}`;
  if (isNamedLabel(label) && stored.name !== undefined && !sameName(stored, row.props)) {
    conflicts.push({ record: row.id, field: 'name', message: describe('name', row.props.name, stored.name) });
  }
  for (const field of IDENTIFYING_FIELDS[label] ?? []) {
    const here = row.props[field];
    const there = stored[field];
    if (here != null && there != null && here !== there) {
      conflicts.push({ record: row.id, field, message: describe(field, here, there) });
    }
  }
  return conflicts;
}
