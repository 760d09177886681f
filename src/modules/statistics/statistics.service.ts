/**
 * `timeSeries` and `countBy` as stories: check the request (each fault one BAD_USER_INPUT saying
 * what to fix, before any Cypher), count in one read, shape the answer, and only when it is empty
 * check that the actor or topic asked about exists (NOT_FOUND rather than a silent zero).
 */
import { BadUserInputError, NotFoundError } from '../../errors';
import type { GraphReader } from '../../graph/graph-reader';
import { actorLabelForId, Label, labelForId } from '../../graph/model';
import { toIsoDate } from '../common/scalars';
import { dailyFactCountsQuery, factCountsByGroupQuery, type FactCountCriteria } from './fact-counts.cypher';
import {
  CountGrouping,
  FactMeasure,
  TimeInterval,
  type FactCountFilter,
  type GroupCount,
  type TimeSeries,
} from './statistics.type';
import { buildTimeBuckets, MAX_TIME_BUCKETS, timeBucketCount, type DayCount } from './time-buckets';

/** The most groups `countBy` lists: the largest ones (ties by key). */
export const MAX_COUNT_GROUPS = 100;

const INTERVALS_NARROW_TO_WIDE = [TimeInterval.DAY, TimeInterval.WEEK, TimeInterval.MONTH, TimeInterval.YEAR];

export interface TimeSeriesRequest {
  measure: FactMeasure;
  interval: TimeInterval;
  from: Date | string;
  to: Date | string;
  groupBy: CountGrouping | null;
  filter: FactCountFilter | null;
}

export interface CountByRequest {
  measure: FactMeasure;
  groupBy: CountGrouping;
  filter: FactCountFilter | null;
}

export async function timeSeries(reader: GraphReader, request: TimeSeriesRequest): Promise<TimeSeries> {
  const { measure, interval, groupBy } = request;
  const from = toIsoDate(request.from) as string;
  const to = toIsoDate(request.to) as string;
  requireOrderedRange(from, to, '');
  requireFewBuckets(from, to, interval);
  requireGroupingFits(measure, groupBy);
  const criteria = factCountCriteria(measure, request.filter);
  // The filter's own bounds narrow which facts count; the buckets still cover [from, to].
  const range = {
    from: criteria.from && criteria.from > from ? criteria.from : from,
    to: criteria.to && criteria.to < to ? criteria.to : to,
  };
  const days = (await reader.read(
    dailyFactCountsQuery({ ...criteria, ...range }, groupBy),
  )) as unknown as DayCount[];
  await requireAnchorsWhenEmpty(reader, criteria, days.length === 0);
  const buckets = buildTimeBuckets(from, to, interval, days);
  return {
    measure,
    interval,
    from,
    to,
    total: buckets.reduce((sum, bucket) => sum + bucket.count, 0),
    buckets,
  };
}

export async function countBy(reader: GraphReader, request: CountByRequest): Promise<GroupCount[]> {
  requireGroupingFits(request.measure, request.groupBy);
  const criteria = factCountCriteria(request.measure, request.filter);
  const rows = (await reader.read(
    factCountsByGroupQuery(criteria, request.groupBy, MAX_COUNT_GROUPS),
  )) as unknown as GroupCount[];
  await requireAnchorsWhenEmpty(reader, criteria, rows.length === 0);
  return rows;
}

function factCountCriteria(measure: FactMeasure, filter: FactCountFilter | null): FactCountCriteria {
  const from = toIsoDate(filter?.from);
  const to = toIsoDate(filter?.to);
  if (from && to) requireOrderedRange(from, to, 'filter.');
  const actorId = filter?.actor ?? null;
  const actorLabel = actorId === null ? undefined : actorLabelForId(actorId);
  if (actorId !== null && !actorLabel) {
    throw new BadUserInputError(
      '`filter.actor` must be the id of a nation, official or organization (e.g. nation:gbr).',
      { argument: 'filter.actor' },
    );
  }
  const topic = filter?.topic ?? null;
  if (topic !== null && labelForId(topic) !== Label.Topic) {
    throw new BadUserInputError('`filter.topic` must be the id of a topic (e.g. topic:us-involvement).', {
      argument: 'filter.topic',
    });
  }
  const stance = filter?.stance ?? null;
  if (stance !== null && measure !== FactMeasure.POSITIONS) {
    throw new BadUserInputError(
      `\`filter.stance\` applies to positions only: use measure POSITIONS, or leave out the stance to count ${measure}.`,
      { argument: 'filter.stance' },
    );
  }
  return {
    measure,
    actor: actorId !== null && actorLabel ? { id: actorId, label: actorLabel } : null,
    topic,
    stance,
    from,
    to,
  };
}

/** `prefix`: where the bounds were given ('' for the arguments, 'filter.' for the filter's). */
function requireOrderedRange(from: string, to: string, prefix: string): void {
  if (from > to) {
    throw new BadUserInputError(
      `\`${prefix}from\` (${from}) is after \`${prefix}to\` (${to}): give a range that starts on or before its end.`,
      { argument: `${prefix}from` },
    );
  }
}

function requireFewBuckets(from: string, to: string, interval: TimeInterval): void {
  const count = timeBucketCount(from, to, interval);
  if (count <= MAX_TIME_BUCKETS) return;
  const wider = INTERVALS_NARROW_TO_WIDE.find(
    (candidate) => timeBucketCount(from, to, candidate) <= MAX_TIME_BUCKETS,
  );
  const advice = wider && wider !== interval ? `use interval ${wider} or wider, or ` : '';
  throw new BadUserInputError(
    `${from} to ${to} by ${interval} makes ${count} buckets, over the limit of ${MAX_TIME_BUCKETS}: ${advice}shorten the range.`,
    { argument: 'interval', buckets: count, maxBuckets: MAX_TIME_BUCKETS },
  );
}

function requireGroupingFits(measure: FactMeasure, grouping: CountGrouping | null): void {
  if (grouping === CountGrouping.STANCE && measure !== FactMeasure.POSITIONS) {
    throw new BadUserInputError(
      `Only positions have a stance: groupBy STANCE needs measure POSITIONS; group ${measure} by NATION, ORGANIZATION or TOPIC.`,
      { argument: 'groupBy' },
    );
  }
}

/**
 * Nothing counted may mean an unknown actor or topic: NOT_FOUND then. Checked only after an empty
 * answer, so a usual request stays one round trip.
 */
async function requireAnchorsWhenEmpty(
  reader: GraphReader,
  criteria: FactCountCriteria,
  empty: boolean,
): Promise<void> {
  if (!empty) return;
  const [actor, topic] = await Promise.all([
    criteria.actor ? reader.nodeById(criteria.actor.label, criteria.actor.id) : true,
    criteria.topic ? reader.nodeById(Label.Topic, criteria.topic) : true,
  ]);
  if (!actor && criteria.actor)
    throw new NotFoundError(`No actor has the id "${criteria.actor.id.slice(0, 100)}".`, {
      id: criteria.actor.id,
    });
  if (!topic && criteria.topic)
    throw new NotFoundError(`No topic has the id "${criteria.topic.slice(0, 100)}".`, { id: criteria.topic });
}
