import type { RunContext } from '../github/event.js';
import type { KubeconfigSource } from '../model/settings.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';

/** How a run may treat its checkout, decided before anything reads it. */
export type CheckoutUse =
  /** The checkout is this repository's code (or a maintainer allowed a fork's): read it. */
  | 'read'
  /** Another repository's code: work from what the cluster records, never from the checkout. */
  | 'records'
  /** A fork's pull request without cluster credentials: nothing to do, said with a notice. */
  | 'skip';

/** Commands that read the compose file and the template, so the code of the checkout. */
const READS_CODE = ['up', 'plan', 'doctor'];

/**
 * Whose code the checkout holds decides what a run may do with it. A fork's compose file, x-preevy
 * section and template are code (compose `include`s files, a template is a program): a run that holds
 * this repository's credentials never reads them. Deploying, planning and checking a fork's code are
 * refused unless input allow-fork-code says a maintainer reviewed it; `down`, `extend` and `cleanup`
 * work from the labels and annotations the cluster holds.
 */
export function checkoutUse(
  command: string,
  context: RunContext,
  options: {
    allowForkCode: boolean;
    onFork: 'skip' | 'fail';
    kubeconfig: KubeconfigSource;
    credentialsAvailable: (source: KubeconfigSource) => boolean;
    log: Logger;
  },
): CheckoutUse {
  const fork = forkOf(context);
  if (!fork || options.allowForkCode) return 'read';
  // On pull_request, GitHub gives a fork's run no secrets: usually there is nothing to act with.
  if (context.fromFork && !options.credentialsAvailable(options.kubeconfig)) {
    const why = `Pull request #${context.prNumber} comes from a fork, and GitHub gives workflows on such pull requests no secrets, so there are no cluster credentials.`;
    if (options.onFork === 'fail' && READS_CODE.includes(command))
      throw new UserError(`${why} Input on-fork is fail. See the README on previews of fork pull requests.`);
    options.log.notice(`${why} Skipping the preview (input on-fork is skip).`);
    return 'skip';
  }
  if (READS_CODE.includes(command)) throw new UserError(explainForkRefused(command, fork, context));
  options.log.info(
    `The checkout holds code from ${fork}: ${command} works from what the cluster records and reads none of it.`,
  );
  return 'records';
}

/** The other repository whose code this run's checkout holds, when it is not this repository's. */
export function forkOf(context: RunContext): string | undefined {
  return context.foreignCodeWithSecrets ?? (context.fromFork ? 'a fork' : undefined);
}

function explainForkRefused(command: string, fork: string, context: RunContext): string {
  const what = command === 'up' ? 'deploy' : command === 'plan' ? 'render and print' : 'check';
  const event = context.eventName ? `${context.eventName} ` : '';
  return `This ${event}run would ${what} code from ${fork}, not from ${context.repository ?? 'this repository'}, with this repository's secrets: the fork's compose file, template and Dockerfiles would run next to your cluster credentials. Use the pull_request event (see the README on fork pull requests), or set input allow-fork-code to true once a maintainer has reviewed that code.`;
}
