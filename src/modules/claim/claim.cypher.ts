/** Relation specs of claims: a meeting's claims, and each claim's source and evidence. */
import { Label, Rel } from '../../graph/model';
import { byProperty, incoming, outgoing, relationSpec } from '../../graph/relation-spec';

/** By field, then by the publication of the source that makes the claim. */
export const MEETING_CLAIMS = relationSpec(
  Label.Meeting,
  'claims',
  incoming(Rel.CLAIM_ABOUT, Label.Claim),
  (node) => `${node}.field + ' ' + coalesce(toString(${node}.publishedAt), '')`,
);

export const CLAIM_SOURCE = relationSpec(
  Label.Claim,
  'source',
  outgoing(Rel.CLAIMED_IN, Label.Source),
  byProperty('id'),
);
