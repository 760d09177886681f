/**
 * The boundary between replay and live for one subscriber, event by event: what the replay read and
 * what the tailer handed out meanwhile overlap, and each event must come out once, in seq order.
 */
import { ChangeKind } from '../../src/graph/change-log.cypher';
import { LiveSubscriber, type FactPayload } from '../../src/modules/live/change-tailer';

const FILTER = { kind: ChangeKind.FACT_RECORDED, actor: null, topic: null } as const;
const event = (seq: number): FactPayload => ({
  seq,
  kind: ChangeKind.FACT_RECORDED,
  at: '2026-01-01T00:00:00Z',
  fact: { id: `statement:synthetic-${seq}` },
});

async function drain(subscriber: LiveSubscriber, count: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const next = await subscriber.next();
    if (next.done) break;
    seqs.push(next.value.seq);
  }
  return seqs;
}

describe('LiveSubscriber', () => {
  it('plays the replay, then what arrived live during it, each seq once and in order', async () => {
    const subscriber = new LiveSubscriber(
      FILTER,
      5,
      true,
      100,
      () => {},
      () => {},
    );
    // The tailer hands out 8 and 9 while the replay still reads 6..8.
    subscriber.offerLive(event(8));
    subscriber.offerLive(event(9));
    subscriber.offerReplayed([event(6), event(7)], 7);
    subscriber.offerReplayed([event(8)], 8);
    subscriber.finishReplay();
    subscriber.offerLive(event(9)); // a late repeat from an overlapping batch
    subscriber.offerLive(event(10));
    expect(await drain(subscriber, 5)).toEqual([6, 7, 8, 9, 10]);
  });

  it('skips what the replay passed over (other kinds, other filters) without losing later live events', async () => {
    const subscriber = new LiveSubscriber(
      FILTER,
      0,
      true,
      100,
      () => {},
      () => {},
    );
    subscriber.offerLive(event(12));
    // The replay's last page read up to seq 11, matching nothing.
    subscriber.offerReplayed([], 11);
    subscriber.finishReplay();
    expect(await drain(subscriber, 1)).toEqual([12]);
  });

  it('a live-only subscriber ignores entries at or before where it started', async () => {
    const subscriber = new LiveSubscriber(
      FILTER,
      20,
      false,
      100,
      () => {},
      () => {},
    );
    subscriber.offerLive(event(20));
    subscriber.offerLive(event(21));
    expect(await drain(subscriber, 1)).toEqual([21]);
  });

  it('ends and reports overflow when a consumer leaves more than queueMax events unread', async () => {
    const overflowed = jest.fn();
    const ended = jest.fn();
    const subscriber = new LiveSubscriber(FILTER, 0, false, 3, ended, overflowed);
    for (let seq = 1; seq <= 4; seq += 1) subscriber.offerLive(event(seq));
    expect(overflowed).toHaveBeenCalledTimes(1);
    expect(ended).toHaveBeenCalledWith(subscriber);
    expect(await subscriber.next()).toEqual({ value: undefined, done: true });
  });

  it('closes a replaying subscriber whose held live events reach the queue bound, instead of holding more', () => {
    let overflowed = 0;
    const subscriber = new LiveSubscriber(
      FILTER,
      0,
      true,
      3,
      () => {},
      () => (overflowed += 1),
    );
    subscriber.offerLive(event(1));
    subscriber.offerLive(event(2));
    subscriber.offerLive(event(3));
    expect(subscriber.ended).toBe(false);
    subscriber.offerLive(event(4));
    expect(subscriber.ended).toBe(true);
    expect(overflowed).toBe(1);
  });

  it('fails with its own callback, not a normal end, when its replay cannot be read', async () => {
    let failed = 0;
    const subscriber = new LiveSubscriber(
      FILTER,
      0,
      true,
      10,
      () => {},
      () => {},
      () => (failed += 1),
    );
    subscriber.fail();
    subscriber.fail();
    expect(failed).toBe(1);
    expect((await subscriber.next()).done).toBe(true);
  });
});
