/** Who published sources, and how far they are trusted (docs/corroboration.md). */
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';

@ObjectType({ description: 'A publisher of sources, graded on the Admiralty scale by editors.' })
export class Publisher {
  @Field(() => ID, { description: '`publisher:<slug>` of its key.' })
  id: string;

  @Field(() => String, { description: 'The name as the first source that named it spelled it.' })
  name: string;

  @Field(() => String, {
    description: 'The folded name: sources whose publisher names fold to it are this publisher.',
  })
  key: string;
}

export const PublisherConnection = ConnectionType(Publisher, 'Publisher');
