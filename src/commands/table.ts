import type { CleanupEntry } from '../model/outcome.js';
import type { CleanupRun, EnvironmentRun, ProjectRun } from '../resolve/run.js';
import type { Cluster, CommandResult } from './cluster.js';

type EnvironmentCommand = 'up' | 'plan' | 'doctor' | 'down' | 'extend';

/**
 * Each command's module, loaded when it runs: the Kubernetes and GitHub client libraries are most of the
 * bundle and of its start-up time, and `plan` needs neither. `project`: it reads the compose project.
 */
type Command<R> = (run: R, cluster: Cluster) => Promise<CommandResult>;
type Entry =
  | { project: true; load: () => Promise<Command<ProjectRun>> }
  | { project: false; load: () => Promise<Command<EnvironmentRun>> };

const COMMANDS: Record<EnvironmentCommand, Entry> = {
  up: { project: true, load: async () => (await import('./up.js')).up },
  plan: { project: true, load: async () => (await import('./show-plan.js')).showPlan },
  doctor: { project: true, load: async () => (await import('./doctor.js')).doctor },
  down: { project: false, load: async () => (await import('./down.js')).down },
  extend: { project: false, load: async () => (await import('./extend.js')).extend },
};

/** Runs the run's command on its environment. */
export async function runEnvironmentCommand(run: EnvironmentRun): Promise<CommandResult> {
  const name = run.command.name;
  if (name === 'cleanup' || name === 'skip') throw new Error(`${name} is not a command on one environment.`);
  const command = COMMANDS[name];
  if (!command.project) return (await command.load())(run, clusterOf(run));
  const { compose } = run;
  if (!compose) throw new Error(`${name} reads the compose project.`);
  return (await command.load())({ ...run, compose }, clusterOf(run));
}

/** `cleanup`: every environment of the namespace. */
export async function runCleanupCommand(run: CleanupRun): Promise<CleanupEntry[]> {
  const { cleanup } = await import('./cleanup.js');
  return cleanup(run, clusterOf(run));
}

function clusterOf(run: CleanupRun): Cluster {
  const { settings, log, env, signal } = run;
  return {
    async connect() {
      const { KubeClient } = await import('../kube/client.js');
      return KubeClient.connect(settings.kubeconfig, settings.context, settings.namespace, {
        log,
        env,
        signal,
      });
    },
  };
}
