/** Evidence: the exact excerpt of a source that backs a fact ("says who?"). */
import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import type { Source } from '../source/source.type';

@ObjectType({ description: 'An exact excerpt of a source that backs a fact.' })
export class Evidence {
  id: string;
  sourceId: string;

  /** Resolved by EvidenceResolver (a relation, fetched ahead with the evidence). */
  source?: Source;

  @Field(() => String, { description: 'Verbatim text of `source.text`.' })
  excerpt: string;

  @Field(() => Int, { description: 'Offset of the excerpt in `source.text` (UTF-16 code units).' })
  start: number;
}

export const EvidenceConnection = ConnectionType(Evidence, 'Evidence');
