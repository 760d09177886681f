/**
 * An export request checked before anything is read or written: the type exists, each filter
 * applies to it, dates are real and in order, the actor is an actor's id. Every fault is a
 * BadUserInputError that says what to fix, so HTTP can answer 400 before the first CSV byte and a
 * CLI can print one line.
 */
import { BadUserInputError } from '../errors';
import { actorLabelForId } from '../graph/model';
import { exportBatchQuery, type FactFilter } from './export.cypher';
import {
  columnsOf,
  ENTITY_EXPORTS,
  exportTypeOf,
  FACT_EXPORTS,
  isEntityExportName,
  isFactExportName,
  type ExportName,
  type ExportType,
} from './export-types';

/** A checked export: what to read, with which filter, under which headers. */
export interface ExportPlan {
  name: ExportName;
  type: ExportType;
  filter: FactFilter;
  headers: string[];
}

/** Every export's name, facts first, for messages and docs. */
export const EXPORT_NAMES: readonly ExportName[] = [
  ...(Object.keys(FACT_EXPORTS) as ExportName[]),
  ...(Object.keys(ENTITY_EXPORTS) as ExportName[]),
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date as `YYYY-MM-DD` (2025-02-30 is not one). */
function checkDate(name: 'from' | 'to', value: string): void {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(
      `\`${name}\` must be a date as YYYY-MM-DD, e.g. 2025-04-10 (got "${value}").`,
      {
        argument: name,
      },
    );
  }
}

/** The filters given (set and not false), by their names. */
function givenFilters(filter: FactFilter): (keyof FactFilter)[] {
  return (Object.keys(filter) as (keyof FactFilter)[]).filter(
    (key) => filter[key] !== undefined && filter[key] !== null && filter[key] !== false,
  );
}

export function planExport(name: string, filter: FactFilter = {}): ExportPlan {
  if (!isFactExportName(name) && !isEntityExportName(name)) {
    throw new BadUserInputError(`There is no export of "${name}": choose one of ${EXPORT_NAMES.join(', ')}.`);
  }
  const type = exportTypeOf(name);
  const accepted = filtersOf(type);
  for (const key of givenFilters(filter)) {
    if (!accepted.includes(key)) {
      const takes =
        accepted.length === 0
          ? 'it takes no filters'
          : `it takes ${accepted.map((k) => `\`${k}\``).join(', ')}`;
      throw new BadUserInputError(`\`${key}\` does not apply to ${name}: ${takes}.`, { argument: key });
    }
  }
  if (filter.from) checkDate('from', filter.from);
  if (filter.to) checkDate('to', filter.to);
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new BadUserInputError(`\`from\` (${filter.from}) is after \`to\` (${filter.to}): swap them.`, {
      argument: 'from',
    });
  }
  if (filter.actor && !actorLabelForId(filter.actor)) {
    throw new BadUserInputError(
      `\`actor\` must be the id of a nation, official or organization, e.g. nation:gbr (got "${filter.actor}").`,
      { argument: 'actor' },
    );
  }
  // Building the first batch's statement checks the topic text as the API's filters do.
  exportBatchQuery(type, filter, null, 1);
  const headers = columnsOf(type, filter.includeRetracted === true).map((column) => column.header);
  return { name, type, filter, headers };
}

/** The filters a type takes: entities none; facts a date range when they have one date, topics when about topics. */
export function filtersOf(type: ExportType): (keyof FactFilter)[] {
  if (type.kind === 'entity') return [];
  return [
    ...(type.date !== null ? (['from', 'to'] as const) : []),
    'actor',
    ...(type.topics ? (['topic'] as const) : []),
    'includeRetracted',
  ];
}
