import { GitHubApi } from '../github/api.js';
import type { PullRequestComment, RunContext } from '../github/event.js';
import type { Outcome } from '../model/outcome.js';
import {
  DEFAULT_COMMAND_PERMISSION,
  parseCommandPermission,
  parsePreviewCommand,
  type PreviewCommand,
} from '../model/trigger.js';
import { allowsForkCode, readProjectInputs } from '../model/run-inputs.js';
import { describeError, UserError } from '../util/errors.js';
import { checkoutHead } from './checkout.js';
import { skippedOutcome } from './choose-command.js';
import type { AuthorizedRequest, RunRequest } from './run.js';

/**
 * An issue_comment run: a `/preview redeploy|down|extend <duration>|wake` comment on a pull request runs
 * that command for it, when its author's repository role may (input command-permission, asked of the
 * API); anyone else is told they may not. The comment gets 👀 when the command starts, then 🚀 or 😕.
 * The code deployed is the pull request's head, and only when the checkout is that head (and the commit
 * the comment names, if it names one); a fork's head is another repository's code with this one's
 * secrets: never read (`down` and `extend` work from the cluster's records, deploys are refused), unless
 * allow-fork-code, and then only at the commit the comment names.
 */
export async function runCommentCommand(
  options: RunRequest,
  runCommand: (authorized: AuthorizedRequest) => Promise<Outcome>,
): Promise<Outcome> {
  const { context, input, log } = options;
  const nothing = skippedOutcome(input, context);
  const { comment } = context;
  if (!comment) {
    log.notice(
      'A comment on an issue, or an edited one: only new comments on pull requests carry /preview commands.',
    );
    return nothing;
  }
  const pr = context.prNumber!;
  let command: PreviewCommand | undefined;
  try {
    command = parsePreviewCommand(comment.body);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const api = githubFor(options);
    await replyAndReact(api, pr, comment, `@${comment.author} ${error.message}`);
    return nothing;
  }
  if (!command) {
    log.info(`Comment ${comment.id} on #${pr} is not a /preview command; nothing to do.`);
    return nothing;
  }
  const api = githubFor(options);
  const allowed = optionalPermission(input('command-permission'));
  // The role the API reports, not the comment's association: a member or collaborator may only read.
  const role = await api.roleOf(comment.author);
  if (!(allowed as readonly string[]).includes(role)) {
    log.notice(`${comment.author} (role ${role}) may not run /preview ${command.name}.`);
    await replyAndReact(api, pr, comment, notAllowed(comment.author, role, allowed));
    return nothing;
  }
  await api.react(comment.id, 'eyes');
  try {
    const inner = {
      ...options,
      context: await pullRequestContext(api, options, command),
      commentCommand: command,
    };
    const outcome = await runCommand(inner);
    await bestEffort(() => api.react(comment.id, 'rocket'), options);
    return outcome;
  } catch (error) {
    await bestEffort(() => api.react(comment.id, 'confused'), options);
    throw error;
  }
}

/**
 * The run's context as the pull request's head gives it: the SHA to deploy, and whose code it is. A
 * deploy takes the checkout only when it is that head: a push after the workflow checked out (or a
 * checkout of another ref) would deploy code nobody asked for under this comment.
 */
async function pullRequestContext(
  api: GitHubApi,
  options: RunRequest,
  command: PreviewCommand,
): Promise<RunContext> {
  const { context } = options;
  const pr = await api.pullRequest(context.prNumber!);
  if (pr.state === 'closed' && command.name !== 'down') {
    throw new UserError(
      `Pull request #${context.prNumber} is closed: /preview ${command.name} deploys only open ones.`,
    );
  }
  const foreign =
    pr.headRepository === null
      ? '(deleted fork)'
      : pr.headRepository !== pr.baseRepository
        ? pr.headRepository
        : undefined;
  if (command.name === 'redeploy' || command.name === 'wake')
    await requireReviewedHead(options, command, pr, foreign);
  return {
    ...context,
    headSha: pr.headSha,
    prUrl: pr.htmlUrl,
    // issue_comment runs in this repository with its secrets, whoever wrote the code: see foreignCode.
    fromFork: false,
    foreignCodeWithSecrets: foreign,
  };
}

