import type { RunContext } from '../github/event.js';
import { resourceId } from '../model/ids.js';
import type { InputSource } from '../model/inputs.js';
import type { SkippedOutcome } from '../model/outcome.js';
import { allowsForkCode, readCommand, readOnFork, readTriggers } from '../model/run-inputs.js';
import { decideAuto } from '../model/trigger.js';
import { checkoutUse, forkOf, type CheckoutUse } from './fork.js';
import type { AuthorizedRequest, CommandChoice } from './run.js';

/** The command, and whose code the checkout holds: both decided before anything of the checkout is read. */
export interface Choice {
  command: CommandChoice;
  checkout: CheckoutUse;
}

/**
 * What this run does: a `/preview` comment's command, `auto`'s choice for the pull_request event (drafts,
 * labels, closed), or input command; then, for a fork's code, whether it may be read at all (a compose
 * file is code too: include, env_file; and so is a template).
 */
export async function chooseCommand(request: AuthorizedRequest): Promise<Choice> {
  const command = commandOf(request);
  if (command.name === 'skip') return { command, checkout: 'skip' };
  return { command, checkout: await checkoutUseOf(command.name, request) };
}

function commandOf({ input, context, commentCommand: comment }: AuthorizedRequest): CommandChoice {
  if (comment?.name === 'extend') return { name: 'extend', byMs: comment.byMs };
  if (comment?.name === 'down') return { name: 'down' };
  if (comment) return { name: 'up' };
  const command = readCommand(input);
  if (command === 'auto') {
    const decision = decideAuto(context, readTriggers(input));
    if (decision.command === 'skip') return { name: 'skip', why: decision.why };
    return decision.command === 'down' ? { name: 'down' } : { name: 'up' };
  }
  if (command === 'down') return { name: 'down' };
  if (command === 'cleanup') return { name: 'cleanup' };
  return { name: command };
}

/** Whose code the checkout holds, from inputs alone: nothing of the checkout is read to decide it. */
async function checkoutUseOf(command: string, request: AuthorizedRequest): Promise<CheckoutUse> {
  const { input, context, log } = request;
  if (!forkOf(context)) return 'read';
  const { credentialsAvailable } = await import('../kube/kubeconfig-file.js');
  const content = input('kubeconfig');
  return checkoutUse(command, context, {
    allowForkCode: allowsForkCode(input),
    onFork: readOnFork(input),
    kubeconfig: content ? { kind: 'content', content } : { kind: 'default' },
    credentialsAvailable: (source) => credentialsAvailable(source, request.env ?? process.env),
    log,
  });
}

/** The outcome of a run that does nothing, with the ids and namespace as far as inputs and the event give them. */
export function skippedOutcome(input: InputSource, context: RunContext): SkippedOutcome {
  const envId = input('env-id') ?? (context.prNumber === undefined ? '' : `pr-${context.prNumber}`);
  const id = envId && context.repository ? resourceId(context.repository, envId) : '';
  return {
    ids: { envId, id },
    namespace: input('namespace') ?? '',
    project: '',
    timings: {},
    command: 'skipped',
  };
}
