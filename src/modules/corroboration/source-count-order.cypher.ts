/**
 * A listing ordered by how many sources state each item (`sourceCount`, kept on the node by every
 * write: docs/corroboration.md). The count is a number and page keys are strings, so the key is the
 * count zero-padded to a fixed width: its string order is the numeric order, and cursors keep their
 * one format. No index can serve it (an expression, and a node no source mentions has no count), so
 * every match is sorted: the listing's filters bound the cost, not an index.
 */
import type { RootPageSpec } from '../../graph/page-spec';

/** Wider than any count a graph can hold (ten digits: up to 9,999,999,999 sources). */
const KEY_WIDTH = 10;

export const SOURCE_COUNT_KEY = `right('${'0'.repeat(KEY_WIDTH)}' + toString(coalesce(n.sourceCount, 0)), ${KEY_WIDTH})`;

/** The same listing (its match, its count), ordered by source count instead of read along an index. */
export function bySourceCount(spec: RootPageSpec): RootPageSpec {
  return { match: spec.match, params: spec.params, sortKey: SOURCE_COUNT_KEY };
}
