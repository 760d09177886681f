/**
 * One tailer per API instance: it polls the change log (src/graph/change-log.cypher.ts) from its
 * position and hands each new fact event to the subscribers of this instance whose filter matches.
 * Instances share nothing but Neo4j, so a write through any instance reaches every subscriber.
 *
 * It polls only while this instance has subscribers: an instance nobody listens to costs the
 * database nothing, and a first subscriber starts from the log's head (with `after`, from its
 * cursor, by replay). A batch's facts are loaded once for all its subscribers.
 *
 * Replay then live, with no gap and no repeat: a subscriber with `after` is registered before its
 * replay starts, so from then on the tailer buffers every matching entry past its own position for
 * it; the replay reads the log from `after` until it runs dry (at or beyond that position, since the
 * log only grows and seq order is commit order); then the buffer is played. A subscriber takes an
 * entry only if its seq is above the last one it took, which drops what both paths saw.
 */
import type { GraphDatabase, Row } from '../../graph/database';
import {
  ChangeKind,
  changeLogHeadQuery,
  changesAfterQuery,
  FACT_LABELS,
  type ChangeRow,
} from '../../graph/change-log.cypher';
import type { NodeRecord } from '../../graph/graph-reader';
import type { Label } from '../../graph/model';
import { BadUserInputError } from '../../errors';
import type { Logger } from '../../logger';
import { checkWithinLog } from '../change/change-cursor';
import { factsByIdQuery } from './fact-events.cypher';

/** What a subscription yields per event; the resolver turns it into a FactEvent. */
export interface FactPayload {
  seq: number;
  kind: ChangeKind;
  at: string;
  fact: NodeRecord;
}

export interface FactFilterSpec {
  kind: typeof ChangeKind.FACT_RECORDED | typeof ChangeKind.FACT_RETRACTED;
  actor: string | null;
  topic: string | null;
}

export interface TailerOptions {
  /** Milliseconds between polls while caught up. */
  pollMs: number;
  /** Entries read per poll (and per replay page). */
  batchSize: number;
  /** Most entries a reconnecting subscriber may be behind; further back, it syncs with `changes`. */
  replayMax: number;
  /** Most events waiting for one subscriber that doesn't read them; beyond it, its connection closes. */
  queueMax: number;
}

const FACT_KINDS: readonly ChangeKind[] = [ChangeKind.FACT_RECORDED, ChangeKind.FACT_RETRACTED];
/** After a failed poll (the database down), wait this many poll intervals before the next. */
const FAILED_POLL_BACKOFF = 10;

function matches(filter: FactFilterSpec, entry: ChangeRow): boolean {
  return (
    entry.kind === filter.kind &&
    (filter.actor === null || entry.actorIds.includes(filter.actor)) &&
    (filter.topic === null || entry.topicIds.includes(filter.topic))
  );
}

function isFactEntry(entry: ChangeRow): boolean {
  return FACT_KINDS.includes(entry.kind) && FACT_LABELS.includes(entry.subjectLabel);
}

/** One subscription's events, in seq order, as an async iterator graphql-js maps to results. */
export class LiveSubscriber implements AsyncIterableIterator<FactPayload> {
  /** The seq of the last entry taken (delivered or passed over by the replay). */
  position: number;
  private replaying: boolean;
  /** Live entries that arrived while the replay ran; played after it. */
  private held: FactPayload[] = [];
  private readonly queue: FactPayload[] = [];
  private waiting: ((result: IteratorResult<FactPayload>) => void) | undefined;
  private roomWaiter: (() => void) | undefined;
  private done = false;

  constructor(
    readonly filter: FactFilterSpec,
    position: number,
    replaying: boolean,
    private readonly queueMax: number,
    private readonly onEnd: (subscriber: LiveSubscriber) => void,
    private readonly onOverflow: () => void,
    private readonly onFailure: () => void = () => {},
  ) {
    this.position = position;
    this.replaying = replaying;
  }

  /** From the tailer: an entry past the tailer's position that matches the filter. */
  offerLive(payload: FactPayload): void {
    if (this.done) return;
    if (!this.replaying) return this.take(payload);
    // A replay the consumer reads slowly must not let live events pile up without bound either.
    if (this.queue.length + this.held.length >= this.queueMax) {
      this.end();
      this.onOverflow();
      return;
    }
    this.held.push(payload);
  }

  /** From the replay: the replayed entries in seq order (`passed`: the last seq the page read). */
  offerReplayed(payloads: readonly FactPayload[], passed: number): void {
    for (const payload of payloads) this.take(payload);
    if (passed > this.position) this.position = passed;
  }

