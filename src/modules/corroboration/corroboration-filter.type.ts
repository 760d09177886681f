/**
 * The corroboration filters every root list shares, declared once and inherited by each list's
 * filter input: `minSources` on every list, and on facts (meetings, statements, positions) also the
 * grades editors give: `minReliability` of a publisher, `maxCredibility` of the fact.
 */
import { Field, InputType, Int } from 'type-graphql';
import { Reliability } from '../reliability/reliability.type';

@InputType('CorroborationFilterFields')
export class CorroborationFilter {
  @Field(() => Int, {
    nullable: true,
    description:
      'Only what at least this many sources state (`sourceCount`); 1 or more (1 leaves out only what no source states).',
  })
  minSources?: number | null;
}

@InputType('FactCorroborationFilterFields')
export class FactCorroborationFilter extends CorroborationFilter {
  @Field(() => Reliability, {
    nullable: true,
    description:
      'Only facts with evidence from at least one publisher graded this or better (A best; a publisher nobody graded is F, so F keeps everything).',
  })
  minReliability?: Reliability | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Only facts whose credibility is this or better: 1 (confirmed) to 6 (cannot be judged, every fact's default, so 6 keeps everything).",
  })
  maxCredibility?: number | null;
}
