import * as core from '@actions/core';
import { describeError } from './errors.js';
import { GitHubApi } from './github/api.js';
import { actionInputs } from './inputs.js';
import { KubeClient } from './kube/client.js';
import { loadKubeConfig } from './kube/config.js';
import { releaseLease } from './kube/lease.js';
import type { Logger } from './log.js';
import type { KubeconfigSource } from './settings.js';

/** What the main step leaves in the step state (GITHUB_STATE) for its post step. */
export const MAIN_STATE = {
  started: 'kpp-started',
  finished: 'kpp-finished',
  /** JSON LeaseCheckpoint while the main step holds the environment's lease; empty once released. */
  lease: 'kpp-lease',
  /** JSON ReportCheckpoint once the sticky comment or the deployment exists. */
  report: 'kpp-report',
} as const;

export interface LeaseCheckpoint {
  namespace: string;
  name: string;
  identity: string;
  /** Where the credentials came from; a kubeconfig given as content is read from the input again. */
  kubeconfig: KubeconfigSource | { kind: 'content' };
  context: string | undefined;
}

export interface ReportCheckpoint {
  repository: string;
  /** The sticky comment, and how it should read if the deploy never finishes. */
  comment?: { id: number; cancelledBody: string };
  /** The GitHub deployment in progress, to be marked errored if the deploy never finishes. */
  deploymentId?: number;
}

/**
 * The post step: when the main step was killed before it could clean up (a cancelled job whose main
 * step outlived the runner's grace period), release the lease it held and mark the comment and the
 * deployment *cancelled*.
 * After a main step that finished, successfully or not, there is nothing to do.
 */
export async function runPostStep(env: NodeJS.ProcessEnv, log: Logger): Promise<void> {
  if (core.getState(MAIN_STATE.finished)) return;
  log.notice('The main step did not finish (cancelled or killed); releasing what it held.');
  const input = actionInputs(env);
  const lease = core.getState(MAIN_STATE.lease);
  if (lease) {
    try {
      const held = JSON.parse(lease) as LeaseCheckpoint;
      const source: KubeconfigSource =
        held.kubeconfig.kind === 'content'
          ? { kind: 'content', content: input('kubeconfig') ?? '' }
          : held.kubeconfig;
      const kc = loadKubeConfig(source, held.context, log, env);
      if (await releaseLease(new KubeClient(kc, held.namespace, { log }), held.name, held.identity, log))
        log.info(`Released the lease ${held.name}.`);
    } catch (error) {
      log.warning(`Could not release the lease (it expires by itself): ${describeError(error)}`);
    }
  }
  const saved = core.getState(MAIN_STATE.report);
  const token = input('github-token');
  if (saved && token) {
    try {
      const report = JSON.parse(saved) as ReportCheckpoint;
      const api = new GitHubApi(token, report.repository, env);
      if (report.comment) {
        await api.updateComment(report.comment.id, report.comment.cancelledBody);
        log.info(`Marked comment ${report.comment.id} cancelled.`);
      }
      if (report.deploymentId !== undefined) {
        await api.setDeploymentStatus(report.deploymentId, { state: 'error', description: 'Cancelled' });
        log.info(`Marked deployment ${report.deploymentId} as errored (cancelled).`);
      }
    } catch (error) {
      log.warning(`Could not mark the pull request's preview cancelled: ${describeError(error)}`);
    }
  }
}
