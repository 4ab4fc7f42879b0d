import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Logger } from '../util/log.js';
import { formatDuration } from '../util/duration.js';
import { sleep, within } from '../util/sleep.js';
import type { UrlState } from '../model/urls.js';

/** One URL to check, and where the app behind it answers without the ingress or load balancer. */
export interface HealthTarget {
  /** What a reviewer opens. */
  url: string;
  /** A local port that reaches the app's published port in the pod (a port-forward), and that port. */
  app: { localPort: number; podPort: number };
  /** Why the last connection to the app failed, in the pod's words (the port-forward's error), if known. */
  appError?: () => string | undefined;
}

export interface UrlCheck {
  state: UrlState;
  /** `HTTP 200`, or what the URL and the app answered when it is not ready. */
  detail: string;
}

/** What one request got: a status, whether it is an auth challenge, a digest of the body; or an error. */
type Answer = { status: number; challenge: boolean; body: string } | { error: string };

const ATTEMPT_TIMEOUT_MS = 5000;
const POLL_MS = 2000;
/** Enough of a body to tell two error pages apart. */
const BODY_LIMIT = 64 * 1024;

/**
 * The health gate, two questions a URL at a time, until both hold or `timeoutMs` passes: does the app
 * itself answer on its published port (through a port-forward to the pod, with no credential), and does
 * the URL reach it? An auth challenge (401, 407) or a redirect proves the route (a default backend
 * answers neither), not the app. A 502, 503 or 504 proves neither. Any other answer counts as the app's
 * when it is what the app answers directly: the same status, and for a 404 the same body, since an
 * ingress controller's default backend answers 404 for a host it does not route. The URLs are checked
 * side by side; the result is in the order given.
 */
export async function checkUrls(
  targets: HealthTarget[],
  options: { timeoutMs: number; signal: AbortSignal; log?: Logger },
): Promise<UrlCheck[]> {
  const deadline = Date.now() + options.timeoutMs;
  return Promise.all(targets.map((target) => checkTarget(target, deadline, options)));
}

async function checkTarget(
  target: HealthTarget,
  deadline: number,
  options: { timeoutMs: number; signal: AbortSignal; log?: Logger },
): Promise<UrlCheck> {
  const host = new URL(target.url).host;
  let said: UrlState | undefined;
  while (true) {
    options.signal.throwIfAborted();
    const timeout = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, deadline - Date.now()));
    const [app, route] = await Promise.all([
      askApp(target.app.localPort, host, timeout, options.signal).then((a) => withAppError(a, target)),
      askUrl(target.url, timeout, options.signal),
    ]);
    const check = judge(app, route, target.app.podPort);
    if (check.state === 'ready') return check;
    if (Date.now() + POLL_MS > deadline) return check;
    if (check.state !== said) {
      said = check.state;
      options.log?.info(
        `  ${target.url}: ${STATE_TEXT[check.state]} yet (${check.detail}); trying again for up to ${formatDuration(deadline - Date.now())}`,
      );
    }
    await sleep(POLL_MS, options.signal);
  }
}

/** How each state reads in a sentence: the log, the comment. */
export const STATE_TEXT: Record<UrlState, string> = {
  ready: 'ready',
  unreachable: 'not answering',
  'not-routed': 'not routed to the app',
  'app-down': 'the app is not answering',
};

/** Both answers, one verdict. Ready: the app answers (below 500), and the URL's answer comes from it. */
export function judge(app: Answer, route: Answer, podPort: number): UrlCheck {
  const appText = 'error' in app ? app.error : `HTTP ${app.status}`;
  const appOk = 'status' in app && app.status < 500;
  if ('error' in route) {
    return appOk
      ? { state: 'unreachable', detail: `${route.error}; the app answers ${appText} on port ${podPort}` }
      : { state: 'app-down', detail: `the app on port ${podPort}: ${appText}; the URL: ${route.error}` };
  }
  const via = routeOf(route, app);
  const urlText = `HTTP ${route.status}${via === 'route' ? ` (${route.challenge ? 'a login' : 'a redirect'}: the route is there)` : ''}`;
  if (!appOk)
    return { state: 'app-down', detail: `the app on port ${podPort}: ${appText}; the URL: ${urlText}` };
  if (via === 'app') return { state: 'ready', detail: urlText };
  if (via === 'route') return { state: 'ready', detail: `${urlText}; the app answers ${appText}` };
  const why = [502, 503, 504].includes(route.status)
    ? 'the proxy does not reach it'
    : route.status === 404
      ? "an ingress controller's default backend, not the app"
      : 'not what the app answers';
  return {
    state: 'not-routed',
    detail: `HTTP ${route.status} while the app answers ${appText} on port ${podPort}: ${why}`,
  };
}

/** Whose answer the URL gave: the app's, a route's of ours (auth, redirect), or someone else's. */
function routeOf(
  route: { status: number; challenge: boolean; body: string },
  app: Answer,
): 'app' | 'route' | 'other' {
  if ([502, 503, 504].includes(route.status)) return 'other';
  if ('status' in app && app.status === route.status && (route.status !== 404 || app.body === route.body))
    return 'app';
  if (route.challenge || (route.status >= 300 && route.status < 400)) return 'route';
  return 'other';
}

/** The URL, as a reviewer's browser would ask it but without credentials and without following redirects. */
async function askUrl(url: string, timeoutMs: number, signal: AbortSignal): Promise<Answer> {
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: within(timeoutMs, signal),
    });
    const body = await digest(response.body);
    const challenge =
      [401, 407].includes(response.status) &&
      response.headers.has(response.status === 401 ? 'www-authenticate' : 'proxy-authenticate');
    return { status: response.status, challenge, body };
  } catch (error) {
    signal.throwIfAborted();
    return { error: describeFetchError(error) };
  }
}

/** The app through its local port, with the URL's Host (what the ingress passes on) and no credentials. */
function askApp(port: number, host: string, timeoutMs: number, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/', headers: { host }, agent: false, timeout: timeoutMs, signal },
      (response) => {
        const hash = createHash('sha256');
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          if (read < BODY_LIMIT) hash.update(chunk.subarray(0, BODY_LIMIT - read));
          read += chunk.length;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, challenge: false, body: hash.digest('hex') }),
        );
        response.on('error', (error) => resolve({ error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error) =>
      resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }),
    );
  });
}

/** A failed connection to the app says what the pod's side said, when the port-forward told us. */
function withAppError(answer: Answer, target: HealthTarget): Answer {
  if (!('error' in answer)) return answer;
  const remote = target.appError?.();
  if (!remote) return answer;
  return { error: /connection refused/i.test(remote) ? 'connection refused' : remote.slice(0, 160) };
}

async function digest(body: ReadableStream<Uint8Array> | null): Promise<string> {
  const hash = createHash('sha256');
  if (!body) return hash.digest('hex');
  let read = 0;
  const reader = body.getReader();
  try {
    while (read < BODY_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value.subarray(0, BODY_LIMIT - read));
      read += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return hash.digest('hex');
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return cause?.message ?? (error as Error).message;
}
