/** The audit record of a merge: who merged what into what, when and why, and what undoing it needs. */
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';

@ObjectType({ description: 'A merge of two nodes of one kind by an admin, and its undo if undone.' })
export class MergeRecord {
  @Field(() => ID, { description: '`merge:<uuid>`; give it to `undoMerge`.' })
  id: string;

  @Field(() => String, { description: 'The kind of both nodes, as a graph label: Official, Meeting...' })
  label: string;

  @Field(() => ID, { description: 'The node that stayed, with the links and names of both.' })
  kept: string;

  @Field(() => ID, { description: 'The node merged into `kept`: its id is now an alias of `kept`.' })
  merged: string;

  @Field(() => String)
  reason: string;

  @Field(() => String, { description: 'Name of the API key that merged them.' })
  mergedBy: string;

  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  mergedAt: string;

  @Field(() => String, {
    description:
      'JSON: both nodes as they were, every link of the merged node and what the merge did with it (moved or dropped), and the links of `kept` it touched. `undoMerge` restores from it.',
  })
  snapshot: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 timestamp of the undo; null while in force.',
  })
  undoneAt: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the API key that undid it.' })
  undoneBy: string | null;

  @Field(() => String, { nullable: true })
  undoReason: string | null;
}

export const MergeRecordConnection = ConnectionType(MergeRecord, 'MergeRecord');
