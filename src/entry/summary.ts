import { formatDuration } from '../util/duration.js';
import type { Outcome } from '../model/outcome.js';
import { escapeText, urlTable } from '../github/comment.js';

/** The step outputs a later step builds on: Preevy's `urls-json` shape, a lookup map, and the primary URL. */
export function urlOutputs(outcome: Outcome): { 'urls-json': string; 'urls-map': string; url: string } {
  const urls = outcome.command === 'up' ? outcome.urls.filter((u) => u.url) : [];
  const map: Record<string, Record<string, string>> = {};
  for (const u of urls) (map[u.service] ??= {})[String(u.port)] = u.url!;
  return {
    'urls-json': JSON.stringify(
      urls.map((u) => ({ project: outcome.project, service: u.service, port: u.port, url: u.url })),
    ),
    'urls-map': JSON.stringify(map),
    url: (outcome.command === 'up' && outcome.primaryUrl) || '',
  };
}

/** The job summary: what happened, the URL table, and how long each phase took. */
export function jobSummary(outcome: Outcome): string {
  const lines = [`## kube-pod-preview: ${outcome.command} of \`${escapeText(outcome.ids.envId)}\``, ''];
  lines.push(`Namespace \`${escapeText(outcome.namespace)}\`, id \`${escapeText(outcome.ids.id)}\`.`, '');
  if (outcome.command === 'up') lines.push(...urlTable(outcome.urls), '');
  if (outcome.command === 'down') lines.push(`Deleted ${outcome.deleted.length} objects.`, '');
  if (outcome.command === 'cleanup') {
    lines.push('| Environment | Repository | Reason | Action |', '| --- | --- | --- | --- |');
    for (const e of outcome.cleaned) {
      lines.push(
        `| ${escapeText(e.envId)} | ${escapeText(e.repository ?? '')} | ${escapeText([e.reason, e.why].filter(Boolean).join('; '))} | ${e.action} |`,
      );
    }
    lines.push('');
  }
  if (outcome.command === 'doctor') {
    lines.push('| Check | Result | Detail |', '| --- | --- | --- |');
    for (const c of outcome.checks)
      lines.push(`| ${escapeText(c.name)} | ${c.state} | ${escapeText(c.detail.replace(/\n/g, ' '))} |`);
    lines.push('');
  }
  const phases = Object.entries(outcome.timings);
  if (phases.length) {
    lines.push(
      '| Phase | Time |',
      '| --- | --- |',
      ...phases.map(([p, ms]) => `| ${p} | ${formatDuration(ms)} |`),
    );
  }
  return `${lines.join('\n')}\n`;
}
