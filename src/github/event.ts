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
  /** A draft pull request (pull_request events). */
  draft: boolean;
  /** The pull request's labels (pull_request events). */
  labels: string[];
  /** The label a `labeled` or `unlabeled` event added or removed. */
  changedLabel: string | undefined;
  /** The comment of an issue_comment event on a pull request (`created` only): maybe a /preview command. */
  comment: PullRequestComment | undefined;
  /**
   * The branch a push built (GITHUB_REF, `refs/heads/main`), on push events only: elsewhere GITHUB_REF
   * is the default branch's even though the code is a pull request's (issue_comment).
   */
  pushedRef?: string | undefined;
  /** A pull request's base branch (GITHUB_BASE_REF, else the payload's): where its build cache starts. */
  baseRef?: string | undefined;
}

export interface PullRequestComment {
  id: number;
  body: string;
  author: string;
  /** GitHub's author_association: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, … */
  association: string;
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
    draft?: boolean;
    labels?: { name?: string }[];
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { ref?: string; repo?: { full_name?: string } };
  };
  label?: { name?: string };
  issue?: { number?: number; pull_request?: { html_url?: string } };
  comment?: { id?: number; body?: string; user?: { login?: string }; author_association?: string };
}

function explainUnreadablePayload(file: string, reason: string): string {
  return `Cannot read the event payload at ${file} (GITHUB_EVENT_PATH), which the runner writes as JSON: ${reason.split('\n')[0]}`;
}

function explainPayloadWithoutPullRequest(eventName: string, file: string | undefined): string {
  return `The ${eventName} event's payload (GITHUB_EVENT_PATH ${file ?? 'unset'}) has no pull_request.number, which every ${eventName} event carries: is GITHUB_EVENT_NAME or GITHUB_EVENT_PATH overridden in the workflow?`;
}

/** Reads the run's context from the variables the Actions runner sets and the event payload file. */
export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const eventName = env.GITHUB_EVENT_NAME;
  let payload: PullRequestPayload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('it is not a JSON object');
      payload = parsed as PullRequestPayload;
    } catch (error) {
      throw new UserError(explainUnreadablePayload(env.GITHUB_EVENT_PATH, (error as Error).message));
    }
  }
  const pr = eventName?.startsWith('pull_request') ? payload.pull_request : undefined;
  if (eventName?.startsWith('pull_request') && typeof pr?.number !== 'number') {
    throw new UserError(explainPayloadWithoutPullRequest(eventName, env.GITHUB_EVENT_PATH));
  }
  const comment = commentOf(eventName, payload);
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = env.GITHUB_REPOSITORY;
  return {
    eventName,
    action: pr ? payload.action : undefined,
    prNumber: pr?.number ?? (comment ? payload.issue?.number : undefined),
    prUrl: pr?.html_url ?? (comment ? payload.issue?.pull_request?.html_url : undefined),
    // An issue_comment run's GITHUB_SHA is the default branch's: the pull request's head is asked for later.
    headSha: pr?.head?.sha ?? (comment ? undefined : env.GITHUB_SHA),
    repository,
    runUrl:
      repository && env.GITHUB_RUN_ID
        ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    // head.repo null: the fork was deleted, and its code is still another repository's.
    fromFork:
      pr?.head?.repo === null ||
      Boolean(
        pr?.head?.repo?.full_name &&
        pr.base?.repo?.full_name &&
        pr.head.repo.full_name !== pr.base.repo.full_name,
      ),
    foreignCodeWithSecrets: foreignCode(eventName, payload, repository),
    draft: pr?.draft === true,
    labels: (pr?.labels ?? []).map((l) => l.name ?? '').filter(Boolean),
    changedLabel: pr ? payload.label?.name : undefined,
    comment,
    pushedRef: eventName === 'push' ? env.GITHUB_REF || undefined : undefined,
    baseRef: env.GITHUB_BASE_REF || pr?.base?.ref || undefined,
  };
}

/** A new comment on a pull request (issue_comment events also come for issues and for edits). */
function commentOf(
  eventName: string | undefined,
  payload: PullRequestPayload,
): PullRequestComment | undefined {
  const { comment, issue } = payload;
  if (eventName !== 'issue_comment' || payload.action !== 'created' || !issue?.pull_request) return undefined;
  if (comment?.id === undefined) return undefined;
  return {
    id: comment.id,
    body: comment.body ?? '',
    author: comment.user?.login ?? '',
    association: comment.author_association ?? 'NONE',
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
