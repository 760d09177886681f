/** A claim's source and evidence, fetched ahead or batched like every relation. */
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Label } from '../../graph/model';
import { FieldResolvers } from '../common/field-resolvers';
import { relationOne } from '../common/relation-field';
import { evidenceFields } from '../evidence/evidence.fields';
import { Source } from '../source/source.type';
import { CLAIM_SOURCE } from './claim.cypher';
import { Claim } from './claim.type';

@Resolver(() => Claim)
@FieldResolvers({
  source: relationOne(() => Source, CLAIM_SOURCE, { description: 'The source that makes the claim.' }),
  ...evidenceFields(Label.Claim, { description: 'Its words in that source.', paged: false }),
})
export class ClaimResolver {
  @FieldResolver()
  approximate(@Root() claim: { approximate?: boolean | null }): boolean {
    return claim.approximate === true;
  }

  @FieldResolver()
  value(@Root() claim: { value?: unknown }): string {
    return String(claim.value ?? '');
  }
}
