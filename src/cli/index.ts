import { describeError } from '../errors.js';
import { readRunContext } from '../github/event.js';
import { mapInputs } from '../inputs.js';
import { parseArgs, USAGE } from './args.js';
import { runLifecycle } from '../lifecycle.js';
import { consoleLogger } from '../log.js';

/** The CLI's entry point; resolves with the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  try {
    const outcome = await runLifecycle({
      input: mapInputs(parseArgs(argv)),
      context: readRunContext(process.env),
      log: consoleLogger({ verbose: Boolean(process.env.RUNNER_DEBUG) }),
      signal: controller.signal,
      cwd: process.cwd(),
    });
    if (outcome.manifest !== undefined) process.stdout.write(outcome.manifest);
    for (const u of outcome.urls ?? []) {
      process.stdout.write(`${u.service}:${u.port}\t${u.url ?? u.command ?? ''}\t${u.state}\n`);
    }
    for (const e of outcome.cleaned ?? []) {
      process.stdout.write(`${e.envId}\t${e.repository ?? ''}\t${e.reason ?? ''}\t${e.action}\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${describeError(error)}\n`);
    return 1;
  }
}
