import { CancelledError, cancelOnSignals, describeError, reasonOf } from '../errors.js';
import { readRunContext } from '../github/event.js';
import { mapInputs } from '../inputs.js';
import { parseArgs, USAGE } from './args.js';
import { repositoryOf } from './repository.js';
import { runLifecycle } from '../lifecycle.js';
import { consoleLogger } from '../log.js';

/** The CLI's entry point; resolves with the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const signal = cancelOnSignals();
  try {
    const args = parseArgs(argv);
    const context = readRunContext(process.env);
    const outcome = await runLifecycle({
      input: mapInputs(args.inputs),
      // The environment's id derives from the repository: the CLI must name the one the action does.
      context: { ...context, repository: repositoryOf(args.repository, process.env, process.cwd()) },
      log: consoleLogger({ verbose: Boolean(process.env.RUNNER_DEBUG) }),
      signal,
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
    const reason = reasonOf(error, signal);
    if (reason instanceof CancelledError) {
      process.stderr.write(`cancelled: ${reason.message}; run the command again to finish.\n`);
      return reason.exitCode;
    }
    process.stderr.write(`error: ${describeError(reason)}\n`);
    return 1;
  }
}
