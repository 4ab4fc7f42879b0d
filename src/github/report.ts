import { describeError } from '../util/errors.js';
import type { PreviewUrl } from '../model/urls.js';
import type { Ids } from '../model/ids.js';
import type { Logger } from '../util/log.js';
import type { ReportSettings } from '../model/settings.js';
import { GitHubApiError, type GitHubApi } from './api.js';
import {
  EXPIRY_MARK,
  commentMarker,
  expiryLine,
  renderComment,
  type CommentContext,
  type CommentState,
  type RunKind,
} from './comment.js';

export interface ReportTarget {
  api: GitHubApi;
  pr: number;
  ids: Ids;
  namespace: string;
  sha: string | undefined;
  runUrl: string | undefined;
  settings: ReportSettings;
  /** Input sleep-after, and whether the comment lists the /preview commands. */
  lifetime: { sleepAfterMs: number | undefined; commands: boolean };
  log: Logger;
}

/** How long a report may take once the run is over or cancelled: the runner does not wait long. */
const LAST_WORD_MS = 10_000;

/**
 * What the pull request shows of its preview: one sticky comment (found again by a hidden marker written
 * by the token's own identity) and a GitHub deployment whose status follows the deploy. Only the first
 * write may fail the run, naming the missing permission; later ones warn, since the preview itself
 * already exists or is already gone by then.
 */
export class PullRequestReport {
  private commentId: number | undefined;
  private deploymentId: number | undefined;
  private deployments: boolean;
  private readonly comments: boolean;
  private readonly context: CommentContext;
  readonly environment: string;

  constructor(private readonly target: ReportTarget) {
    const { settings, ids } = target;
    this.comments = settings.comment;
    this.deployments = settings.deployment;
    this.environment = settings.deploymentEnvironment ?? `preview/${ids.envId}`;
    this.context = {
      envId: ids.envId,
      id: ids.id,
      namespace: target.namespace,
      sha: target.sha,
      runUrl: target.runUrl,
      sleepAfterMs: target.lifetime.sleepAfterMs,
      commands: target.lifetime.commands,
    };
  }

  /** Posts (or updates) the comment as *deploying* and starts a deployment; fails on a token that may not comment. */
  async deploying(): Promise<void> {
    try {
      await this.comment({ state: 'deploying' });
    } catch (error) {
      throw permissionError(error, 'pull-requests: write', 'comment on the pull request', 'comment');
    }
    if (!this.deployments) return;
    if (!this.target.sha) {
      this.target.log.warning('No head commit in the event: skipping the GitHub deployment.');
      this.deployments = false;
      return;
    }
    await this.deploymentCall(async () => {
      this.deploymentId = await this.target.api.createDeployment({
        ref: this.target.sha!,
        environment: this.environment,
        description: `Preview of #${this.target.pr} (kube-pod-preview)`,
      });
      await this.target.api.setDeploymentStatus(this.deploymentId, {
        state: 'in_progress',
        logUrl: this.target.runUrl,
      });
    });
  }

  async finished(
    state: 'ready' | 'running',
    urls: PreviewUrl[],
    durationMs: number,
    primaryUrl: string | undefined,
    expiresAt?: Date,
  ): Promise<void> {
    await this.lastWord(async () => {
      await this.comment({ state, urls, durationMs, expiresAt });
      await this.status('success', primaryUrl);
    });
  }

  /**
   * A run that failed, or stopped because it was cancelled, says so. A teardown only updates a comment
   * that exists: a pull request that never had a preview gets no comment about removing it.
   */
  async ended(error: unknown, signal: AbortSignal, during: RunKind): Promise<void> {
    const create = during === 'deploy';
    await this.lastWord(async () => {
      if (signal.aborted) {
        await this.comment({ state: 'cancelled', during }, create);
        await this.status('error', undefined, 'Cancelled');
      } else {
        await this.comment({ state: 'failed', error: describeError(error), during }, create);
        await this.status('failure');
      }
    });
  }

  /** The comment, if there is one, says *deleted*; every deployment of the environment becomes inactive. */
  async deleted(): Promise<void> {
    await this.lastWord(async () => {
      await this.comment({ state: 'deleted' }, false);
      if (!this.deployments) return;
      await this.deploymentCall(async () => {
        for (const deployment of await this.target.api.listDeployments(this.environment)) {
          await this.target.api.setDeploymentStatus(deployment.id, { state: 'inactive' });
        }
      });
    });
  }

  /** The comment, if there is one, says *sleeping*, with the URLs the preview will have again once woken. */
  async sleeping(urls: PreviewUrl[]): Promise<void> {
    await this.lastWord(() => this.comment({ state: 'sleeping', urls }, false));
  }

