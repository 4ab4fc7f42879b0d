import { readFileSync } from 'node:fs';
import { CancelledError, UserError, cancelOnSignals, describeError, reasonOf } from '../util/errors.js';
import { readRunContext } from '../github/event.js';
import { mapInputs } from '../model/inputs.js';
import { parseArgs, USAGE } from './cli-args.js';
import { repositoryOf } from './repository.js';
import type { Outcome } from '../model/outcome.js';
import { consoleLogger } from '../util/log.js';

/**
 * What a command prints on stdout: the plan's YAML, the URLs, or cleanup's verdicts, a line each. doctor's
 * checks are already on stderr as ✔/✖ lines: printing them again would show each twice on a terminal.
 * `--output json`: the outcome itself, for programs.
 */
function resultText(outcome: Outcome, output: 'text' | 'json'): string {
  if (output === 'json') return `${JSON.stringify(outcome, null, 2)}\n`;
  switch (outcome.command) {
    case 'plan':
      return outcome.manifest;
    case 'up':
      return outcome.urls
        .map((u) => `${u.service}:${u.port}\t${u.url ?? u.command ?? ''}\t${u.state}\n`)
        .join('');
    case 'cleanup':
      return outcome.cleaned
        .map(
          (e) =>
            `${e.envId}\t${e.repository ?? ''}\t${[e.reason, e.why].filter(Boolean).join('; ')}\t${e.action}\n`,
        )
        .join('');
    // doctor's checks are on stderr already; down, extend and a skipped run say all in the log.
    case 'doctor':
    case 'down':
    case 'extend':
    case 'skipped':
      return '';
  }
}

function readKubeconfig(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(
      `Cannot read --kubeconfig-file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
}

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
    const file = args.kubeconfigFile;
    const kubeconfig = file === undefined ? {} : { kubeconfig: readKubeconfig(file) };
    // Imported here, not above: `--help` and argument errors should not pay for loading the libraries.
    const { runPreview } = await import('./run-preview.js');
    const outcome = await runPreview({
      input: mapInputs({ ...args.inputs, ...kubeconfig }),
      // The environment's id derives from the repository: the CLI must name the one the action does.
      context: { ...context, repository: repositoryOf(args.repository, process.env, process.cwd()) },
      log: consoleLogger({ verbose: Boolean(process.env.RUNNER_DEBUG) }),
      signal,
      cwd: process.cwd(),
      planOnServer: args.server,
    });
    process.stdout.write(resultText(outcome, args.output));
    return outcome.command === 'doctor' && outcome.checks.some((c) => c.state === 'failed') ? 1 : 0;
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
