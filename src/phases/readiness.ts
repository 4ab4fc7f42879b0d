import type { ExposeSettings } from '../model/settings.js';
import type { PreviewUrl, UrlState } from '../model/urls.js';
import type { EnvironmentRun } from '../resolve/run.js';
import { formatSpan } from '../util/duration.js';
import { UserError } from '../util/errors.js';
import { STATE_TEXT } from './health.js';

/** Ready when a URL is (its app answers, through it); running when there is nothing to check; else a failure. */
export function readiness(expose: ExposeSettings, urls: PreviewUrl[]): 'ready' | 'running' {
  const ready = urls.filter((u) => u.state === 'ready');
  if (expose.mode !== 'none' && urls.length > 0 && ready.length === 0)
    throw new UserError(explainNoneReady(expose, urls));
  return ready.length > 0 ? 'ready' : 'running';
}

function explainNoneReady(expose: ExposeSettings, urls: PreviewUrl[]): string {
  const states = new Set(urls.map((u) => u.state));
  const hints = [
    states.has('app-down') &&
      'Check that each service listens on the port it publishes (the target of its compose ports entry); its output is in the log above.',
    states.has('unreachable') &&
      `Check that ${expose.mode === 'ingress' ? 'the wildcard DNS record of input domain points at the ingress controller' : "the load balancer's address"} can be reached from here.`,
    states.has('not-routed') &&
      (expose.mode === 'ingress'
        ? 'A URL answers, but not with the app: the ingress controller has not picked up the Ingress (is input ingress-class its class?), or the host reaches another controller or proxy.'
        : 'A URL answers, but not with the app: something else answers at that address.'),
  ].filter(Boolean);
  const each = urls.map((u) => `${u.url ?? u.service} ${stateText(u.state)} (${u.detail})`).join(', ');
  return `None of the preview's URLs was ready within ${expose.urlTimeoutMs / 1000}s (input url-timeout): ${each}. ${hints.join(' ')}`;
}

function stateText(state: PreviewUrl['state']): string {
  return state in STATE_TEXT ? STATE_TEXT[state as UrlState] : state;
}

/** When the environment expires and sleeps: both happen in a later `cleanup` run, not in this one. */
export function sayLifetime(run: EnvironmentRun, expiresAt: Date | undefined): void {
  const { ttlMs, sleepAfterMs } = run.settings;
  if (expiresAt && ttlMs)
    run.log.info(
      `Expires ${expiresAt.toISOString()} (input ttl ${formatSpan(ttlMs)} from this deploy; the next deploy sets it again): the scheduled cleanup removes it then.`,
    );
  if (sleepAfterMs)
    run.log.info(
      `Input sleep-after ${formatSpan(sleepAfterMs)}: a cleanup run with the same sleep-after scales it to zero once it is not deployed for that long.`,
    );
}
