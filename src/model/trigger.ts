import { parseDuration, DAY_MS } from '../util/duration.js';
import { UserError } from '../util/errors.js';

/** Which pull requests get a preview (inputs drafts and label), as settings hold them. */
export interface TriggerSettings {
  drafts: 'deploy' | 'skip';
  /** Only pull requests carrying this label get a preview. */
  label: string | undefined;
}

/** What the pull_request event says of the pull request, for `auto`. */
export interface PullRequestEvent {
  /** opened, synchronize, reopened, closed, ready_for_review, labeled, unlabeled, … */
  action: string | undefined;
  draft: boolean;
  labels: string[];
  /** The label a `labeled` or `unlabeled` event added or removed. */
  changedLabel: string | undefined;
}

export type AutoDecision =
  | { command: 'up' | 'down' }
  /** Nothing to do: said with a notice, and the run succeeds. */
  | { command: 'skip'; why: string };

/** Pull-request actions that (re)deploy: new code, or a pull request that newly wants a preview. */
const DEPLOYS = ['opened', 'reopened', 'synchronize', 'ready_for_review'];

/**
 * `command: auto` for a pull_request event: deploy, tear down, or leave alone. Outside an event (the
 * CLI, workflow_dispatch) it deploys.
 */
export function decideAuto(event: PullRequestEvent, triggers: TriggerSettings): AutoDecision {
  const { action, label } = { action: event.action, label: triggers.label };
  if (action === undefined) return { command: 'up' };
  if (action === 'closed') return { command: 'down' };
  if (label !== undefined && action === 'unlabeled' && event.changedLabel === label)
    return { command: 'down' };
  const labelled = action === 'labeled' && label !== undefined && event.changedLabel === label;
  if (!DEPLOYS.includes(action) && !labelled) {
    return {
      command: 'skip',
      why: explainIgnoredEvent(action, event.changedLabel),
    };
  }
  if (label !== undefined && !event.labels.includes(label)) {
    return {
      command: 'skip',
      why: `The pull request does not carry the label "${label}" (input label); adding it deploys a preview.`,
    };
  }
  if (event.draft && triggers.drafts === 'skip') {
    return {
      command: 'skip',
      why: 'The pull request is a draft (input drafts is skip); marking it ready for review deploys a preview.',
    };
  }
  return { command: 'up' };
}

function explainIgnoredEvent(action: string, changedLabel: string | undefined): string {
  return `The pull_request event "${action}"${changedLabel ? ` (label "${changedLabel}")` : ''} changes nothing for the preview.`;
}

/** A `/preview …` command of a pull-request comment. */
export type PreviewCommand =
  | { name: 'redeploy' | 'wake'; pin?: string }
  | { name: 'down' }
  | { name: 'extend'; byMs: number; text: string };

export const PREVIEW_COMMANDS = ['redeploy', 'down', 'extend <duration>', 'wake'] as const;

/**
 * The command a comment gives, from its first line: `/preview redeploy [commit]`, `/preview down`,
 * `/preview extend 2d`, `/preview wake [commit]`. Undefined for a comment that is not a command; a UserError for
 * one that is, but malformed, so its author hears why.
 */
export function parsePreviewCommand(body: string): PreviewCommand | undefined {
  const first = body.trimStart().split(/\r?\n/, 1)[0]!.trim();
  const match = /^\/preview(?:\s+(\S+)(?:\s+(\S+))?)?\s*$/.exec(first);
  if (!/^\/preview(\s|$)/.test(first)) return undefined;
  const usage = `Commands: ${PREVIEW_COMMANDS.map((c) => `/preview ${c}`).join(', ')}.`;
  if (!match || !match[1]) throw new UserError(`That is not a /preview command I know. ${usage}`);
  const [, name, argument] = match;
  if (name === 'extend') {
    if (!argument) throw new UserError(`/preview extend needs a duration, e.g. /preview extend 2d. ${usage}`);
    try {
      return { name, byMs: parseDuration(argument, 'extend', 365 * DAY_MS), text: argument };
    } catch {
      throw new UserError('/preview extend needs a duration such as 12h, 2d or 1d12h (at most a year).');
    }
  }
  if ((name === 'redeploy' || name === 'wake') && argument !== undefined) {
    // The commit the commenter reviewed: the deploy refuses any other head.
    if (/^[0-9a-f]{7,40}$/i.test(argument)) return { name, pin: argument.toLowerCase() };
    throw new UserError(`/preview ${name} takes the commit to deploy (7 to 40 hex digits), or nothing.`);
  }
  if ((name === 'redeploy' || name === 'down' || name === 'wake') && argument === undefined) return { name };
  // The comment's text is not echoed: the reply is posted by this repository's bot.
  throw new UserError(`That is not a /preview command I know. ${usage}`);
}

/** GitHub's repository roles, strongest first: what `/preview` commands are granted by. */
export const ROLES = ['admin', 'maintain', 'write', 'triage', 'read'] as const;
export type Role = (typeof ROLES)[number];
/** Deploying runs the pull request's code with the cluster's credentials: those who may push may. */
export const DEFAULT_COMMAND_PERMISSION: readonly Role[] = ['admin', 'maintain', 'write'];

/** Author associations: what input command-permission took before roles, refused with the fix. */
const ASSOCIATIONS = [
  'OWNER',
  'MEMBER',
  'COLLABORATOR',
  'CONTRIBUTOR',
  'FIRST_TIME_CONTRIBUTOR',
  'FIRST_TIMER',
];

/** Input command-permission: repository roles separated by commas or newlines, or `none` (commands off). */
export function parseCommandPermission(value: string): Role[] {
  const names = value
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);
  if (names.length === 1 && names[0]!.toLowerCase() === 'none') return [];
  for (const name of names) {
    if (ASSOCIATIONS.includes(name.toUpperCase())) throw new UserError(explainAssociationInput(name));
    if (!(ROLES as readonly string[]).includes(name.toLowerCase()))
      throw new UserError(explainUnknownRole(name));
  }
  return names.map((n) => n.toLowerCase() as Role);
}

function explainUnknownRole(name: string): string {
  return `Input command-permission: "${name}" is not a repository role; use ${ROLES.join(', ')}, or none to turn comment commands off.`;
}

function explainAssociationInput(name: string): string {
  return `Input command-permission takes repository roles (${ROLES.join(', ')}), not author associations such as "${name}": an organization member or a read-only collaborator cannot push, yet would run the pull request's code with your cluster's credentials. Use e.g. "admin, maintain, write" (the default).`;
}
