/** The audit record of a retraction: the fact stays in the graph, hidden from normal reads. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';

@ObjectType({ description: 'Who retracted which fact, when and why.' })
export class Retraction {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The retracted fact.' })
  factId: string;

  @Field(() => String)
  reason: string;

  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  retractedAt: string;

  @Field(() => String, { description: 'Name of the API key that retracted it.' })
  retractedBy: string;
}

export const RetractionConnection = ConnectionType(Retraction, 'Retraction');

@ObjectType({ description: 'A record an import wrote to a node the graph already held under another id.' })
export class RecordMatch {
  @Field(() => ID, { description: 'The id the document gave; it is now an alias of `matchedTo`.' })
  id: string;

  @Field(() => ID)
  matchedTo: string;

  @Field(() => String, { description: 'Why they are the same (docs/corroboration.md).' })
  reason: string;
}

@ObjectType({ description: 'What an import or write did.' })
export class WriteResult {
  @Field(() => String, { description: 'created, updated or unchanged.' })
  status: string;

  @Field(() => ID, { nullable: true })
  sourceId: string | null;

  @Field(() => Int)
  nodesCreated: number;

  @Field(() => Int)
  relationshipsCreated: number;

  @Field(() => [RecordMatch], {
    description: 'Records of the document matched to stored ones (the same meeting, official, statement...).',
  })
  matches: RecordMatch[];

  @Field(() => [String], {
    description: 'Bookmarks: send them in the Neo4j-Bookmarks header to read this write back anywhere.',
  })
  bookmarks: string[];
}
