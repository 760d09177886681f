/**
 * The explorer's pure helpers (src/web/explorer/): the months the timeline strip covers, the node
 * named in the URL, export file names, node size by degree, and how the opening view finds the
 * newest meeting through a listing that only runs oldest first (here against an in-memory listing
 * with the API's `from` and paging rules; the browser test runs it against the real API).
 */
import { exportFileName } from '../../src/web/explorer/download';
import { nodeSizeForDegree } from '../../src/web/explorer/drawn-view';
import {
  findLatestMeeting,
  type GraphqlRequest,
  type MeetingStub,
} from '../../src/web/explorer/latest-meeting';
import { timelineSpan } from '../../src/web/explorer/timeline-strip';
import { selectionFromHash } from '../../src/web/explorer/url-selection';

const TODAY = new Date('2026-12-03T10:00:00Z');

describe('timelineSpan', () => {
  it('covers the actor from its first to its last known date, widened to a year', () => {
    const actor = {
      __typename: 'Nation',
      id: 'nation:gbr',
      firstReported: '2025-04-11',
      lastReported: '2025-04-11',
    };
    expect(timelineSpan(actor, TODAY)).toEqual({ from: '2024-05-01', to: '2025-04-30' });
  });

  it('starts at its earliest meeting when that is older than its first report', () => {
    const actor = {
      __typename: 'Official',
      id: 'official:x',
      firstReported: '2025-04-11',
      lastReported: '2025-06-02',
      meetings: { nodes: [{ meetingDate: '2023-11-20' }] },
    };
    expect(timelineSpan(actor, TODAY)).toEqual({ from: '2023-11-01', to: '2025-06-30' });
  });

  it('keeps the last ten years of a long record, and the last 24 months when nothing is dated', () => {
    const long = { __typename: 'Nation', id: 'n', firstReported: '1990-01-05', lastReported: '2024-02-29' };
    expect(timelineSpan(long, TODAY)).toEqual({ from: '2014-03-01', to: '2024-02-29' });
    expect(timelineSpan({ __typename: 'Nation', id: 'n' }, TODAY)).toEqual({
      from: '2025-01-01',
      to: '2026-12-31',
    });
  });
});

describe('selectionFromHash', () => {
  it('reads the id with or without escaped colons, and nothing from an empty hash', () => {
    expect(selectionFromHash('#id=nation:gbr')).toBe('nation:gbr');
    expect(selectionFromHash('#id=meeting%3A2025-04-10-x')).toBe('meeting:2025-04-10-x');
    expect(selectionFromHash('')).toBeNull();
    expect(selectionFromHash('#id=')).toBeNull();
  });
});

describe('exportFileName', () => {
  it('names the selected node and the day, with characters file systems refuse replaced', () => {
    expect(exportFileName('official:john-healey', TODAY, 'graphml')).toBe(
      'explorer-official_john-healey-2026-12-03.graphml',
    );
    expect(exportFileName(null, TODAY, 'csv')).toBe('explorer-view-2026-12-03.csv');
  });
});

describe('nodeSizeForDegree', () => {
  it('grows strictly with the degree', () => {
    const sizes = [0, 1, 2, 5, 10, 30].map(nodeSizeForDegree);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(new Set(sizes).size).toBe(sizes.length);
  });
});

describe('findLatestMeeting', () => {
  /** The `meetings` listing newest first: date descending, ties by id descending. */
  function listing(meetings: MeetingStub[]) {
    const requests: { query: string; variables: Record<string, unknown> }[] = [];
    const newestFirst = [...meetings].sort(
      (a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.id.localeCompare(a.id),
    );
    const request = (async (document: unknown, variables: Record<string, unknown>) => {
      requests.push({ query: String(document), variables });
      return { meetings: { nodes: newestFirst.slice(0, 1) } };
    }) as GraphqlRequest;
    return { request, requests };
  }

  it('asks once for the first meeting newest first', async () => {
    const { request, requests } = listing([
      { id: 'meeting:a', meetingDate: '2025-04-10' },
      { id: 'meeting:b', meetingDate: '2025-04-11' },
      { id: 'meeting:scheduled', meetingDate: '2027-01-15' },
    ]);
    expect(await findLatestMeeting(request)).toEqual({ id: 'meeting:scheduled', meetingDate: '2027-01-15' });
    expect(requests).toHaveLength(1);
    expect(requests[0].query).toContain('orderBy: DATE_DESC, first: 1');
  });

  it('finds none in an empty graph', async () => {
    const { request, requests } = listing([]);
    expect(await findLatestMeeting(request)).toBeNull();
    expect(requests).toHaveLength(1);
  });
});
