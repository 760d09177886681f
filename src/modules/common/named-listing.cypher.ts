/**
 * The root listing of a named type (nations, officials, organizations, topics): by sort name,
 * every node read along the sortName index, or the nodes whose name or alias matches a filter;
 * either way with the corroboration conditions (`minSources`) on `n`.
 */
import type { NamedLabel } from '../../graph/model';
import type { RootPageSpec } from '../../graph/page-spec';
import {
  NO_CORROBORATION_CRITERIA,
  type CorroborationCriteria,
} from '../corroboration/corroboration-criteria';
import { corroborationConditions } from '../corroboration/corroboration-filter.cypher';
import { nameMatch } from './name-filter.cypher';

export function namedListing(
  label: NamedLabel,
  filter: { name?: string | null },
  corroboration: CorroborationCriteria = NO_CORROBORATION_CRITERIA,
): RootPageSpec {
  const { conditions, params } = corroborationConditions(corroboration);
  const where = conditions.length > 0 ? conditions.join(' AND ') : undefined;
  if (filter.name == null) {
    return {
      match: `MATCH (n:${label})${where ? ` WHERE ${where}` : ''}`,
      params,
      sortKey: 'n.sortName',
      indexedOrder: { label, property: 'sortName', ...(where ? { where } : {}) },
    };
  }
  const byName = nameMatch(label, 'n', filter.name, 'name');
  return {
    match: `${byName.cypher}${where ? ` AND ${where}` : ''}`,
    params: { ...byName.params, ...params },
    sortKey: 'n.sortName',
  };
}
