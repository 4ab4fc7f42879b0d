import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { Reachability } from '../src/kube/outage.js';
import {
  AnswerLostError,
  DEFAULT_RETRY,
  DeadlineError,
  backoff,
  classify,
  withRetry,
} from '../src/kube/retry.js';
import { UpgradeError } from '../src/kube/websocket.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { StatusError } from './k8s/status.js';
import { doubleInputs, memoryLogger, run, type HelloProject } from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

const policy = { ...DEFAULT_RETRY, random: () => 1 };
const api = (code: number, headers: Record<string, string> = {}, body = '') =>
  new ApiException(code, 'x', body, headers);
const network = (code: string, message = `read ${code}`) =>
  Object.assign(new TypeError('fetch failed'), { cause: { code, message } });
const upgrade = (code: number, body: string, contentType = 'application/json') =>
  new UpgradeError('refused', { code, body, contentType });

describe('which failures are retried', () => {
  it('rides out a server that is not there, and tells a request never sent from one whose answer was lost', () => {
    expect(classify(network('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:6443'))?.kind).toBe('unsent');
    // A TLS handshake cut: the connection broke while it was made.
    expect(classify(network('ECONNRESET', 'connect ECONNRESET 127.0.0.1:6443'))?.kind).toBe('unsent');
    expect(classify(network('ECONNRESET'))?.kind).toBe('lost');
    expect(classify(network('UND_ERR_SOCKET', 'other side closed'))?.kind).toBe('lost');
    // A WebSocket's network error is the cause of the upgrade's error.
    const ws = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
    expect(classify(new Error('Cannot port-forward', { cause: ws }))?.kind).toBe('unsent');
    expect(classify(network('CERT_HAS_EXPIRED'))).toBeUndefined();
  });

  it('rides out throttling and an API server unable to serve, honouring Retry-After', () => {
    expect(classify(api(429, { 'retry-after': '2' }))).toEqual({
      kind: 'throttled',
      reason: 'HTTP 429',
      retryAfterMs: 2000,
    });
    expect(classify(api(503))?.kind).toBe('unavailable');
    expect(
      classify(api(500, {}, '{"message":"the server is currently unable to handle the request"}'))?.kind,
    ).toBe('unavailable');
    expect(
      classify(api(500, {}, '{"reason":"InternalError","message":"etcdserver: request timed out"}'))?.kind,
    ).toBe('server');
  });

  it('rides out a kubelet the API server cannot reach, or that does not know its pods yet (upgrades)', () => {
    // ../shared/real-cluster/kubelet-restart.jsonl
    const dialing =
      '{"kind":"Status","message":"error dialing backend: dial tcp 192.0.2.2:10250: connect: connection refused","code":500}';
    expect(classify(upgrade(500, dialing))?.kind).toBe('backend');
    const reset =
      '{"message":"read tcp 192.0.2.2:57776->192.0.2.2:10250: read: connection reset by peer","code":500}';
    expect(classify(upgrade(500, reset))?.kind).toBe('backend');
    expect(classify(upgrade(404, 'pod does not exist', 'text/plain; charset=utf-8'))?.kind).toBe('backend');
    // The API server's own 404 for a pod that is gone is final.
    expect(
      classify(upgrade(404, '{"kind":"Status","reason":"NotFound","message":"pods \\"x\\" not found"}')),
    ).toBeUndefined();
  });

  it('never retries answers that will not change', () => {
    for (const code of [400, 401, 403, 404, 409, 415, 422, 501]) {
      expect(classify(api(code))).toBeUndefined();
      expect(classify(upgrade(code, '{"kind":"Status","reason":"Forbidden"}'))).toBeUndefined();
    }
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoff(n, policy))).toEqual([
      250, 500, 1000, 2000, 2000, 2000, 2000,
    ]);
    expect(backoff(0, { ...policy, random: () => 0.5 })).toBe(125);
  });
});

