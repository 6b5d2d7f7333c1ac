import { ServiceUnavailableError } from '../common/domain-error';

export interface BulkheadOptions {
  /** How many run at once. */
  concurrency: number;
  /** How many may wait for a place; one more is refused at once. */
  queue: number;
  /** How long one waits for a place before it is refused. */
  maxWaitMs: number;
  /** The Spanish sentence of the 503. */
  busyMessage: string;
  retryAfterSeconds?: number;
}

/**
 * Bounds heavy work (print runs, rendering) in one process: `concurrency` at a time, `queue` waiting
 * at most `maxWaitMs`; past that, 503 with Retry-After, before anything is written. Keeps the
 * database pool and Chromium free for everything else (and `/health`) during a burst.
 */
export class Bulkhead {
  private active = 0;
  private readonly waiting: Array<{ admit: () => void; timer: NodeJS.Timeout }> = [];

  constructor(readonly options: BulkheadOptions) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  /** Refuses at once (503) when no place is free and the line is full: call before any other work. */
  assertRoom(): void {
    if (this.active >= this.options.concurrency && this.waiting.length >= this.options.queue) throw this.busy();
  }

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private enter(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queue) return Promise.reject(this.busy());
    return new Promise<void>((resolve, reject) => {
      const entry = {
        admit: resolve,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(this.busy());
        }, this.options.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  /** The place passes to the next in line, or frees up. */
  private leave(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.active--;
      return;
    }
    clearTimeout(next.timer);
    next.admit();
  }

  private busy(): ServiceUnavailableError {
    return new ServiceUnavailableError(this.options.busyMessage, this.options.retryAfterSeconds ?? 5, 'SATURADO');
  }
}
