/** What a fact subscription delivers, and how it is filtered. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.interface';

export enum FactEventKind {
  FACT_RECORDED = 'FACT_RECORDED',
  FACT_RETRACTED = 'FACT_RETRACTED',
}
registerEnumType(FactEventKind, { name: 'FactEventKind' });

@InputType({ description: 'Which facts a subscription receives; both set: facts matching both.' })
export class FactFilter {
  @Field(() => ID, {
    nullable: true,
    description: "Facts of this actor; a nation's include those of its officials.",
  })
  actor?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Facts about this topic or any narrower topic under it.',
  })
  topic?: string | null;
}

@ObjectType({ description: 'A fact recorded or retracted, as the change log holds it.' })
export class FactEvent {
  @Field(() => String, {
    description:
      'Position in the change log: subscribe again with `after: cursor` to resume after this event (the same cursors as `changes`).',
  })
  cursor: string;

  @Field(() => FactEventKind)
  kind: FactEventKind;

  @Field(() => String, { description: 'ISO 8601 timestamp of the write.' })
  at: string;

  @Field(() => Node, {
    description: 'The meeting, statement or position, as it is now (a retracted one included).',
  })
  fact: Node;
}