  finishReplay(): void {
    this.replaying = false;
    const held = this.held;
    this.held = [];
    for (const payload of held) this.take(payload);
  }

  /** Resolves once the consumer has read the queue down to half: the replay's backpressure. */
  async room(): Promise<void> {
    while (!this.done && this.queue.length > this.queueMax / 2) {
      await new Promise<void>((resolve) => (this.roomWaiter = resolve));
    }
  }

  /**
   * Ends it because its replay could not be read: the consumer is told to resubscribe (onFailure
   * closes the socket) rather than seeing a normal `complete` and waiting for events that never come.
   */
  fail(): void {
    if (this.done) return;
    this.end();
    this.onFailure();
  }

  get ended(): boolean {
    return this.done;
  }

  private take(payload: FactPayload): void {
    if (this.done || payload.seq <= this.position) return;
    this.position = payload.seq;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: payload, done: false });
      return;
    }
    if (this.queue.length + this.held.length >= this.queueMax) {
      this.end();
      this.onOverflow();
      return;
    }
    this.queue.push(payload);
  }

  next(): Promise<IteratorResult<FactPayload>> {
    const payload = this.queue.shift();
    if (payload) {
      if (this.roomWaiter && this.queue.length <= this.queueMax / 2) {
        this.roomWaiter();
        this.roomWaiter = undefined;
      }
      return Promise.resolve({ value: payload, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<FactPayload>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<FactPayload>> {
    this.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the iteration and lets go of everything it held. */
  end(): void {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.held = [];
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    this.roomWaiter?.();
    this.roomWaiter = undefined;
    this.onEnd(this);
  }
}

export interface LiveStats {
  openSubscriptions: number;
  /** Fact entries in the log past this instance's tailer (0 when caught up or idle). */
  changeLogLagEntries: number;
  /** How old the oldest entry not yet handed out may be, in seconds (0 when idle). */
  changeLogLagSeconds: number;
}

const tailers = new Set<ChangeTailer>();

/** Summed over the tailers of this process (one per running app), for the metrics gauges. */
export function liveStats(): LiveStats {
  const stats: LiveStats = { openSubscriptions: 0, changeLogLagEntries: 0, changeLogLagSeconds: 0 };
  for (const tailer of tailers) {
    const own = tailer.stats();
    stats.openSubscriptions += own.openSubscriptions;
    stats.changeLogLagEntries = Math.max(stats.changeLogLagEntries, own.changeLogLagEntries);
    stats.changeLogLagSeconds = Math.max(stats.changeLogLagSeconds, own.changeLogLagSeconds);
  }
  return stats;
}

export class ChangeTailer {
  private readonly subscribers = new Set<LiveSubscriber>();
  /** The last seq handed out; undefined while idle (no subscribers, no polling). */
  private position: number | undefined;
  private starting: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** When the last poll that reached the log's end finished (for lag). */
  private caughtUpAt = 0;
  private behind = { entries: 0, since: 0 };

  constructor(
    private readonly db: GraphDatabase,
    private readonly logger: Logger,
    private readonly options: TailerOptions,
  ) {
    tailers.add(this);
  }

  stats(): LiveStats {
    if (this.position === undefined)
      return { openSubscriptions: this.subscribers.size, changeLogLagEntries: 0, changeLogLagSeconds: 0 };
    const now = Date.now();
    const seconds = this.behind.entries > 0 ? now - this.behind.since : now - this.caughtUpAt;
    return {
      openSubscriptions: this.subscribers.size,
      changeLogLagEntries: this.behind.entries,
      changeLogLagSeconds: Math.max(0, seconds) / 1000,
    };
  }

  /**
   * A subscription's events from now, or from after `after` (a seq) when given. BAD_USER_INPUT when
   * `after` is beyond the log's head or more than `replayMax` entries behind it.
   */
  async subscribe(
    filter: FactFilterSpec,
    after: number | null,
    onOverflow: () => void,
    onFailure: () => void = () => {},
  ): Promise<AsyncIterableIterator<FactPayload>> {
    if (this.stopped) throw new Error('The change tailer is stopped.');
    if (after !== null) {
      const head = await this.head();
      checkWithinLog(after, head);
      if (head - after > this.options.replayMax) {
        throw new BadUserInputError(
          `\`after\` is ${head - after} changes behind, more than the ${this.options.replayMax} a subscription replays: catch up with the \`changes\` query, then subscribe with its last cursor.`,
          { argument: 'after' },
        );
      }
    }
    // Registered synchronously once the tailer has a position, so no batch falls between them.
    while (this.position === undefined) await this.start();
    const subscriber = new LiveSubscriber(
      filter,
      after ?? this.position,
      after !== null,
      this.options.queueMax,
      (ended) => this.subscribers.delete(ended),
      onOverflow,
      onFailure,
    );
    this.subscribers.add(subscriber);
    if (after !== null) void this.replay(subscriber, after);
    return subscriber;
  }

  /** Stops polling and ends every subscription (on shutdown). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const subscriber of [...this.subscribers]) subscriber.end();
    tailers.delete(this);
  }

  private async head(): Promise<number> {
    const rows = await this.db.read(changeLogHeadQuery());
    return Number(rows[0]?.head ?? 0);
  }

  private start(): Promise<void> {
    this.starting ??= (async () => {
      try {
        const head = await this.head();
        this.position = head;
        this.caughtUpAt = Date.now();
        this.behind = { entries: 0, since: 0 };
        this.schedule(this.options.pollMs);
      } finally {
        this.starting = undefined;
      }
    })();
    return this.starting;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), ms);
  }

  private async poll(): Promise<void> {
    if (this.subscribers.size === 0 || this.position === undefined) {
      // Idle: the next first subscriber starts again from the head.
      this.position = undefined;
      return;
    }
    let next = this.options.pollMs;
    try {
      const rows = await this.db.read(changesAfterQuery(this.position, this.options.batchSize, FACT_KINDS));
      const entries = rows.map((row) => row.change as unknown as ChangeRow);
      if (entries.length > 0) await this.handOut(entries);
      if (entries.length < this.options.batchSize) {
        this.caughtUpAt = Date.now();
        this.behind = { entries: 0, since: 0 };
      } else {
        // A full batch: more is waiting, so read on at once and measure how far behind this is.
        const head = await this.head();
        this.behind = { entries: Math.max(0, head - this.position!), since: Date.parse(entries.at(-1)!.at) };
        next = 0;
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'change log poll failed; retrying');
      next = this.options.pollMs * FAILED_POLL_BACKOFF;
    }
    this.schedule(next);
  }

  /** Loads the facts the matching entries name (one statement) and hands them out in seq order. */
  private async handOut(entries: readonly ChangeRow[]): Promise<void> {
    // The subscribers the batch was read for: one registered while the facts load starts after
    // this batch (committed before it subscribed), rather than receiving only the entries others
    // wanted, with holes between them.
    const targets = [...this.subscribers];
    const wanted = entries.filter(
      (entry) => isFactEntry(entry) && targets.some((s) => matches(s.filter, entry)),
    );
    const facts = await this.loadFacts(wanted);
    for (const entry of wanted) {
      const fact = facts.get(entry.subjectId);
      if (!fact) continue;
      const payload: FactPayload = { seq: entry.seq, kind: entry.kind, at: entry.at, fact };
      for (const subscriber of targets) {
        if (matches(subscriber.filter, entry)) subscriber.offerLive(payload);
      }
    }
    this.position = Math.max(this.position ?? 0, entries.at(-1)!.seq);
  }

  private async loadFacts(entries: readonly ChangeRow[]): Promise<Map<string, NodeRecord>> {
    const byLabel = new Map<Label, string[]>();
    for (const entry of entries) {
      const ids = byLabel.get(entry.subjectLabel) ?? [];
      if (!ids.includes(entry.subjectId)) ids.push(entry.subjectId);
      byLabel.set(entry.subjectLabel, ids);
    }
    if (byLabel.size === 0) return new Map();
    const rows: Row[] = await this.db.read(factsByIdQuery(byLabel));
    return new Map(rows.map((row) => [row.id as string, row.node as NodeRecord]));
  }

  /** Pages the log from `after` into the subscriber, then plays what arrived live meanwhile. */
  private async replay(subscriber: LiveSubscriber, after: number): Promise<void> {
    let position = after;
    try {
      for (;;) {
        await subscriber.room();
        if (subscriber.ended) return;
        const rows = await this.db.read(
          changesAfterQuery(position, this.options.batchSize, [subscriber.filter.kind]),
        );
        const entries = rows.map((row) => row.change as unknown as ChangeRow);
        if (entries.length === 0) break;
        const wanted = entries.filter((entry) => isFactEntry(entry) && matches(subscriber.filter, entry));
        const facts = await this.loadFacts(wanted);
        position = entries.at(-1)!.seq;
        const payloads = wanted.flatMap((entry) => {
          const fact = facts.get(entry.subjectId);
          return fact ? [{ seq: entry.seq, kind: entry.kind, at: entry.at, fact }] : [];
        });
        subscriber.offerReplayed(payloads, position);
        if (entries.length < this.options.batchSize) break;
      }
      subscriber.finishReplay();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'subscription replay failed; ending it');
      subscriber.fail();
    }
  }
}
