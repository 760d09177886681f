/** `Source.publisherDetail`: the publisher node behind a source's `publisher` name, with its grade. */
import { Resolver } from 'type-graphql';
import { FieldResolvers } from '../common/field-resolvers';
import { relationOne } from '../common/relation-field';
import { Source } from '../source/source.type';
import { SOURCE_PUBLISHER } from './assessment.cypher';
import { Publisher } from './publisher.type';

@Resolver(() => Source)
@FieldResolvers({
  publisherDetail: relationOne(() => Publisher, SOURCE_PUBLISHER, {
    nullable: true,
    description: 'The publisher as a node: its reliability grade and how it was graded.',
  }),
})
export class SourcePublisherResolver {}
