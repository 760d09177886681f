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
  /** The `meetings` listing's rules: date order then id, `from` inclusive, pages of 100 after a cursor. */
  function listing(meetings: MeetingStub[]) {
    const requests: { from: string | null; after: string | null }[] = [];
    const sorted = [...meetings].sort(
      (a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.id.localeCompare(b.id),
    );
    const request = (async (_document: unknown, variables: Record<string, unknown>) => {
      const from = variables.from as string | null;
      const after = variables.after as string | null;
      requests.push({ from, after });
      const inWindow = sorted.filter((meeting) => !from || meeting.meetingDate >= from);
      const start = after ? inWindow.findIndex((meeting) => meeting.id === after) + 1 : 0;
      const nodes = inWindow.slice(start, start + 100);
      return {
        meetings: {
          nodes,
          pageInfo: { hasNextPage: start + 100 < inWindow.length, endCursor: nodes.at(-1)?.id ?? null },
        },
      };
    }) as GraphqlRequest;
    return { request, requests };
  }

  it('widens the window until it holds a meeting, and takes the last one', async () => {
    const { request, requests } = listing([
      { id: 'meeting:a', meetingDate: '2025-04-10' },
      { id: 'meeting:b', meetingDate: '2025-04-11' },
    ]);
    expect(await findLatestMeeting(request, TODAY)).toEqual({ id: 'meeting:b', meetingDate: '2025-04-11' });
    // 30, 120 and 480 days back are after April 2025; 1,920 days back is not.
    expect(requests.map((r) => r.from)).toEqual(['2026-11-03', '2026-08-05', '2025-08-10', '2021-08-31']);
  });

  it('pages to the end of a crowded window, and counts meetings scheduled after today', async () => {
    const meetings = Array.from({ length: 250 }, (_, index) => ({
      id: `meeting:${String(index).padStart(3, '0')}`,
      meetingDate: '2026-11-20',
    }));
    meetings.push({ id: 'meeting:scheduled', meetingDate: '2027-01-15' });
    const { request, requests } = listing(meetings);
    expect((await findLatestMeeting(request, TODAY))?.id).toBe('meeting:scheduled');
    expect(requests).toHaveLength(3);
  });

  it('finds none in an empty graph after asking for the whole listing once', async () => {
    const { request, requests } = listing([]);
    expect(await findLatestMeeting(request, TODAY)).toBeNull();
    expect(requests.at(-1)).toEqual({ from: null, after: null });
  });
});
