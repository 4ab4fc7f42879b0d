import { readFileSync } from 'node:fs';
import { UserError } from '../util/errors.js';

/** What a run knows about the GitHub event that started it (all optional: the CLI runs without one). */
export interface RunContext {
  eventName: string | undefined;
  /** The pull_request event's action: opened, synchronize, reopened, closed, … */
  action: string | undefined;
  prNumber: number | undefined;
  prUrl: string | undefined;
  headSha: string | undefined;
  /** `owner/name`. */
  repository: string | undefined;
  runUrl: string | undefined;
  /** True when the PR comes from a fork, where the workflow gets no secrets. */
  fromFork: boolean;
  /**
   * The repository whose code this run would deploy, when that code is not the base repository's and
   * the event gives the run the base repository's secrets anyway (pull_request_target, workflow_run);
   * `(deleted fork)` when GitHub no longer knows it. Undefined when the code is the repository's own.
   */
  foreignCodeWithSecrets: string | undefined;
}

interface PullRequestPayload {
  action?: string;
  number?: number;
  workflow_run?: {
    head_repository?: { full_name?: string } | null;
    repository?: { full_name?: string };
  };
  pull_request?: {
    number: number;
    html_url?: string;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
}

/** Reads the run's context from the variables the Actions runner sets and the event payload file. */
export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const eventName = env.GITHUB_EVENT_NAME;
  let payload: PullRequestPayload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestPayload;
    } catch (error) {
      throw new UserError(
        `Cannot read the event payload at ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`,
      );
    }
  }
  const pr = eventName?.startsWith('pull_request') ? payload.pull_request : undefined;
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = env.GITHUB_REPOSITORY;
  return {
    eventName,
    action: pr ? payload.action : undefined,
    prNumber: pr?.number,
    prUrl: pr?.html_url,
    headSha: pr?.head?.sha ?? env.GITHUB_SHA,
    repository,
    runUrl:
      repository && env.GITHUB_RUN_ID
        ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    fromFork: Boolean(
      pr?.head?.repo?.full_name &&
      pr.base?.repo?.full_name &&
      pr.head.repo.full_name !== pr.base.repo.full_name,
    ),
    foreignCodeWithSecrets: foreignCode(eventName, payload, repository),
  };
}

function foreignCode(
  eventName: string | undefined,
  payload: PullRequestPayload,
  repository: string | undefined,
): string | undefined {
  let head: string | null | undefined;
  let base: string | undefined;
  if (eventName === 'pull_request_target') {
    head = payload.pull_request?.head?.repo === null ? null : payload.pull_request?.head?.repo?.full_name;
    base = payload.pull_request?.base?.repo?.full_name ?? repository;
  } else if (eventName === 'workflow_run') {
    const run = payload.workflow_run;
    head = run?.head_repository === null ? null : run?.head_repository?.full_name;
    base = run?.repository?.full_name ?? repository;
  } else return undefined;
  if (head === null) return '(deleted fork)';
  return head !== undefined && head !== base ? head : undefined;
}
