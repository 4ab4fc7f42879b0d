import { formatDuration, formatSpan } from '../util/duration.js';
import { PREVIEW_COMMANDS } from '../model/trigger.js';
import type { PreviewUrl } from '../model/urls.js';

/** What the sticky comment says; every deploy rewrites the same comment with the latest state. */
export type CommentState =
  | { state: 'deploying' }
  | { state: 'ready' | 'running'; urls: PreviewUrl[]; durationMs: number; expiresAt?: Date | undefined }
  | { state: 'sleeping'; urls: PreviewUrl[] }
  | { state: 'failed'; error: string; during: RunKind }
  | { state: 'cancelled'; during: RunKind }
  | { state: 'deleted' };

/** What a run was doing to the preview: deploying it, or removing it. */
export type RunKind = 'deploy' | 'teardown';

export interface CommentContext {
  envId: string;
  id: string;
  namespace: string;
  sha: string | undefined;
  runUrl: string | undefined;
  /** Input sleep-after: a ready comment says when the preview goes to sleep. */
  sleepAfterMs?: number | undefined;
  /** The workflow takes /preview commands (input command-permission set): a ready comment lists them. */
  commands?: boolean;
}

/** Marks the comment's expiry line, which `/preview extend` rewrites. */
export const EXPIRY_MARK = '<!-- kube-pod-preview:expiry -->';

/** The expiry line of a comment: when `cleanup` deletes the preview. */
export function expiryLine(expiresAt: Date, commands: boolean): string {
  const extend = commands ? '; `/preview extend <duration>` pushes it back' : '';
  return `${EXPIRY_MARK}⏳ Expires ${formatInstant(expiresAt)} (input ttl)${extend}.`;
}

