/**
 * A page of the change log with each entry's subject as it is now, in one read: the log's head
 * (to tell a forged cursor), the entries after a seq, and their nodes, retracted facts included
 * (a syncing client is shown what was retracted). The entries are read as changesAfterQuery reads
 * them (graph/change-log.cypher.ts); the subject is looked up under its own label, by its id.
 */
import {
  CHANGE_COUNTER,
  CHANGE_ROW_PROJECTION,
  HEAD_THEN_ENTRIES,
  type ChangeKind,
  type ChangeRow,
} from '../../graph/change-log.cypher';
import { cypher, type CypherQuery } from '../../graph/cypher';
import { lookupProjection } from '../../graph/lookup-projection.cypher';
import { ENTITY_LABELS } from '../../graph/model';
import { int } from '../../graph/values';
import type { Plain } from '../../graph/values';

export interface ChangePageRow {
  head: number;
  changes: { change: ChangeRow; subject: ({ id: string } & Record<string, Plain>) | null }[];
}

/** Entries after seq `after`, at most `limit`, of these kinds (null: all), oldest first. */
export function changesPageQuery(
  after: number,
  limit: number,
  kinds: readonly ChangeKind[] | null,
): CypherQuery {
  // One branch per label: a label in a pattern can't come from data, and each branch seeks its
  // label's id index. Labels are the model's constants, never the stored text as such.
  const subjectBranches = ENTITY_LABELS.map(
    (label) => `WITH c WHERE c.subjectLabel = '${label}'
    MATCH (n:${label} {id: c.subjectId})
    RETURN ${lookupProjection('n')} AS subject`,
  ).join('\n    UNION\n    ');
  return cypher(
    `${HEAD_THEN_ENTRIES.head}
CALL (head) {
  ${HEAD_THEN_ENTRIES.entries}
  OPTIONAL CALL (c) {
    ${subjectBranches}
  }
  RETURN collect({change: ${CHANGE_ROW_PROJECTION}, subject: subject}) AS changes
}
RETURN head, changes`,
    { counter: CHANGE_COUNTER, after: int(after), first: int(limit), kinds },
  );
}
