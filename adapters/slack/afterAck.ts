/**
 * The work that follows an acknowledgement (router, database, posts) waits its turn here:
 * at most `maxRunning` jobs run at once and at most `perTurn` start per event-loop turn.
 * Acknowledging is cheap and answering is not; without this, a burst of requests starts all
 * its answers at once and new requests wait behind them for their 3-second acknowledgement,
 * while Slack gives answers 30 minutes. A job still running after `slowAfterMs` (a model call,
 * a slow query) stops counting, so slow work never holds the others up.
 */
export class AfterAck {
  private readonly queue: (() => void)[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly maxRunning = 8,
    private readonly slowAfterMs = 1_000,
    private readonly perTurn = 2,
  ) {}

  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        this.running++;
        let counted = true;
        const release = () => {
          if (!counted) return;
          counted = false;
          this.running--;
          this.schedule();
        };
        const slow = setTimeout(release, this.slowAfterMs);
        job()
          .then(resolve, reject)
          .finally(() => {
            clearTimeout(slow);
            release();
          });
      });
      this.schedule();
    });
  }

  /** Jobs waiting to start (for logs and tests). */
  get waiting(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.running >= this.maxRunning) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (let i = 0; i < this.perTurn && this.running < this.maxRunning; i++) this.queue.shift()?.();
      this.schedule();
    });
  }
}
