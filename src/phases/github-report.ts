import { GitHubApi } from '../github/api.js';
import type { RunContext } from '../github/event.js';
import { PullRequestReport } from '../github/report.js';
import type { Ids } from '../model/ids.js';
import type { Settings } from '../model/settings.js';
import type { EnvironmentRun } from '../resolve/run.js';
import type { Logger } from '../util/log.js';

/** The GitHub API for the run's repository, when there is a token and a repository. */
export function githubApi(
  settings: Settings,
  context: RunContext,
  env: NodeJS.ProcessEnv,
): GitHubApi | undefined {
  if (!settings.githubToken || !context.repository) return undefined;
  return new GitHubApi(settings.githubToken, context.repository, env);
}

/** The sticky comment and deployment of pull request `pr`, unless inputs comment and deployment are off. */
export function reportFor(
  api: GitHubApi | undefined,
  settings: Settings,
  ids: Ids,
  pr: number | undefined,
  context: RunContext,
  log: Logger,
): PullRequestReport | undefined {
  if (!api || pr === undefined || (!settings.report.comment && !settings.report.deployment)) return undefined;
  return new PullRequestReport({
    api,
    pr,
    ids,
    namespace: settings.namespace,
    sha: context.headSha,
    runUrl: context.runUrl,
    settings: settings.report,
    lifetime: { sleepAfterMs: settings.sleepAfterMs, commands: settings.commandsListed },
    log,
  });
}

/** The run's pull request comment and deployment, for `up`, `down` and `extend`, when it has them. */
export function reportOf(run: EnvironmentRun): PullRequestReport | undefined {
  const { settings, context } = run;
  return reportFor(
    githubApi(settings, context, run.env),
    settings,
    run.ids,
    context.prNumber,
    context,
    run.log,
  );
}
