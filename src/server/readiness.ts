/**
 * Readiness: the database answers and the graph schema is applied. Bootstrap work (schema, seed)
 * runs in the background and is retried until it succeeds, so the API starts even while Neo4j is
 * down and becomes ready on its own once it is up.
 */
import type { GraphDatabase } from '../graph/database';
import { applyGraphSchema, isGraphSchemaApplied } from '../graph/schema';
import type { Logger } from '../logger';

export interface ReadinessReport {
  ready: boolean;
  reason?: string;
}

export class Readiness {
  private bootstrapped = false;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private draining = false;

  constructor(
    private readonly db: GraphDatabase,
    private readonly logger: Logger,
    /** Runs after the schema is applied, e.g. loading the seed into an empty database. */
    private readonly afterSchema: () => Promise<void> = async () => {},
    private readonly retryMs = 2_000,
  ) {}

  /** Starts bootstrapping in the background; resolves at once. */
  start(): void {
    void this.attempt();
  }

  /** Resolves once bootstrapped (for scripts and tests that need a ready API). */
  async waitUntilReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.bootstrapped) {
      if (Date.now() > deadline) throw new Error('The graph database did not become ready in time.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Shutting down: report not ready so load balancers stop sending traffic here. */
  markDraining(): void {
    this.draining = true;
  }

  async check(): Promise<ReadinessReport> {
    if (this.draining) return { ready: false, reason: 'shutting down' };
    if (!(await this.db.ping())) return { ready: false, reason: 'Neo4j does not answer' };
    if (!this.bootstrapped) {
      void this.attempt();
      return { ready: false, reason: 'graph schema not applied yet' };
    }
    try {
      if (!(await isGraphSchemaApplied(this.db))) {
        // The database came back without our schema (e.g. a fresh store): bootstrap again.
        this.bootstrapped = false;
        void this.attempt();
        return { ready: false, reason: 'graph schema not applied yet' };
      }
    } catch {
      return { ready: false, reason: 'Neo4j does not answer' };
    }
    return { ready: true };
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private attempt(): Promise<void> {
    this.running ??= (async () => {
      try {
        await applyGraphSchema(this.db);
        await this.afterSchema();
        this.bootstrapped = true;
        this.logger.info('graph schema applied; ready');
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'bootstrap failed; retrying');
        if (!this.stopped) {
          this.timer = setTimeout(() => void this.attempt(), this.retryMs);
          this.timer.unref();
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
