/**
 * Resolves after `ms`; rejects with the signal's reason as soon as `signal` aborts (at once when it
 * already has), so that a loop that sleeps ends with its run's cancellation instead of spinning.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** A signal that aborts with any of `signals` that is given (AbortSignal.any without the undefined). */
export function anyOf(...signals: (AbortSignal | undefined)[]): AbortSignal {
  const given = signals.filter((s): s is AbortSignal => s !== undefined);
  return given.length === 1 ? given[0]! : AbortSignal.any(given);
}

/** A signal that aborts with `signal`, or after `ms` with a TimeoutError: a wait bounded by both. */
export function within(ms: number, signal?: AbortSignal): AbortSignal {
  return anyOf(signal, AbortSignal.timeout(ms));
}
