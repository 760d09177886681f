/**
 * The facts a batch of change-log entries is about, in one statement for the whole batch (every
 * subscriber of the instance shares the result). Retracted facts are read too: a FACT_RETRACTED
 * event carries the fact it hides, and a recorded fact may have been retracted since.
 */
import { asOneRead, cypher, type CypherQuery } from '../../graph/cypher';
import { FACT_LABELS } from '../../graph/change-log.cypher';
import type { Label } from '../../graph/model';
import { nodesByIdQuery } from '../../graph/paging.cypher';

/** Rows `id`, `node` for each id found, whatever its label among FACT_LABELS (`byLabel` keys). */
export function factsByIdQuery(byLabel: ReadonlyMap<Label, readonly string[]>): CypherQuery {
  const reads = FACT_LABELS.filter((label) => (byLabel.get(label)?.length ?? 0) > 0).map((label) =>
    nodesByIdQuery(label, byLabel.get(label)!, { retracted: true }),
  );
  return reads.length > 0 ? asOneRead(reads) : cypher('UNWIND [] AS id RETURN id, null AS node', {});
}
