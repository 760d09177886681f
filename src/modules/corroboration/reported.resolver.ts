/**
 * Reads the corroboration properties the import keeps on every node a source mentions. Declared
 * once on the `Reported` interface, so every implementing type shares these resolvers; the
 * fields are leaves named after their properties, so the fetch-ahead plan reads them with the node.
 */
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Reported } from './reported.interface';

type Stored = Record<string, unknown>;

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A stored date (a `YYYY-MM-DD` string, or a temporal the driver turned into an ISO string). */
function isoDay(value: unknown): string | null {
  return typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null;
}

@Resolver(() => Reported)
export class ReportedResolver {
  @FieldResolver()
  sourceCount(@Root() node: Stored): number {
    return count(node.sourceCount);
  }

  @FieldResolver()
  publisherCount(@Root() node: Stored): number {
    return count(node.publisherCount);
  }

  @FieldResolver()
  firstReported(@Root() node: Stored): string | null {
    return isoDay(node.firstReported);
  }

  @FieldResolver()
  lastReported(@Root() node: Stored): string | null {
    return isoDay(node.lastReported);
  }
}
