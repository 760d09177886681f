/**
 * `draftDocument`: an article in, a draft in the import format out, for review. A read like any
 * query (open unless REQUIRE_KEY_FOR_READS): it looks names up in the graph and writes nothing.
 */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { draftDocument } from '../../extract/draft.service';
import type { Draft } from '../../extract/draft.types';
import type { RequestContext } from '../../server/context';
import { ArticleInput } from './draft.inputs';
import { DraftDocument } from './draft.type';

/** The drafter's flat entity as GraphQL shows it, with its match decision grouped. */
function toDraftDocument(draft: Draft): DraftDocument {
  return {
    document: draft.document as unknown as Record<string, unknown>,
    entities: draft.entities.map(({ decision, reason, candidates, ...entity }) => ({
      ...entity,
      match: { decision, reason, candidates },
    })),
    facts: draft.facts as DraftDocument['facts'],
    warnings: draft.warnings,
  };
}

@Resolver()
export class DraftResolver {
  @Query(() => DraftDocument, {
    description:
      'Drafts an article into the import format: entities matched against the graph, proposed meetings, statements and positions with verbatim excerpts. Writes nothing; review the draft, then import `document` with `importDocument`.',
  })
  async draftDocument(
    @Arg('article', () => ArticleInput) article: ArticleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DraftDocument> {
    return toDraftDocument(await draftDocument(article, ctx.reader));
  }
}
