import { UserError } from '../errors.js';
import { INPUT_NAMES, isInputName, type InputName } from '../inputs.js';

export const USAGE = `Usage: kube-pod-preview <plan|up|down|cleanup> [--<input> <value> ...]

  plan     print the rendered, validated objects as YAML (needs no cluster)
  up       provision or update the environment, run compose in it, print its URLs
  down     delete everything the environment created
  cleanup  remove the namespace's environments whose PR is closed or whose ttl has passed

Flags are the action's inputs: ${INPUT_NAMES.filter((n) => n !== 'command')
  .map((n) => `--${n}`)
  .join(', ')}.
Outside a pull_request event, --env-id is required. The kubeconfig comes from --kubeconfig (content),
$KUBECONFIG or ~/.kube/config.`;

const COMMANDS = ['plan', 'up', 'down', 'cleanup'];

/** Parses `<command> --name value --name=value …` into input values. */
export function parseArgs(argv: string[]): Partial<Record<InputName, string>> {
  const [command, ...rest] = argv;
  if (!command || !COMMANDS.includes(command)) {
    throw new UserError(`${command ? `Unknown command "${command}".\n` : ''}${USAGE}`);
  }
  const values: Partial<Record<InputName, string>> = { command };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UserError(`Unexpected argument "${arg}".\n${USAGE}`);
    const name = match[1]!;
    if (!isInputName(name) || name === 'command') throw new UserError(`Unknown flag --${name}.\n${USAGE}`);
    const value = match[2] ?? rest[++i];
    if (value === undefined) throw new UserError(`Flag --${name} needs a value.`);
    values[name] = values[name] === undefined ? value : `${values[name]}\n${value}`;
  }
  return values;
}
