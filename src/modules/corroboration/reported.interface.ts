/**
 * `Reported`: how many sources and independent publishers state an entity or fact, and when it
 * was first and last reported (docs/corroboration.md). Every type a source can mention implements it;
 * the counts are stored on the node by the import, so reading them costs nothing beyond its properties.
 */
import { Field, InterfaceType, Int } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { labelForId } from '../../graph/model';

@InterfaceType({
  description:
    'Anything sources state: how many sources and independent publishers report it, and since when.',
  resolveType: (value: { id: string }) => labelForId(value.id),
})
export abstract class Reported {
  @Field(() => Int, { description: 'How many sources state it (0 when none is recorded).' })
  sourceCount: number;

  @Field(() => Int, {
    description: 'How many distinct publishers those sources come from: independent reports.',
  })
  publisherCount: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The earliest publication date among those sources.',
  })
  firstReported: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The latest publication date among those sources.',
  })
  lastReported: string | null;
}
