/** Cypher specs for nations: listing with filters, and relations to officials, organizations, meetings, stances. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec, RootPageSpec } from '../../graph/paging.cypher';
import { nameMatch } from '../common/name-filter.cypher';
import { evidenceOf } from '../evidence/evidence.cypher';
import { actorRelations } from '../node/actor.cypher';

export function nationsQuery(filter: { name?: string | null }): RootPageSpec {
  if (filter.name == null) {
    return {
      match: `MATCH (n:${Label.Nation})`,
      sortKey: 'n.sortName',
      indexedOrder: { label: Label.Nation, property: 'sortName' },
    };
  }
  const byName = nameMatch(Label.Nation, 'n', filter.name, 'name');
  return { match: byName.cypher, params: byName.params, sortKey: 'n.sortName' };
}

export const NATION_OFFICIALS: RelationSpec = {
  name: 'Nation.officials',
  parentLabel: Label.Nation,
  pattern: `(p)<-[:${Rel.NATIONAL_OF}]-(n:${Label.Official})`,
  sortKey: 'n.sortName',
};

export const NATION_MEMBERSHIPS: RelationSpec = {
  name: 'Nation.memberships',
  parentLabel: Label.Nation,
  pattern: `(p)-[:${Rel.MEMBER_OF}]->(n:${Label.Organization})`,
  sortKey: 'n.sortName',
};

export const NATION_ACTOR = actorRelations(Label.Nation);

export const NATION_EVIDENCE = evidenceOf(Label.Nation);
