import { runCleanupCommand, runEnvironmentCommand } from '../commands/table.js';
import type { Outcome } from '../model/outcome.js';
import { chooseCommand, skippedOutcome } from '../resolve/choose-command.js';
import { resolveCleanupRun, resolveRun } from '../resolve/resolve-run.js';
import type { AuthorizedRequest, RunRequest } from '../resolve/run.js';

/**
 * One run, whichever its entry point: a `/preview` comment is authorized first; then the command is
 * chosen (and whether the checkout may be read at all), the run resolved once, and its command run.
 * `plan` prints the plan; `doctor` asks the cluster what it would make of it; `up` deploys it; `down`
 * removes the environment; `cleanup` removes those of closed pull requests and expired ones, and puts
 * idle ones to sleep.
 */
export async function runPreview(request: RunRequest): Promise<Outcome> {
  if (request.context.eventName !== 'issue_comment') return runAuthorized(request);
  const { runCommentCommand } = await import('../resolve/comment-command.js');
  return runCommentCommand(request, runAuthorized);
}

async function runAuthorized(request: AuthorizedRequest): Promise<Outcome> {
  const choice = await chooseCommand(request);
  const { command } = choice;
  if (command.name === 'skip' || choice.checkout === 'skip') {
    if (command.name === 'skip') request.log.notice(command.why);
    return skippedOutcome(request.input, request.context);
  }
  if (command.name === 'cleanup') {
    const run = await resolveCleanupRun(request, choice);
    const cleaned = await runCleanupCommand(run);
    const { namespace } = run.settings;
    const common = { ids: { envId: '*', id: '*' }, namespace, project: run.compose?.name ?? '' };
    return { ...common, command: 'cleanup', cleaned, timings: run.timer.timings };
  }
  const run = await resolveRun(request, choice);
  const { ids, settings } = run;
  request.log.info(
    `Environment ${ids.envId} (id ${ids.id}) in namespace ${settings.namespace} (${settings.namespaceFrom}): ${command.name}`,
  );
  const result = await runEnvironmentCommand(run);
  const common = {
    ids,
    namespace: settings.namespace,
    project: run.compose?.name ?? '',
    timings: run.timer.timings,
  };
  return { ...common, ...result };
}