/** `2026-11-25 14:00 UTC`: one time zone for every reader. */
function formatInstant(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The hidden first line that finds the comment again: one comment per environment. */
export function commentMarker(id: string): string {
  return `<!-- kube-pod-preview id=${id} -->`;
}

function heading(state: CommentState): string {
  switch (state.state) {
    case 'deploying':
      return '⏳ Deploying the preview';
    case 'ready':
      return '✅ Preview ready';
    case 'running':
      return '✅ Preview running';
    case 'failed':
      return state.during === 'deploy' ? '❌ Preview failed' : '❌ Removing the preview failed';
    case 'cancelled':
      return state.during === 'deploy'
        ? '⚪ Preview deploy cancelled'
        : '⚪ Removing the preview was cancelled';
    case 'deleted':
      return '🗑️ Preview deleted';
    case 'sleeping':
      return '💤 Preview asleep';
  }
}

/** What a reviewer can do about a live preview: when it expires or sleeps, and the commands. */
function lifetimeLines(expiresAt: Date | undefined, ctx: CommentContext): string[] {
  const lines: string[] = [];
  if (expiresAt) lines.push(expiryLine(expiresAt, ctx.commands === true));
  if (ctx.sleepAfterMs) lines.push(explainSleepAfter(ctx.sleepAfterMs, ctx.commands === true));
  if (ctx.commands) lines.push(`Commands (comment on this pull request): ${commandList()}.`);
  return lines.length ? ['', ...lines.flatMap((l, i) => (i === 0 ? [l] : ['', l]))] : [];
}

function explainSleepAfter(sleepAfterMs: number, commands: boolean): string {
  return `💤 Sleeps after ${formatSpan(sleepAfterMs)} without a deploy (input sleep-after); a push${commands ? ' or `/preview wake`' : ''} wakes it.`;
}

function explainAsleep(sleepAfterMs: number, commands: boolean): string {
  return `No deploy for ${formatSpan(sleepAfterMs)} (input sleep-after): the preview was scaled to zero and its URLs are off; its volume (images, build cache) is kept. Push a commit${commands ? ' or comment `/preview wake`' : ''} to wake it.`;
}

function commandList(): string {
  return PREVIEW_COMMANDS.map((c) => `\`/preview ${c}\``).join(' · ');
}

export function renderComment(state: CommentState, ctx: CommentContext): string {
  const lines = [commentMarker(ctx.id), `### ${heading(state)}: \`${ctx.envId}\``, ''];
  const commit = ctx.sha ? `commit \`${ctx.sha.slice(0, 7)}\`` : undefined;
  const run = ctx.runUrl ? `[workflow run](${ctx.runUrl})` : undefined;
  switch (state.state) {
    case 'deploying':
      lines.push(`Deploying ${commit ?? 'the latest commit'} to namespace \`${escapeText(ctx.namespace)}\`…`);
      break;
    case 'ready':
    case 'running':
      lines.push(...urlTable(state.urls));
      if (state.urls.length === 0)
        lines.push('No service publishes a TCP port, so there is nothing to link to.');
      if (state.state === 'running' && state.urls.some((u) => u.command)) {
        lines.push(
          '',
          'Nothing is exposed (input `expose` is `none`); reach a service from a workstation with the command in its row.',
        );
      }
      lines.push(
        '',
        [commit && `Deployed ${commit} in ${formatDuration(state.durationMs)}`, run]
          .filter(Boolean)
          .join(' · '),
        ...lifetimeLines(state.expiresAt, ctx),
      );
      break;
    case 'sleeping':
      lines.push(...urlTable(state.urls), '', explainAsleep(ctx.sleepAfterMs ?? 0, ctx.commands === true));
      break;
    case 'failed': {
      const what =
        state.during === 'deploy' ? commit && `Deploying ${commit} failed` : 'Removing the preview failed';
      lines.push(codeBlock(state.error), '', [what, run && `see the ${run}`].filter(Boolean).join('; '));
      break;
    }
    case 'cancelled':
      lines.push(
        state.during === 'deploy'
          ? `The deploy of ${commit ?? 'the latest commit'} was cancelled; the next push deploys again.${run ? ` ${run}` : ''}`
          : `Removing the preview was cancelled; run the workflow again to finish.${run ? ` ${run}` : ''}`,
      );
      break;
    case 'deleted':
      lines.push('The pull request was closed and its preview environment was deleted.');
      break;
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The Markdown table of URLs, shared by the comment and the job summary. */
export function urlTable(urls: PreviewUrl[]): string[] {
  if (urls.length === 0) return [];
  const rows = urls.slice(0, MAX_ROWS).map((u) => {
    const target = u.url
      ? `[${escapeText(u.url.replace(/^https?:\/\//, ''))}](${u.url})`
      : `\`${u.command ?? ''}\``;
    return `| ${escapeText(u.service)} | ${u.port} | ${target} | ${stateText(u)} |`;
  });
  const more = urls.length - MAX_ROWS;
  return [
    '| Service | Port | URL | State |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(more > 0
      ? ['', `${more} more rows are left out; the job summary and output urls-json have them all.`]
      : []),
  ];
}

function stateText(url: PreviewUrl): string {
  const detail = escapeText(url.detail ?? '');
  switch (url.state) {
    case 'ready':
      return `✅ answers (${detail})`;
    case 'unreachable':
      return `⚠️ not answering (${detail})`;
    case 'not-routed':
      return `⚠️ up, but not routed to the app (${detail})`;
    case 'app-down':
      return `⚠️ the app is not answering (${detail})`;
    case 'asleep':
      return '💤 asleep';
    case 'not-checked':
      return 'port-forward';
  }
}

/** Escapes text for Markdown, inside and outside tables: nothing a name contains can break the layout. */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}

/** The most of an error a comment shows; the workflow run has the rest. */
const MAX_ERROR = 20_000;
/** The most URL rows a comment shows: GitHub refuses comments over 65,536 characters. */
export const MAX_ROWS = 100;

/**
 * Text from the run (errors, container output) as a fenced code block: Markdown, mentions and links in
 * it are shown as they are, never rendered, never pinging anyone. The fence is longer than any run of
 * backticks inside, so the text cannot close it.
 */
export function codeBlock(text: string): string {
  const shown =
    text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR)}\n… (cut; the workflow run has all of it)` : text;
  const longest = Math.max(2, ...[...shown.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${shown.trimEnd()}\n${fence}`;
}
