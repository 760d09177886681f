/** A position: the stance an actor takes on a topic, backed by statements and evidence. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { z } from 'zod';
import { Stance as StanceFormat } from '../../ingest/document.format';
import { ConnectionType } from '../common/connection.type';
import { DATE_ORDER_CHOICES, listOrder } from '../common/list-order';
import { FactCorroborationFilter } from '../corroboration/corroboration-filter.type';
import { DateScalar } from '../common/scalars';
import { Reported } from '../corroboration/reported.interface';
import { Node } from '../node/node.interface';

/** The document format's values: the API can't offer or accept a value the format lacks. */
export const Stance = StanceFormat.enum;
export type Stance = z.infer<typeof StanceFormat>;
registerEnumType(Stance, {
  name: 'Stance',
  description: 'The verbs analysts use for a stance. More may be added.',
  valuesConfig: {
    SUPPORTS: { description: 'Backs it.' },
    OPPOSES: { description: 'Argues against it.' },
    STRESSES: { description: 'Insists it is important or vital (nearest: CAMEO 010).' },
    REFUSES: { description: 'Declines to do or provide it (nearest: CAMEO 12x, PLOVER REJECT).' },
    HESITANT: { description: 'Reluctant or undecided (nearest: CAMEO 012/014).' },
    PLEDGES: { description: 'Commits to deliver it (nearest: CAMEO 03x, PLOVER AGREE).' },
  },
});

@ObjectType({ implements: [Node, Reported] })
export class Position extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => String, {
    description: 'The stance in one sentence, e.g. "Stressed the importance of US involvement".',
  })
  summary: string;

  @Field(() => DateScalar, { nullable: true })
  date: string | null;
}

export const PositionConnection = ConnectionType(Position, 'Position');

export const PositionOrder = listOrder(
  'PositionOrder',
  'How `positions` are ordered.',
  DATE_ORDER_CHOICES,
  'DATE_ASC',
);
export type PositionOrder = keyof typeof DATE_ORDER_CHOICES;

@InputType({ description: 'All fields optional, combined with AND.' })
export class PositionFilter extends FactCorroborationFilter {
  @Field(() => [Stance], { nullable: true, description: 'Any of these stances.' })
  stance?: Stance[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Actor id of the holder: exactly that actor (a nation's positions with its officials' are `Nation.positions`).",
  })
  holder?: string | null;

  @Field(() => String, { nullable: true, description: 'Topic name or alias; narrower topics included.' })
  topic?: string | null;
}
