/** Resolves an evidence item's source, batched across all evidence in a request. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { Source } from '../source/source.type';
import { EVIDENCE_SOURCE } from './evidence.cypher';
import { Evidence } from './evidence.type';

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Source)
  async source(@Root() evidence: Evidence, @Ctx() ctx: RequestContext): Promise<Source> {
    const source = await ctx.reader.relationOne(EVIDENCE_SOURCE, evidence);
    return source as unknown as Source;
  }
}
