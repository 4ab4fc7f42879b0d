import { ApiException } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelay } from '../src/kube/retry.js';
import { StatusError, type FakeKubeApiServer } from './k8s/server.js';
import { doubleInputs, memoryLogger, prepareHello, run, startDouble, type HelloProject } from './helpers.js';

const policy = { ...DEFAULT_RETRY, random: () => 1 };
const api = (code: number, headers: Record<string, string> = {}) => new ApiException(code, 'x', '', headers);
const network = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } });

describe('which failures are retried, and after how long', () => {
  it('retries throttling, honouring Retry-After (capped), and server errors with capped exponential backoff', () => {
    expect(retryDelay(api(429, { 'retry-after': '2' }), 0, policy)).toBe(2000);
    expect(retryDelay(api(429, { 'retry-after': '600' }), 0, policy)).toBe(30_000);
    expect([0, 1, 2, 3, 4, 5].map((n) => retryDelay(api(503), n, { ...policy, attempts: 10 }))).toEqual([
      250, 500, 1000, 2000, 4000, 8000,
    ]);
    expect(retryDelay(api(503), 6, { ...policy, attempts: 10 })).toBe(8000);
    expect(retryDelay(api(500), 0, { ...policy, random: () => 0.5 })).toBe(125); // full jitter
  });

  it('retries dropped connections, but not refused ones or unknown hosts', () => {
    expect(retryDelay(network('ECONNRESET'), 0, policy)).toBe(250);
    expect(retryDelay(network('ECONNREFUSED'), 0, policy)).toBeUndefined();
    expect(retryDelay(network('ENOTFOUND'), 0, policy)).toBeUndefined();
  });

  it('does not retry answers that will not change, nor past the last attempt', () => {
    for (const code of [400, 401, 403, 404, 409, 415, 422, 501])
      expect(retryDelay(api(code), 0, policy)).toBeUndefined();
    expect(retryDelay(api(503), DEFAULT_RETRY.attempts - 1, policy)).toBeUndefined();
  });
});

describe('a burst of 429 and 503 from the API server', () => {
  let server: FakeKubeApiServer;
  let hello: HelloProject;
  beforeAll(async () => {
    hello = await prepareHello();
    ({ api: server } = await startDouble());
  });
  afterAll(async () => {
    await server.stop();
    hello.remove();
  });

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
    const retries = log.lines.filter((l) => l.includes('trying again'));
    expect(retries).toHaveLength(5); // all on the first call: five failures fit in six attempts
    expect(retries[0]).toMatch(/HTTP 429; trying again in 1\.0s \(attempt 2\)/);
  });
});
