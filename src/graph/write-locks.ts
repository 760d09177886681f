/**
 * Locks that make a write's integrity checks hold under concurrency. Neo4j reads without locks
 * (read committed), so two transactions could both see "no such statement yet" and both write it
 * with different speakers. A write therefore first takes the exclusive lock of every node it will
 * check and write, and only then reads them: a concurrent write of the same ids waits until this
 * one commits and then sees its result, exactly as if the two had run one after the other.
 *
 * A node that doesn't exist yet is created bare (just its id) to be locked: the uniqueness
 * constraint on ids makes a second transaction's MERGE of it wait for the first to commit. The
 * write that follows gives it its properties; a write that fails rolls it back with everything
 * else. To the write's own checks a bare node is "nothing stored yet": it has no data to conflict
 * with (a bare source exists but has no text, which is how the text check tells it apart).
 *
 * Ids are locked in one order (label by label in a fixed sequence, ids sorted within), so two writes
 * of overlapping records queue instead of deadlocking. A lock taken later (a relationship to an
 * entity the write only refers to) can still cross another's: Neo4j detects that deadlock and the
 * write gateway retries the transaction.
 */
import { cypher, type CypherQuery } from './cypher';
import { Label } from './model';

/**
 * Locks the nodes of one label with these ids, in sorted order. `create: false` locks only nodes
 * that exist (for a retraction, which must not conjure up the fact it retracts). Writing a property
 * is what takes a node's exclusive lock (the Neo4j manual's idiom against lost updates); removing
 * it in the same statement leaves the node as it was, while the lock is held until the
 * transaction ends.
 */
export function lockNodesQuery(
  label: Label,
  ids: Iterable<string>,
  options: { create: boolean } = { create: true },
): CypherQuery {
  const sorted = [...new Set(ids)].sort();
  return cypher(
    `UNWIND $ids AS id
${options.create ? 'MERGE' : 'MATCH'} (n:${label} {id: id})
SET n.lockHeld = true
REMOVE n.lockHeld`,
    { ids: sorted },
  );
}

/**
 * The one lock of the topic taxonomy, taken first by every write that links a topic to a broader
 * one: such writes are rare, and only a single lock lets each see every other's links before it
 * checks for a cycle. Unique by name (a constraint in graph/schema.ts), so two first uses create
 * one node.
 */
export function lockTaxonomyQuery(): CypherQuery {
  return lockNamesQuery(['taxonomy']);
}

/**
 * Named locks, in sorted order: what a write must hold before it looks for something that doesn't
 * exist yet (a meeting on a day, an official by name), so a racing write looking for the same
 * thing waits and then finds what the first one created (see ingest/resolve/).
 */
export function lockNamesQuery(names: Iterable<string>): CypherQuery {
  return cypher(
    `UNWIND $names AS name
MERGE (l:${Label.WriteLock} {name: name})
SET l.held = true
REMOVE l.held`,
    { names: [...new Set(names)].sort() },
  );
}
