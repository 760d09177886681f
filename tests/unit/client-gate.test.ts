/**
 * The per-client share of the database (src/server/client-gate.ts): never more than `concurrent`
 * statements run for one client, waiters start in arrival order, past the queue the client gets
 * RATE_LIMITED (HTTP 429), and a share is released however its work ends.
 */
import { ApiError } from '../../src/errors';
import { ClientGate } from '../../src/server/client-gate';

/** A piece of work that runs until the test finishes it. */
function controllable(name: string, log: string[], counters: { running: number; most: number }) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const work = async () => {
    log.push(`start ${name}`);
    counters.running += 1;
    counters.most = Math.max(counters.most, counters.running);
    try {
      await done;
      return name;
    } finally {
      counters.running -= 1;
    }
  };
  return { work, finish: () => finish(), fail: (error: Error) => fail(error) };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ClientGate', () => {
  it('runs at most `concurrent` at once per client and hands slots on in arrival order', async () => {
    const gate = new ClientGate({ concurrent: 2, queued: 10 });
    const log: string[] = [];
    const counters = { running: 0, most: 0 };
    const works = ['a', 'b', 'c', 'd', 'e'].map((name) => controllable(name, log, counters));
    const results = works.map((w) => gate.run('client-1', w.work));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect(gate.running('client-1')).toBe(2);

    works[1].finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    works[0].finish();
    works[2].finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d', 'start e']);
    works[3].finish();
    works[4].finish();

    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(counters.most).toBe(2);
    expect(gate.running('client-1')).toBe(0);
  });

  it('gives each client its own share', async () => {
    const gate = new ClientGate({ concurrent: 1, queued: 0 });
    const log: string[] = [];
    const counters = { running: 0, most: 0 };
    const one = controllable('one', log, counters);
    const two = controllable('two', log, counters);
    const results = [gate.run('client-1', one.work), gate.run('client-2', two.work)];
    await settle();
    expect(log).toEqual(['start one', 'start two']);
    one.finish();
    two.finish();
    await Promise.all(results);
  });

  it('refuses work past the queue with RATE_LIMITED and HTTP 429, without running it', async () => {
    const gate = new ClientGate({ concurrent: 1, queued: 1 });
    const log: string[] = [];
    const counters = { running: 0, most: 0 };
    const running = controllable('running', log, counters);
    const waiting = controllable('waiting', log, counters);
    const refused = controllable('refused', log, counters);
    const first = gate.run('client-1', running.work);
    const second = gate.run('client-1', waiting.work);
    const third = gate.run('client-1', refused.work);
    await expect(third).rejects.toBeInstanceOf(ApiError);
    await expect(third).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', http: { status: 429 } },
      message: expect.stringContaining('at most 1 database operations run and 1 wait per client'),
    });
    running.finish();
    waiting.finish();
    await Promise.all([first, second]);
    expect(log).toEqual(['start running', 'start waiting']);
  });

  it('releases the slot when the work fails', async () => {
    const gate = new ClientGate({ concurrent: 1, queued: 1 });
    const log: string[] = [];
    const counters = { running: 0, most: 0 };
    const failing = controllable('failing', log, counters);
    const next = controllable('next', log, counters);
    const first = gate.run('client-1', failing.work);
    const second = gate.run('client-1', next.work);
    failing.fail(new Error('statement failed'));
    await expect(first).rejects.toThrow('statement failed');
    await settle();
    expect(log).toEqual(['start failing', 'start next']);
    next.finish();
    await second;
    expect(gate.running('client-1')).toBe(0);
    // The slot is free again: new work runs at once.
    await expect(gate.run('client-1', async () => 'again')).resolves.toBe('again');
  });
});
