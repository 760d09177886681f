/** Cypher specs for organizations: listing, members and leaders. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec, RootPageSpec } from '../../graph/paging.cypher';
import { nameMatch } from '../common/name-filter.cypher';
import { actorRelations } from '../node/actor.cypher';

export function organizationsQuery(filter: { name?: string | null }): RootPageSpec {
  if (filter.name == null) return { match: `MATCH (n:${Label.Organization})`, sortKey: 'n.sortName' };
  const byName = nameMatch(Label.Organization, 'n', filter.name, 'name');
  return { match: byName.cypher, params: byName.params, sortKey: 'n.sortName' };
}

export const ORGANIZATION_ACTOR = actorRelations(Label.Organization);

export const ORGANIZATION_MEMBERS: RelationSpec = {
  name: 'Organization.members',
  parentLabel: Label.Organization,
  pattern: `(p)<-[:${Rel.MEMBER_OF}]-(n:${Label.Nation})`,
  sortKey: 'n.sortName',
};

/** Leaders may be nations, officials or other organizations. */
export const ORGANIZATION_LEADERS: RelationSpec = {
  name: 'Organization.leaders',
  parentLabel: Label.Organization,
  pattern: `(p)<-[:${Rel.LEADS}]-(n:${Label.Actor})`,
  sortKey: 'n.sortName',
};