/**
 * A deploy takes the head only when it is the commit the comment names (if it names one) and the
 * checkout. Without allow-fork-code a fork's deploy is refused as such later, before its checkout is
 * looked at; with it, the maintainer's word holds for the whole SHA they name: the fork's author writes
 * both commits, so a short prefix is theirs to collide, and a push after the comment is not reviewed.
 */
async function requireReviewedHead(
  options: RunRequest,
  command: { name: 'redeploy' | 'wake'; pin?: string },
  pr: { headSha: string },
  foreign: string | undefined,
): Promise<void> {
  const prNumber = options.context.prNumber!;
  if (foreign && !allowsForkCode(options.input)) return;
  if (command.pin && !pr.headSha.startsWith(command.pin))
    throw new UserError(explainMovedOn(prNumber, command, pr.headSha, foreign));
  if (foreign && command.pin?.length !== pr.headSha.length)
    throw new UserError(explainUnpinnedFork(prNumber, command, foreign, pr.headSha));
  const { workingDirectory } = readProjectInputs(options.input, options.cwd);
  const checkedOut = await checkoutHead(workingDirectory, options.signal);
  if (checkedOut !== pr.headSha)
    throw new UserError(explainStaleCheckout(prNumber, pr.headSha, checkedOut, workingDirectory));
}

function githubFor(options: RunRequest): GitHubApi {
  const token = options.input('github-token');
  const repository = options.context.repository;
  if (!token || !repository) {
    throw new UserError(
      '/preview commands answer on the pull request, which needs input github-token (the default, github.token, will do) and GITHUB_REPOSITORY.',
    );
  }
  options.log.mask(token);
  return new GitHubApi(token, repository, options.env ?? process.env);
}

function notAllowed(author: string, role: string, allowed: readonly string[]): string {
  const who = allowed.length
    ? `people with the ${allowed.join(', ')} role`
    : 'nobody (input command-permission is none)';
  return `@${author} only ${who} may run \`/preview\` commands here (input command-permission); your role in this repository is ${role}.`;
}

function explainStaleCheckout(pr: number, head: string, checkedOut: string | undefined, dir: string): string {
  const found = checkedOut ? `commit ${checkedOut.slice(0, 12)}` : 'no git checkout';
  return `Pull request #${pr}'s head is ${head.slice(0, 12)}, but ${dir} holds ${found}: this run deploys only the head it checked out. Check out refs/pull/${pr}/head in the workflow (see the README on commands) and comment again; if the pull request moved on since, comment again to deploy the new head (naming its whole SHA on a fork's pull request).`;
}

function explainMovedOn(
  pr: number,
  command: { name: string; pin?: string },
  head: string,
  foreign: string | undefined,
): string {
  return `Pull request #${pr}'s head is ${head.slice(0, 12)}, not the commit ${command.pin} this comment names: it moved on since. Review the new head, then comment /preview ${command.name} ${foreign ? head : head.slice(0, 12)}.`;
}

function explainUnpinnedFork(pr: number, command: { name: string }, fork: string, head: string): string {
  return `Pull request #${pr} is from ${fork}: with allow-fork-code a deploy of its code names the whole commit SHA a maintainer reviewed, so that a push after the comment is never deployed (a fork can make another commit share a short prefix). Comment /preview ${command.name} ${head} once you have reviewed that head.`;
}

function optionalPermission(value: string | undefined): readonly string[] {
  return value === undefined ? DEFAULT_COMMAND_PERMISSION : parseCommandPermission(value);
}

async function replyAndReact(
  api: GitHubApi,
  pr: number,
  comment: PullRequestComment,
  text: string,
): Promise<void> {
  // The comment is not quoted back: its text is anyone's, and the reply is written as this repository's bot.
  await api.createComment(pr, text);
  await api.react(comment.id, 'confused');
}

/** The last reaction must not hide how the command itself ended. */
async function bestEffort(fn: () => Promise<void>, options: RunRequest): Promise<void> {
  try {
    await fn();
  } catch (error) {
    options.log.warning(`Could not react to the comment: ${describeError(error)}`);
  }
}