describe('riding out', () => {
  const options = (log = memoryLogger(), patienceMs = 60_000) => ({
    what: 'list Pod in namespace previews',
    policy: { ...DEFAULT_RETRY, baseMs: 5, capMs: 20 },
    apiServer: new Reachability('The Kubernetes API server at https://x', log, 30_000),
    patienceMs,
    idempotent: true,
    log,
  });

  it('says once that the server is unreachable and since when, and when it answers again', async () => {
    const log = memoryLogger();
    let tries = 0;
    const result = await withRetry(async () => {
      if (++tries < 6) throw network('ECONNREFUSED', 'connect ECONNREFUSED');
      return 'pods';
    }, options(log));
    expect(result).toBe('pods');
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(
      /^The Kubernetes API server at https:\/\/x is unreachable since \d\d:\d\d:\d\d UTC \(ECONNREFUSED\); trying again until \d\d:\d\d:\d\d UTC \(30\.0s for a server that has not answered yet\)\.$/,
    );
    expect(log.lines.at(-1)).toMatch(
      /^The Kubernetes API server at https:\/\/x answers again, after \d+ms unreachable \(since \d\d:\d\d:\d\d UTC\)\.$/,
    );
  });

  it('gives up at the deadline, saying since when the server was unreachable', async () => {
    const log = memoryLogger();
    const failure = withRetry(
      () => Promise.reject(network('ECONNREFUSED', 'connect ECONNREFUSED')),
      options(log, 300),
    );
    await expect(failure).rejects.toThrow(DeadlineError);
    await expect(failure).rejects.toThrow(
      /^Cannot list Pod in namespace previews: The Kubernetes API server at https:\/\/x has been unreachable since \d\d:\d\d:\d\d UTC \(ECONNREFUSED\), and the deadline was reached after \d+ms \(input timeout, 300ms\)\. It has not answered once in this run: check the cluster address/,
    );
    expect(log.warnings).toHaveLength(1);
  });

  it('does not send again a write whose answer was lost, nor retry a refusal', async () => {
    let tries = 0;
    const lost = withRetry(() => (tries++, Promise.reject(network('UND_ERR_SOCKET'))), {
      ...options(),
      idempotent: false,
    });
    await expect(lost).rejects.toThrow(AnswerLostError);
    expect(tries).toBe(1);
    tries = 0;
    await expect(withRetry(() => (tries++, Promise.reject(api(403))), options())).rejects.toThrow(
      ApiException,
    );
    expect(tries).toBe(1);
    // A 500 that says nothing of a restart: a few tries only.
    tries = 0;
    await expect(withRetry(() => (tries++, Promise.reject(api(500))), options())).rejects.toThrow(
      ApiException,
    );
    expect(tries).toBe(DEFAULT_RETRY.attempts);
  });
});

describe('a burst of 429 and 503 from the API server', () => {
  let server: FakeKubeApiServer;
  let hello: HelloProject;
  useDoubleWithHello({ double: 'per-file', hello: 'per-file' }, (made) => ({ api: server, hello } = made));

  it('is ridden out: up succeeds, and the log says what was retried', async () => {
    let failures = 0;
    let watchFailed = false;
    // Slower than the first list of the wait even on a loaded machine, so the wait must watch.
    server.behaviour.readyDelayMs = 3000;
    server.interceptor = (request) => {
      if (request.query.get('watch') && /\/(statefulsets|deployments)$/.test(request.path)) {
        // The readiness watch is refused once, too: the wait lists again instead of failing.
        if (watchFailed) return undefined;
        watchFailed = true;
        return new StatusError(
          503,
          'ServiceUnavailable',
          'the server is currently unable to handle the request',
        );
      }
      if (failures >= 5) return undefined;
      failures++;
      return failures % 2
        ? new StatusError(429, 'TooManyRequests', 'Too many requests, please try again later.', {}, 1)
        : new StatusError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
    };
    const log = memoryLogger();
    const outcome = await run(
      doubleInputs(server, hello.dir, { command: 'up', 'env-id': 'burst', timeout: '60s' }),
      { log },
    );
    expect(outcome.pod).toBeDefined();
    expect(failures).toBe(5);
    expect(watchFailed).toBe(true);
    const retries = log.lines.filter((l) => / trying again in /.test(l));
    expect(retries).toHaveLength(3); // the three 429s, each with its Retry-After
    expect(retries[0]).toMatch(/HTTP 429; trying again in 1\.0s \(attempt 2\)/);
    // The 503s, the API server "unable to handle the request": an outage, said once each, and its end.
    const unavailable = log.warnings.filter((l) => / is unavailable since .* \(HTTP 503\)/.test(l));
    expect(unavailable.length).toBeGreaterThanOrEqual(1);
    expect(log.lines.filter((l) => / answers again, after /.test(l))).toHaveLength(unavailable.length);
  });
});
