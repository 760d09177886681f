/** Cypher specs for organizations: listing, members and leaders. */
import { Label, Rel } from '../../graph/model';
import { cypher, type CypherQuery } from '../../graph/cypher';
import type { RelationSpec, RootPageSpec } from '../../graph/page-spec';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';
import { byProperty, incoming } from '../../graph/relation-pattern';
import { namedListing } from '../common/named-listing.cypher';

export function organizationsQuery(filter: { name?: string | null }): RootPageSpec {
  return namedListing(Label.Organization, filter);
}

export const ORGANIZATION_MEMBERS: RelationSpec = {
  name: 'Organization.members',
  parentLabel: Label.Organization,
  ...incoming(Rel.MEMBER_OF, Label.Nation),
  sortKey: byProperty('sortName'),
};

/** The nations among its leaders (the contract's `leaders: [Nation!]!`). */
export const ORGANIZATION_LEADING_NATIONS: RelationSpec = {
  name: 'Organization.leadingNations',
  parentLabel: Label.Organization,
  ...incoming(Rel.LEADS, Label.Nation),
  sortKey: byProperty('sortName'),
};

/** Leaders may be nations, officials or other organizations. */
export const ORGANIZATION_LEADERS: RelationSpec = {
  name: 'Organization.leaders',
  parentLabel: Label.Organization,
  ...incoming(Rel.LEADS, Label.Actor),
  sortKey: byProperty('sortName'),
};

/**
 * Members or leaders of each organization with the evidence kept on the link itself
 * (`r.evidence`, evidence ids), batched over organizations like a relation page.
 */
export function organizationLinksQuery(
  link: 'members' | 'leaders',
  organizationIds: readonly string[],
  first: number,
): CypherQuery {
  const pattern =
    link === 'members'
      ? `(p)<-[r:${Rel.MEMBER_OF}]-(n:${Label.Nation})`
      : `(p)<-[r:${Rel.LEADS}]-(n:${Label.Actor})`;
  return cypher(
    `UNWIND $ids AS parentId
MATCH (p:${Label.Organization} {id: parentId})
CALL (p) {
  MATCH ${pattern} WHERE ${visible('n')}
  WITH n, r ORDER BY n.sortName, n.id LIMIT $limit
  RETURN collect({node: properties(n), evidence: COLLECT {
    MATCH (e:${Label.Evidence}) WHERE e.id IN coalesce(r.evidence, [])
    WITH e ORDER BY e.sourceId, e.start RETURN properties(e)
  }}) AS items
}
RETURN parentId, items`,
    { ids: [...organizationIds], limit: int(first) },
  );
}
