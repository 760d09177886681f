/** Cypher specs for organizations: listing, members and leaders. */
import { Label, Rel } from '../../graph/model';
import { cypher, type CypherQuery } from '../../graph/cypher';
import { int } from '../../graph/values';
import { visible } from '../../graph/visible';
import { incoming, relationSpec } from '../../graph/relation-spec';

export const ORGANIZATION_MEMBERS = relationSpec(
  Label.Organization,
  'members',
  incoming(Rel.MEMBER_OF, Label.Nation),
);

/** The nations among its leaders (the contract's `leaders: [Nation!]!`). */
export const ORGANIZATION_LEADING_NATIONS = relationSpec(
  Label.Organization,
  'leadingNations',
  incoming(Rel.LEADS, Label.Nation),
);

/** Leaders may be nations, officials or other organizations. */
export const ORGANIZATION_LEADERS = relationSpec(
  Label.Organization,
  'leaders',
  incoming(Rel.LEADS, Label.Actor),
);

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
