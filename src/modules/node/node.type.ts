/** Result types of `search` and `path`. */
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';

@ObjectType({ description: 'A search result, best first.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance (Lucene score); only comparable within one search.' })
  score: number;

  @Field(() => Node)
  node: Node;
}

@ObjectType({ description: 'One relationship of a path, in the direction it is stored.' })
export class PathStep {
  @Field(() => String, { description: 'Relationship type, e.g. ATTENDED, NATIONAL_OF, MEMBER_OF.' })
  type: string;

  @Field(() => ID)
  fromId: string;

  @Field(() => ID)
  toId: string;
}

@ObjectType({ description: 'The shortest connection between two entities.' })
export class Path {
  @Field(() => [Node], { description: 'From the first entity to the second, in order.' })
  nodes: Node[];

  @Field(() => [PathStep], { description: 'The relationship between each node and the next.' })
  steps: PathStep[];
}
