/**
 * A failure the user can fix. Its message says what is wrong and what to do; it is printed without a
 * stack trace. Anything else that escapes is a bug and is printed with one.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** The message of an error, for logs; a bug keeps its stack so it can be reported. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
