/** Where progress goes: the Actions log when running as an action, stderr when running as the CLI. */
export interface Logger {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Runs `fn` inside a collapsible log section. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Keeps `value` out of every later log line. */
  mask(value: string): void;
}

/** The CLI's logger: plain lines on stderr, so that stdout carries only the command's result. */
export function consoleLogger(options: { verbose?: boolean } = {}): Logger {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  return {
    info: (m) => write(m),
    notice: (m) => write(`notice: ${m}`),
    warning: (m) => write(`warning: ${m}`),
    debug: (m) => {
      if (options.verbose) write(`debug: ${m}`);
    },
    async group(title, fn) {
      write(`── ${title}`);
      return fn();
    },
    mask: () => {},
  };
}
