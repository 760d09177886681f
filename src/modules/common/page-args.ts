/**
 * Relay paging arguments and opaque keyset cursors. A cursor encodes the sort key and id of the
 * last item seen, so pages stay stable when items are added before them.
 */
import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from '../../errors';
import type { CursorPosition, PageWindow } from '../../graph/page-spec';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return items after this cursor (an `endCursor` or edge `cursor`).',
  })
  after?: string | null;
}

export function pageSize(first: number | null | undefined, argument = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `\`${argument}\` must be between 1 and ${MAX_PAGE_SIZE} (got ${first}); page through larger results with \`after\`.`,
      { argument },
    );
  }
  return first;
}

/**
 * The `orderBy` a root listing is read in: its public name (`DATE_DESC`) and the name of the
 * listing's default order, whose cursors carry no name (so they are the ones issued before
 * `orderBy` existed).
 */
export interface CursorOrdering {
  name: string;
  defaultName: string;
  /** Every order of the listing. */
  names: readonly string[];
}

/** `list` names the listing (`meetings`, `Nation.officials`...) whose cursors `after` must come from. */
export function toPageRequest(
  args: { first?: number | null; after?: string | null },
  list: string,
  ordering?: CursorOrdering,
): PageWindow {
  return {
    first: pageSize(args.first),
    after: args.after == null ? undefined : decodeCursor(args.after, list, ordering),
  };
}

/**
 * A cursor names its list and its order as well as the position in it: a cursor is a position in
 * one order, and in another list or order it would silently start somewhere else.
 */
export function encodeCursor(position: CursorPosition, list: string, ordering?: CursorOrdering): string {
  const parts = [list, position.key, position.id];
  if (ordering && ordering.name !== ordering.defaultName) parts.push(ordering.name);
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/**
 * A cursor's order is checked after its list, so the message names the one thing to change. An
 * order name that the list doesn't have (or any on an unordered list) is no cursor this API issued.
 */
function checkOrdering(
  issuedIn: string | undefined,
  ordering: CursorOrdering | undefined,
  invalid: () => BadUserInputError,
): void {
  if (issuedIn !== undefined && !ordering?.names.includes(issuedIn)) throw invalid();
  if (!ordering) return;
  const issued = issuedIn ?? ordering.defaultName;
  if (issued === ordering.name) return;
  throw new BadUserInputError(
    `\`after\` is a cursor of ordering ${issued}, not ${ordering.name}; restart without \`after\` or pass orderBy: ${issued}.`,
    { argument: 'after', ordering: issued },
  );
}

export function decodeCursor(cursor: string, list: string, ordering?: CursorOrdering): CursorPosition {
  const invalid = () =>
    new BadUserInputError(
      '`after` is not a cursor this API issued; pass an `endCursor` or edge `cursor` unchanged.',
      {
        argument: 'after',
      },
    );
  if (cursor.length === 0 || cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      (decoded.length === 3 || decoded.length === 4) &&
      decoded.every((part) => typeof part === 'string')
    ) {
      const [from, key, id, issuedIn] = decoded as string[];
      if (from !== list) {
        throw new BadUserInputError(
          `\`after\` is a cursor of another list (${from.slice(0, 60)}); pass a cursor that this ${list} list returned.`,
          { argument: 'after' },
        );
      }
      checkOrdering(issuedIn, ordering, invalid);
      return { key, id };
    }
  } catch (error) {
    if (error instanceof BadUserInputError) throw error;
    // else fall through to the client-facing error
  }
  throw invalid();
}
