import { UserError } from '../util/errors.js';
import { INPUT_NAMES, isInputName, type InputName } from '../model/inputs.js';

export const USAGE = `Usage: kube-pod-preview <plan|doctor|up|down|cleanup> [--<input> <value> ...]

  plan     print the rendered, validated objects as YAML (needs no cluster); with --server, as the
           API server would store them (a dry run: defaults and admission's changes filled in)
  doctor   check the cluster, the permissions and what the cluster would make of the objects, a line
           per check on stderr, changing nothing (exit status 1 when a check fails)
  up       provision or update the environment, run compose in it, print its URLs
  down     delete everything the environment created
  cleanup  remove the namespace's environments whose PR is closed or whose ttl has passed

Flags are the action's inputs: ${INPUT_NAMES.filter((n) => n !== 'command')
  .map((n) => `--${n}`)
  .join(', ')}.
Outside a pull_request event, --env-id is required (doctor without it checks a new environment under
the placeholder env-id "doctor"). The kubeconfig comes from --kubeconfig-file PATH,
$KUBECONFIG or ~/.kube/config (--kubeconfig takes its content, which then shows in the process list).
--repository owner/name names the repository the environment belongs to, as the action's
GITHUB_REPOSITORY does (default: $GITHUB_REPOSITORY, else the git checkout's origin remote), so that
the CLI reaches the environment the action created.
Progress and doctor's checks go to stderr, for people. stdout carries the result: plan's YAML, up's
URLs and cleanup's verdicts (a tab-separated line each), nothing for doctor. --output json prints the
whole outcome (doctor's checks included) as one JSON document on stdout instead.`;

export interface CliArgs {
  inputs: Partial<Record<InputName, string>>;
  /** --repository: not an input of the action, which has GITHUB_REPOSITORY. */
  repository: string | undefined;
  /** --kubeconfig-file: a path, so that credentials stay off the command line. */
  kubeconfigFile: string | undefined;
  /** `plan --server`. */
  server: boolean;
  /** --output: `text` for people (the default), `json` for programs. */
  output: 'text' | 'json';
}

/** Flags of the CLI alone; every other flag is one of the action's inputs. */
const CLI_FLAGS = ['repository', 'kubeconfig-file', 'output'] as const;

const COMMANDS = ['plan', 'doctor', 'up', 'down', 'cleanup'];

/** Parses `<command> --name value --name=value …` into input values and --repository. */
export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || !COMMANDS.includes(command)) {
    throw new UserError(`${command ? `Unknown command "${command}".\n` : ''}${USAGE}`);
  }
  const values: Partial<Record<InputName, string>> = { command };
  const cli: Partial<Record<(typeof CLI_FLAGS)[number], string>> = {};
  let server = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--server') {
      if (command !== 'plan') throw new UserError(`--server goes with plan only.\n${USAGE}`);
      server = true;
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UserError(`Unexpected argument "${arg}".\n${USAGE}`);
    const name = match[1]!;
    const cliFlag = CLI_FLAGS.find((f) => f === name);
    if (!cliFlag && (!isInputName(name) || name === 'command'))
      throw new UserError(`Unknown flag --${name}.\n${USAGE}`);
    const value = match[2] ?? rest[++i];
    if (value === undefined) throw new UserError(`Flag --${name} needs a value.`);
    if (cliFlag) cli[cliFlag] = value;
    else if (isInputName(name))
      values[name] = values[name] === undefined ? value : `${values[name]}\n${value}`;
  }
  if (cli['kubeconfig-file'] !== undefined && values.kubeconfig !== undefined)
    throw new UserError('Give --kubeconfig-file or --kubeconfig, not both.');
  const output = cli.output ?? 'text';
  if (output !== 'text' && output !== 'json')
    throw new UserError(`--output is text or json, got "${output}".`);
  return {
    inputs: values,
    repository: cli.repository,
    kubeconfigFile: cli['kubeconfig-file'],
    server,
    output,
  };
}
