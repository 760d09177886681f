/**
 * What a document's write changed, for the change log (graph/change-log.cypher.ts): each record the
 * write created or changed, told apart by its stored state before and after the write (properties
 * and number of relationships), so a re-import or a repeated mutation that changes nothing appends
 * nothing. Facts are FACT_RECORDED, entities ENTITY_UPSERTED.
 */
import type { Row } from '../graph/database';
import { ChangeKind, FACT_LABELS, type ChangeToAppend } from '../graph/change-log.cypher';
import { Label } from '../graph/model';

/** A node's state as existingNodesQuery reads it. */
interface NodeState {
  props: Record<string, unknown>;
  degree: number;
}

function statesById(rows: readonly Row[][]): Map<string, NodeState> {
  const states = new Map<string, NodeState>();
  for (const row of rows.flat()) {
    states.set(row.id as string, {
      props: row.props as Record<string, unknown>,
      degree: row.degree as number,
    });
  }
  return states;
}

/** JSON with map keys sorted, so two reads of the same properties give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function changed(before: NodeState | undefined, after: NodeState | undefined): boolean {
  if (!after) return false;
  // A node this write created was absent before, or the bare node its lock made (graph/write-locks.ts).
  if (!before) return true;
  return before.degree !== after.degree || canonical(before.props) !== canonical(after.props);
}

export function changeKindFor(label: Label): ChangeKind {
  return FACT_LABELS.includes(label) ? ChangeKind.FACT_RECORDED : ChangeKind.ENTITY_UPSERTED;
}

/**
 * The changes of one document's write, in the order of its rows. `source` is the source the
 * document owns (imports), whose text and hash it wrote; API mutations only cite a source.
 * `relinked`: records whose single link (speaker, holder, place...) the write moved elsewhere.
 */
export function documentChanges(
  groups: readonly { label: Label; rows: readonly { id: string }[] }[],
  before: readonly Row[][],
  after: readonly Row[][],
  source: string | null,
  relinked: readonly string[] = [],
): ChangeToAppend[] {
  const old = statesById(before);
  const now = statesById(after);
  // A moved link (a corrected speaker) keeps the record's properties and degree as they were.
  const moved = new Set(relinked);
  const changes: ChangeToAppend[] =
    source === null
      ? []
      : [{ kind: ChangeKind.ENTITY_UPSERTED, subjectId: source, subjectLabel: Label.Source }];
  for (const group of groups) {
    for (const row of group.rows) {
      if (moved.has(row.id) || changed(old.get(row.id), now.get(row.id)))
        changes.push({ kind: changeKindFor(group.label), subjectId: row.id, subjectLabel: group.label });
    }
  }
  return changes;
}
