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
  /** JSON CommentCheckpoint once the sticky comment exists. */
  comment: 'kpp-comment',
} as const;

export interface LeaseCheckpoint {
  namespace: string;
  name: string;
  identity: string;
  /** Where the credentials came from; a kubeconfig given as content is read from the input again. */
  kubeconfig: KubeconfigSource | { kind: 'content' };
  context: string | undefined;
}

export interface CommentCheckpoint {
  repository: string;
  id: number;
  /** The comment as it should read if the deploy never finishes. */
  cancelledBody: string;
}

/**
 * The post step: when the main step was killed before it could clean up (a cancelled job whose main
 * step outlived the runner's grace period), release the lease it held and mark the comment *cancelled*.
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
  const comment = core.getState(MAIN_STATE.comment);
  const token = input('github-token');
  if (comment && token) {
    try {
      const saved = JSON.parse(comment) as CommentCheckpoint;
      await new GitHubApi(token, saved.repository, env).updateComment(saved.id, saved.cancelledBody);
      log.info(`Marked comment ${saved.id} cancelled.`);
    } catch (error) {
      log.warning(`Could not mark the comment cancelled: ${describeError(error)}`);
    }
  }
}
