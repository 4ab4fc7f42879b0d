import * as core from '@actions/core';
import { describeError } from '../util/errors.js';
import { actionInputs } from '../model/inputs.js';
import type { Logger } from '../util/log.js';
import type { KubeconfigSource } from '../model/settings.js';
import { LEASE_STATE, MAIN_STATE, REPORT_STATE } from '../model/checkpoint.js';

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
      const held = LEASE_STATE.read(lease)!;
      const source: KubeconfigSource =
        held.kubeconfig.kind === 'content'
          ? { kind: 'content', content: input('kubeconfig') ?? '' }
          : held.kubeconfig;
      // Loaded when needed: the main step's start does not parse the Kubernetes and GitHub libraries.
      const { KubeClient } = await import('../kube/client.js');
      const { releaseLease } = await import('../kube/lease.js');
      const client = KubeClient.connect(source, held.context, held.namespace, { log, env });
      if (await releaseLease(client, held.name, held.identity, log))
        log.info(`Released the lease ${held.name}.`);
    } catch (error) {
      log.warning(`Could not release the lease (it expires by itself): ${describeError(error)}`);
    }
  }
  const saved = core.getState(MAIN_STATE.report);
  const token = input('github-token');
  if (saved && token) {
    try {
      const report = REPORT_STATE.read(saved)!;
      const { GitHubApi } = await import('../github/api.js');
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
