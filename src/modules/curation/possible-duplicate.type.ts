/** A pair of nodes an import found alike, below the score at which it would have matched them. */
import { Field, Float, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { Node } from '../node/node.interface';

@ObjectType({
  description:
    'Two nodes of one kind that may be one: merge them (`mergeEntities`) or dismiss the pair (`dismissDuplicate`).',
})
export class PossibleDuplicate {
  /** `a.id b.id`: the pair's identity in cursors, not in the schema. */
  id: string;

  @Field(() => Node, { description: 'The node the import created.' })
  a: Node;

  @Field(() => Node, { description: 'The stored node it looks like.' })
  b: Node;

  @Field(() => Float, { description: 'How alike the import found them (its own scale; higher is closer).' })
  score: number;

  @Field(() => String, { description: 'Why the import thought them alike.' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 timestamp of the import that found them.' })
  at: string | null;

  /** Resolved to `source` by the resolver. */
  sourceId: string | null;
}

export const PossibleDuplicateConnection = ConnectionType(PossibleDuplicate, 'PossibleDuplicate');
