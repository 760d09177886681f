/**
 * The root listing of a named type (nations, officials, organizations, topics): by sort name,
 * every node read along the sortName index, or the nodes whose name or alias matches a filter.
 */
import type { NamedLabel } from '../../graph/model';
import type { RootPageSpec } from '../../graph/page-spec';
import { nameMatch } from './name-filter.cypher';

export function namedListing(label: NamedLabel, filter: { name?: string | null }): RootPageSpec {
  if (filter.name == null) {
    return {
      match: `MATCH (n:${label})`,
      sortKey: 'n.sortName',
      indexedOrder: { label, property: 'sortName' },
    };
  }
  const byName = nameMatch(label, 'n', filter.name, 'name');
  return { match: byName.cypher, params: byName.params, sortKey: 'n.sortName' };
}
