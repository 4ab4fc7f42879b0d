import type { KubeconfigSource } from './settings.js';

/**
 * What the action's main step leaves in the step state (GITHUB_STATE) for its post step, which runs
 * after it, cancelled or not, and cleans up after a main step that was killed.
 */
export const MAIN_STATE = {
  started: 'kpp-started',
  finished: 'kpp-finished',
  /** JSON LeaseCheckpoint while the main step holds the environment's lease; empty once released. */
  lease: 'kpp-lease',
  /** JSON ReportCheckpoint once the sticky comment or the deployment exists. */
  report: 'kpp-report',
} as const;

/** Where a run saves what its post step needs: the action's step state; nowhere for the CLI. */
export type Checkpoint = (key: string, value: string) => void;

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
