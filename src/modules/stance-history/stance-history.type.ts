/** A run of one stance in a holder's history on a topic: from when, until when, on whose word. */
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import type { Evidence } from '../evidence/evidence.type';
import { Stance } from '../position/position.type';
import type { Position } from '../position/position.type';

@ObjectType({
  description: 'Consecutive positions of one stance; the next StanceChange is a change of stance.',
})
export class StanceChange {
  @Field(() => Stance)
  stance: Stance;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The first position's date (or, undated, when it was first reported).",
  })
  from: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The last position's date (or, undated, when it was first reported) before the stance changed.",
  })
  until: string | null;

  /** The run's positions, oldest first; resolved with `first`. */
  positions: Position[];

  /** Their excerpts; resolved with `first`. */
  evidence: Evidence[];

  @Field(() => Int, { description: 'How many distinct sources state one of these positions.' })
  sourceCount: number;
}