  /** `/preview extend`: the comment's expiry line says the new time; the rest of it stays as it was. */
  async extended(expiresAt: Date): Promise<void> {
    await this.lastWord(async () => {
      if (!this.comments) return;
      const { api, pr, ids } = this.target;
      this.commentId ??= await this.findComment(api, pr, commentMarker(ids.id));
      const current = this.commentId === undefined ? undefined : await api.getComment(this.commentId);
      if (!current?.includes(EXPIRY_MARK)) return;
      const line = expiryLine(expiresAt, this.context.commands === true);
      await api.updateComment(
        this.commentId!,
        current.replace(new RegExp(`^.*${EXPIRY_MARK}.*$`, 'm'), line),
      );
    });
  }

  /**
   * What a post step needs to say *cancelled* if this process is killed: the comment with its cancelled
   * text, and the deployment in progress.
   */
  checkpoint(): { comment?: { id: number; cancelledBody: string }; deploymentId?: number } {
    return {
      ...(this.commentId !== undefined
        ? {
            comment: {
              id: this.commentId,
              cancelledBody: renderComment({ state: 'cancelled', during: 'deploy' }, this.context),
            },
          }
        : {}),
      ...(this.deploymentId !== undefined ? { deploymentId: this.deploymentId } : {}),
    };
  }

  /** True when the pull request was closed meanwhile (a deploy then ends by tearing down). */
  async isClosed(): Promise<boolean> {
    try {
      return (await this.target.api.pullRequestState(this.target.pr)) === 'closed';
    } catch (error) {
      this.target.log.warning(
        `Cannot tell whether #${this.target.pr} is still open: ${describeError(error)}`,
      );
      return false;
    }
  }

  /** Writes the sticky comment; `create` false only updates one that exists. */
  private async comment(state: CommentState, create = true): Promise<void> {
    if (!this.comments) return;
    const { api, pr, ids } = this.target;
    const body = renderComment(state, this.context);
    this.commentId ??= await this.findComment(api, pr, commentMarker(ids.id));
    if (this.commentId === undefined) {
      if (!create) return;
      this.commentId = await api.createComment(pr, body);
    } else await api.updateComment(this.commentId, body);
    this.target.log.info(`Pull request #${pr}: comment ${this.commentId} says ${state.state}`);
  }

  /**
   * Our comment: the marker of this environment, written by the identity the token acts as. Anyone can
   * write the marker, so when that identity cannot be learnt no comment is adopted: a new one is posted.
   */
  private async findComment(api: GitHubApi, pr: number, marker: string): Promise<number | undefined> {
    const [viewer, comments] = await Promise.all([api.viewerLogin(), api.listComments(pr)]);
    if (viewer === undefined) {
      this.target.log.warning(explainUnknownViewer(pr));
      return undefined;
    }
    return comments.find((c) => c.body.startsWith(marker) && c.author?.replace(/\[bot\]$/, '') === viewer)
      ?.id;
  }

  private async status(
    state: 'success' | 'failure' | 'error',
    environmentUrl?: string,
    description?: string,
  ): Promise<void> {
    if (!this.deployments || this.deploymentId === undefined) return;
    const id = this.deploymentId;
    await this.deploymentCall(() =>
      this.target.api.setDeploymentStatus(id, {
        state,
        environmentUrl,
        logUrl: this.target.runUrl,
        description,
      }),
    );
  }

  /** Deployments are a nicety: a token without `deployments: write` gets a warning, once. */
  private async deploymentCall(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      this.deployments = false;
      const permission = error instanceof GitHubApiError && (error.status === 403 || error.status === 404);
      this.target.log.warning(
        permission
          ? explainDeploymentsRefused(error)
          : `${describeError(error)}. Skipping GitHub deployments for this run.`,
      );
    }
  }

  /** Reports after the work is done must not fail it, nor hold a cancelled job. */
  private async lastWord(fn: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.target.log.warning(
          `Updating the pull request took longer than ${LAST_WORD_MS / 1000}s; giving up.`,
        );
        resolve();
      }, LAST_WORD_MS);
    });
    try {
      await Promise.race([
        fn().catch((error: unknown) =>
          this.target.log.warning(`Could not update the pull request: ${describeError(error)}`),
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function permissionError(error: unknown, permission: string, what: string, input: string): unknown {
  if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
    return new GitHubApiError(error.status, explainPermissionRefused(error.message, permission, what, input));
  }
  return error;
}

function explainPermissionRefused(message: string, permission: string, what: string, input: string): string {
  return `${message}. The token (input github-token) may not ${what}: give the job "permissions: ${permission}" (and on a fork's pull request, see the README), or set input ${input} to false.`;
}

function explainUnknownViewer(pr: number): string {
  return `Cannot learn which account the token (input github-token) acts as, so no existing comment on #${pr} can be told to be ours: a new comment is posted.`;
}

function explainDeploymentsRefused(error: unknown): string {
  return `${describeError(error)}. Skipping GitHub deployments: give the job "permissions: deployments: write", or set input deployment to false.`;
}
