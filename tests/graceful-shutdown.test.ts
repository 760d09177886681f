/**
 * SIGTERM with requests in flight: they complete, new connections are refused, the process exits
 * within the grace period, and the local Neo4j it started is stopped cleanly. Runs `npm start`'s
 * entry point as a real child process with its own local Neo4j.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { localNeo4jProcesses, startApiProcess } from './helpers/api-process';

const HEAVY =
  '{ statements(first: 100) { nodes { text speaker { name } evidence { excerpt source { title } } positions { summary } } } }';

function javaRunning(dataDir: string): boolean {
  return localNeo4jProcesses(dataDir) > 0;
}

describe('graceful shutdown', () => {
  let child: ChildProcess;
  let dataDir: string;
  let url: string;
  let exit: Promise<{ code: number | null; at: number }>;
  let stderr: string[] = [];

  beforeAll(async () => {
    const api = await startApiProcess('shutdown-neo4j-', { SHUTDOWN_GRACE_MS: '10000' });
    ({ child, url, dataDir, exit } = api);
    stderr = api.output;
  }, 180_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes in-flight requests, refuses new ones, exits in time and stops its Neo4j', async () => {
    expect(javaRunning(dataDir)).toBe(true);
    // A warm server first: the test is about requests in flight, not about a cold start.
    for (let i = 0; i < 5; i += 1) {
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: HEAVY }),
      });
    }
    // 30 concurrent heavy requests; SIGTERM as soon as the first answer shows the server is busy with them.
    let signalledAt = 0;
    const inFlight = Array.from({ length: 30 }, () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: HEAVY }),
      }).then(
        async (response) => ({
          status: response.status,
          errors: ((await response.json()) as { errors?: unknown }).errors,
          at: Date.now(),
        }),
        (error: Error & { cause?: { code?: string } }) => ({
          status: 0,
          errors: error.cause?.code ?? error.message,
          at: Date.now(),
        }),
      ),
    );
    await Promise.race(inFlight);
    signalledAt = Date.now();
    child.kill('SIGTERM');

    const answers = await Promise.all(inFlight);
    // A request the server had accepted must complete; one it never accepted is refused, not cut off.
    const broken = answers.filter((a) => !(a.status === 200 && !a.errors) && a.errors !== 'ECONNREFUSED');
    if (broken.length > 0) process.stdout.write(`server stderr:\n${stderr.join('').slice(-3000)}\n`);
    expect(broken).toEqual([]);
    const completedAfterSignal = answers.filter((a) => a.status === 200 && a.at >= signalledAt).length;
    expect(completedAfterSignal).toBeGreaterThan(0);

    // After the shutdown delay (1.5 s) the listener is closed.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const late = await fetch(`${url}/health`).then(
      (r) => `answered ${r.status}`,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
    );
    expect(late).toBe('ECONNREFUSED');

    const { code, at } = await exit;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(10_000);
    expect(javaRunning(dataDir)).toBe(false);
    process.stdout.write(
      `graceful shutdown: ${completedAfterSignal} requests in flight at SIGTERM completed, ${answers.filter((a) => a.errors === 'ECONNREFUSED').length} refused, exit ${code} after ${at - signalledAt} ms, local Neo4j stopped\n`,
    );
  }, 60_000);
});
