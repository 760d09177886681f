/** `first` on plain (non-connection) nested lists: default 20, at most 100, like every list. */
import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-args';

@ArgsType()
export class ListArgs {
  @Field(() => Int, {
    nullable: true,
    description: `At most this many items: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}. Where a list can grow past that, a *Connection field beside it pages through all.`,
  })
  first?: number | null;
}
