/** Cypher specs for officials and their roles. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec, RootPageSpec } from '../../graph/paging.cypher';
import { nameMatch } from '../common/name-filter.cypher';
import { actorRelations } from '../node/actor.cypher';

export function officialsQuery(filter: { name?: string | null }): RootPageSpec {
  if (filter.name == null) {
    return {
      match: `MATCH (n:${Label.Official})`,
      sortKey: 'n.sortName',
      indexedOrder: { label: Label.Official, property: 'sortName' },
    };
  }
  const byName = nameMatch(Label.Official, 'n', filter.name, 'name');
  return { match: byName.cypher, params: byName.params, sortKey: 'n.sortName' };
}

export const OFFICIAL_ACTOR = actorRelations(Label.Official);

export const OFFICIAL_NATION: RelationSpec = {
  name: 'Official.nation',
  parentLabel: Label.Official,
  pattern: `(p)-[:${Rel.NATIONAL_OF}]->(n:${Label.Nation})`,
  sortKey: 'n.sortName',
};

export const OFFICIAL_ROLES: RelationSpec = {
  name: 'Official.roles',
  parentLabel: Label.Official,
  pattern: `(p)-[:${Rel.HOLDS_ROLE}]->(n:${Label.Role})`,
  sortKey: 'coalesce(n.since, n.asOf)',
};

export const ROLE_NATION: RelationSpec = {
  name: 'Role.nation',
  parentLabel: Label.Role,
  pattern: `(p)-[:${Rel.ROLE_FOR_NATION}]->(n:${Label.Nation})`,
  sortKey: 'n.sortName',
};

export const ROLE_ORGANIZATION: RelationSpec = {
  name: 'Role.organization',
  parentLabel: Label.Role,
  pattern: `(p)-[:${Rel.ROLE_IN}]->(n:${Label.Organization})`,
  sortKey: 'n.sortName',
};

export const ROLE_HOLDER: RelationSpec = {
  name: 'Role.holder',
  parentLabel: Label.Role,
  pattern: `(p)<-[:${Rel.HOLDS_ROLE}]-(n:${Label.Official})`,
  sortKey: 'n.sortName',
};
