/** How long each phase of a run took, in the order they ran: the summary's and the benchmark's figures. */
export class PhaseTimer {
  readonly timings: Record<string, number> = {};
  private readonly started = performance.now();

  async time<T>(phase: string, fn: () => Promise<T>): Promise<T> {
    const phaseStarted = performance.now();
    try {
      return await fn();
    } finally {
      this.timings[phase] = Math.round(performance.now() - phaseStarted);
    }
  }

  /** Milliseconds since the run started. */
  get elapsedMs(): number {
    return performance.now() - this.started;
  }
}
