/** Cypher specs for nations: listing with filters, and relations to officials and organizations. */
import { Label, Rel } from '../../graph/model';
import { incoming, outgoing, relationSpec } from '../../graph/relation-spec';

export const NATION_OFFICIALS = relationSpec(
  Label.Nation,
  'officials',
  incoming(Rel.NATIONAL_OF, Label.Official),
);

export const NATION_MEMBERSHIPS = relationSpec(
  Label.Nation,
  'memberships',
  outgoing(Rel.MEMBER_OF, Label.Organization),
);
