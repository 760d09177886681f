/**
 * The facts a batch of change-log entries is about, in one statement for the whole batch (every
 * subscriber of the instance shares the result). Retracted facts are read too: a FACT_RETRACTED
 * event carries the fact it hides, and a recorded fact may have been retracted since.
 */
import { cypher, type CypherQuery } from '../../graph/cypher';
import { lookupProjection } from '../../graph/lookup-projection.cypher';
import { FACT_LABELS } from '../../graph/change-log.cypher';
import type { Label } from '../../graph/model';

/** Rows `id`, `node` for each id found, whatever its label among FACT_LABELS (`byLabel` keys). */
export function factsByIdQuery(byLabel: ReadonlyMap<Label, readonly string[]>): CypherQuery {
  const labels = FACT_LABELS.filter((label) => (byLabel.get(label)?.length ?? 0) > 0);
  const params: Record<string, unknown> = {};
  const branches = labels.map((label, index) => {
    params[`ids${index}`] = [...byLabel.get(label)!];
    return `UNWIND $ids${index} AS id MATCH (n:${label} {id: id}) RETURN id, ${lookupProjection('n')} AS node`;
  });
  if (branches.length === 0) return cypher('UNWIND [] AS id RETURN id, null AS node', {});
  return cypher(branches.join('\nUNION ALL\n'), params);
}
