/**
 * A fact's credibility (1-6, 6 until assessed) and its assessments, on meetings, statements and
 * positions, and `assessCredibility`, which sets it with a written justification.
 */
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../errors';
import { Label, labelForId } from '../../graph/model';
import type { RequestContext } from '../../server/context';
import type { FieldDeclarations } from '../common/field-resolvers';
import { FieldResolvers } from '../common/field-resolvers';
import { relationList } from '../common/relation-field';
import { Meeting } from '../meeting/meeting.type';
import { Node } from '../node/node.interface';
import { Position } from '../position/position.type';
import { Statement } from '../statement/statement.type';
import { checkedReason } from '../write/reason';
import { assessmentsOf } from './assessment.cypher';
import { Assessment } from './assessment.type';
import {
  ASSESSABLE_FACT_LABELS,
  BEST_CREDIBILITY,
  DEFAULT_CREDIBILITY,
  isAssessableFactLabel,
} from './credibility';

function credibilityFields(label: Label): FieldDeclarations {
  return {
    credibility: {
      type: () => Int,
      options: {
        description: `How credible editors judge it: ${BEST_CREDIBILITY} confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, ${DEFAULT_CREDIBILITY} truth cannot be judged (until assessed).`,
      },
      resolve: (root: { id: string; credibility?: unknown }) =>
        typeof root.credibility === 'number' ? root.credibility : DEFAULT_CREDIBILITY,
    },
    assessments: relationList(() => Assessment, assessmentsOf(label), {
      description: 'Editors’ credibility ratings of it and dismissed duplicates, oldest first.',
    }),
  };
}

@Resolver(() => Meeting)
@FieldResolvers(credibilityFields(Label.Meeting))
export class MeetingCredibilityResolver {}

@Resolver(() => Statement)
@FieldResolvers(credibilityFields(Label.Statement))
export class StatementCredibilityResolver {}

@Resolver(() => Position)
@FieldResolvers(credibilityFields(Label.Position))
export class PositionCredibilityResolver {
  @Authorized('editor')
  @Mutation(() => Node, {
    nullable: true,
    description: `Rates a meeting, statement or position ${BEST_CREDIBILITY}-${DEFAULT_CREDIBILITY} with a written justification, kept as an Assessment; returns the fact.`,
  })
  async assessCredibility(
    @Arg('fact', () => ID) fact: string,
    @Arg('credibility', () => Int) credibility: number,
    @Arg('evidence', () => String) evidence: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Node> {
    const label = labelForId(fact);
    if (!isAssessableFactLabel(label)) {
      throw new BadUserInputError(
        `\`fact\` must be the id of a ${ASSESSABLE_FACT_LABELS.map((kind) => kind.toLowerCase()).join(', ')}.`,
        { argument: 'fact' },
      );
    }
    if (
      !Number.isInteger(credibility) ||
      credibility < BEST_CREDIBILITY ||
      credibility > DEFAULT_CREDIBILITY
    ) {
      throw new BadUserInputError(
        `\`credibility\` must be ${BEST_CREDIBILITY} (confirmed by other sources) to ${DEFAULT_CREDIBILITY} (truth cannot be judged) (got ${credibility}).`,
        { argument: 'credibility' },
      );
    }
    const node = await ctx.assessments.assessCredibility({
      label,
      id: fact,
      credibility,
      evidence: checkedReason(evidence, 'evidence'),
      by: ctx.principal!.keyId,
    });
    return node as unknown as Node;
  }
}
