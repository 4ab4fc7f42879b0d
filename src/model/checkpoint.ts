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

/** One piece of step state: written by the main step, read back by the post step, with the same type. */
interface StatePair<T> {
  save(checkpoint: Checkpoint, value: T | undefined): void;
  /** The value the main step saved, undefined when none was; throws when it is not what this version saves. */
  read(text: string): T | undefined;
}

function statePair<T>(key: string, isValue: (value: unknown) => value is T): StatePair<T> {
  return {
    save: (checkpoint, value) => checkpoint(key, value === undefined ? '' : JSON.stringify(value)),
    read(text) {
      if (!text) return undefined;
      const value: unknown = JSON.parse(text);
      if (!isValue(value)) throw new Error(`the step state ${key} is not what this version saves`);
      return value;
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function isLeaseCheckpoint(value: unknown): value is LeaseCheckpoint {
  if (!isRecord(value) || !isRecord(value.kubeconfig)) return false;
  const { namespace, name, identity, context } = value;
  return (
    isString(namespace) &&
    isString(name) &&
    isString(identity) &&
    (context === undefined || isString(context))
  );
}

function isReportCheckpoint(value: unknown): value is ReportCheckpoint {
  if (!isRecord(value) || !isString(value.repository)) return false;
  const { comment, deploymentId } = value;
  const commentOk =
    comment === undefined ||
    (isRecord(comment) && typeof comment.id === 'number' && isString(comment.cancelledBody));
  return commentOk && (deploymentId === undefined || typeof deploymentId === 'number');
}

/** The lease the main step holds, while it holds it. */
export const LEASE_STATE = statePair(MAIN_STATE.lease, isLeaseCheckpoint);
/** The pull request's comment and deployment of the deploy in progress. */
export const REPORT_STATE = statePair(MAIN_STATE.report, isReportCheckpoint);
