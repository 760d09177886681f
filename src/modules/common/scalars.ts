/** Scalars: `Date` is an RFC 3339 full-date (YYYY-MM-DD), from graphql-scalars. */
import { DateResolver } from 'graphql-scalars';

export const DateScalar = DateResolver;

/** Dates travel through the API as `YYYY-MM-DD` strings; graphql-scalars parses them to JS Dates. */
export function toIsoDate(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return value.toISOString().slice(0, 10);
}
