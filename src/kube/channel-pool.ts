import type { Logger } from '../util/log.js';

/** What the pool needs of a channel: whether it can still be used, its age, and how to end it. */
export interface Pooled {
  readonly usable: boolean;
  readonly openedAt: number;
  onClose(listener: () => void): void;
  terminate(): void;
}

export interface PoolOptions {
  /** Channels kept open ahead of demand. 0 turns the pool off: every connection opens its own. */
  size: number;
  /**
   * A channel idle longer than this is replaced: proxies and load balancers in front of an API server
   * may drop idle connections without a word (350 s on some cloud load balancers).
   */
  maxIdleMs: number;
  /** After a pooled channel fails or closes unused, refilling waits this long, doubling up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

/**
 * An `up` of examples/hello makes 9 connections, in bursts of a few within milliseconds: with 4 channels
 * ready every one of them started on a pooled channel (`npm run bench` prints both figures).
 */
export const DEFAULT_POOL: PoolOptions = { size: 4, maxIdleMs: 60_000, backoffMs: 250, maxBackoffMs: 5_000 };

/**
 * Keeps up to `size` channels open ahead of demand, so that a new connection starts on an already
 * upgraded WebSocket instead of waiting for an upgrade through the API server and the kubelet. It never
 * hands out a channel that has closed or gone stale; it refills as channels are taken, pauses (with
 * backoff) while channels cannot be opened or do not stay open (the pod's port is not listening yet), and
 * closes every channel it holds, and every one still opening, on close.
 */
export class ChannelPool<C extends Pooled> {
  private readonly idle: C[] = [];
  private readonly opening = new Set<Promise<C | undefined>>();
  private backoffMs: number;
  /** After a failure the pool probes with one channel, and fills up only once one works again. */
  private failing = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;
  /** An error no retry can mend (one whose `final` is true: a refused upgrade); the pool opens no more. */
  private refused: Error | undefined;

  constructor(
    /** Opens a channel: `patient` for a connection waiting for it, else one try (the pool backs off). */
    private readonly open: (patient: boolean) => Promise<C>,
    private readonly options: PoolOptions,
    private readonly log: Logger,
  ) {
    this.backoffMs = options.backoffMs;
    this.sweeper = setInterval(() => this.sweep(), Math.max(options.maxIdleMs / 2, 100));
    this.sweeper.unref();
  }

  get idleCount(): number {
    return this.idle.length;
  }

  /** A usable pooled channel, or undefined when there is none; the pool refills behind it. */
  take(): C | undefined {
    let channel: C | undefined;
    while ((channel = this.idle.shift()) && !this.fresh(channel)) channel.terminate();
    if (channel) this.backoffMs = this.options.backoffMs; // channels work again
    this.fill();
    return channel;
  }

  /** A channel opened for the caller now, when the pool had none, riding out transient failures. */
  openNow(): Promise<C> {
    if (this.refused) return Promise.reject(this.refused);
    return this.open(true).catch((error: unknown) => {
      this.noteFinal(error);
      throw error;
    });
  }

  /** Opens channels until `size` are idle or opening (one while failing); waits out the backoff first. */
  fill(): void {
    if (this.closed || this.retryTimer || this.refused) return;
    const target = this.failing ? Math.min(1, this.options.size) : this.options.size;
    while (this.idle.length + this.opening.size < target) {
      const opening: Promise<C | undefined> = this.open(false).then(
        (channel) => {
          this.opening.delete(opening);
          this.add(channel);
          return channel;
        },
        (error: unknown) => {
          this.opening.delete(opening);
          if (!this.noteFinal(error)) this.failed(`opening a channel failed: ${(error as Error).message}`);
          return undefined;
        },
      );
      this.opening.add(opening);
    }
  }

  /** Closes every idle channel and every one still opening; the pool opens no more. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    clearTimeout(this.retryTimer);
    for (const channel of this.idle.splice(0)) channel.terminate();
    // Those still opening are terminated by add() as they open (or fail on their own).
    await Promise.all(this.opening);
  }

  private add(channel: C): void {
    if (this.closed || !channel.usable) {
      channel.terminate();
      if (!this.closed) this.failed('a new channel was closed at once');
      return;
    }
    this.idle.push(channel);
    if (this.failing) {
      this.failing = false;
      this.fill();
    }
    channel.onClose(() => {
      const index = this.idle.indexOf(channel);
      if (index < 0) return; // taken, or swept
      this.idle.splice(index, 1);
      this.failed('an idle channel was closed by the server');
    });
  }

  /** Keeps an error marked `final`, and says whether it was one. */
  private noteFinal(error: unknown): boolean {
    if ((error as { final?: unknown } | null)?.final !== true) return false;
    this.refused ??= error as Error;
    return true;
  }

  private fresh(channel: C): boolean {
    return channel.usable && Date.now() - channel.openedAt < this.options.maxIdleMs;
  }

  /** Replaces idle channels that closed or went stale. */
  private sweep(): void {
    for (const channel of [...this.idle]) {
      if (this.fresh(channel)) continue;
      this.idle.splice(this.idle.indexOf(channel), 1);
      channel.terminate();
    }
    this.fill();
  }

  private failed(why: string): void {
    this.failing = true;
    // Channels opened together fail together: one pause for all of them.
    if (this.closed || this.retryTimer) return;
    this.log.debug(`port-forward pool: ${why}; trying again in ${this.backoffMs} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.fill();
    }, this.backoffMs);
    this.retryTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs);
  }
}
