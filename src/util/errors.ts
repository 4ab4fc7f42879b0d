/**
 * A failure the user can fix. Its message says what is wrong and what to do; it is printed without a
 * stack trace. Anything else that escapes is a bug and is printed with one.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** The run was stopped from outside: the runner cancelled the job, or someone pressed Ctrl-C. */
export class CancelledError extends UserError {
  override name = 'CancelledError';
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(`the run was stopped by ${signal}`);
  }

  /** The shell's convention for a process ended by a signal: 128 + its number. */
  get exitCode(): number {
    return this.signal === 'SIGINT' ? 130 : 143;
  }
}

/**
 * An abort signal that SIGINT and SIGTERM fire, its reason a CancelledError naming the signal. Handling
 * them keeps the process alive long enough to release the lease and report.
 */
export function cancelOnSignals(): AbortSignal {
  const controller = new AbortController();
  for (const name of ['SIGINT', 'SIGTERM'] as const)
    process.once(name, () => controller.abort(new CancelledError(name)));
  return controller.signal;
}

/**
 * What ended a run: its cancellation when it was cancelled, whatever the error it surfaced as (an
 * AbortError from a request, a killed child process), else the error itself.
 */
export function reasonOf(error: unknown, signal: AbortSignal): unknown {
  return signal.aborted && signal.reason instanceof CancelledError ? signal.reason : error;
}

/** The message of an error, for logs; a bug keeps its stack so it can be reported. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
