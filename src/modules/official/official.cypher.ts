/** Cypher specs for officials and their roles. */
import { Label, Rel } from '../../graph/model';
import { incoming, outgoing, relationSpec } from '../../graph/relation-spec';

export const OFFICIAL_NATION = relationSpec(
  Label.Official,
  'nation',
  outgoing(Rel.NATIONAL_OF, Label.Nation),
);

export const OFFICIAL_ROLES = relationSpec(
  Label.Official,
  'roles',
  outgoing(Rel.HOLDS_ROLE, Label.Role),
  (node) => `coalesce(${node}.since, ${node}.asOf)`,
);

export const ROLE_NATION = relationSpec(Label.Role, 'nation', outgoing(Rel.ROLE_FOR_NATION, Label.Nation));

export const ROLE_ORGANIZATION = relationSpec(
  Label.Role,
  'organization',
  outgoing(Rel.ROLE_IN, Label.Organization),
);

export const ROLE_HOLDER = relationSpec(Label.Role, 'holder', incoming(Rel.HOLDS_ROLE, Label.Official));
