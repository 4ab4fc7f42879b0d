import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { FakeKubeApiServer } from './k8s/server.js';
import type { PodStreams } from './k8s/streams.js';
import { prepareHello, startDouble, type HelloProject } from './helpers.js';

/** How long what a test uses lives: made before each test, or once for the file (or describe). */
export type Lifetime = 'per-test' | 'per-file';

export interface DoubleWithHello {
  api: FakeKubeApiServer;
  streams: PodStreams;
  hello: HelloProject;
}

/**
 * The set-up most deployment tests share, as hooks of the enclosing file or describe: the API-server
 * double from startDouble (its namespace NAMESPACE; its stop() fails the test if anything landed in
 * `default`) and a copy of examples/hello from prepareHello, each made per test or once, then stopped
 * and removed. `take` is given what is made whenever either is, for the test's own variables; hooks
 * the test adds after this call run after these before each test, and before them after it.
 */
export function useDoubleWithHello(
  lifetimes: { double: Lifetime; hello: Lifetime },
  take: (made: DoubleWithHello) => void,
): void {
  // Until the double is made, `api` and `streams` are undefined: hooks of a file-wide hello (its commit)
  // run before the double of each test.
  const made: Partial<DoubleWithHello> = {};
  const give = () => take(made as DoubleWithHello);
  const before = (lifetime: Lifetime) => (lifetime === 'per-file' ? beforeAll : beforeEach);
  const after = (lifetime: Lifetime) => (lifetime === 'per-file' ? afterAll : afterEach);
  before(lifetimes.hello)(async () => {
    made.hello = await prepareHello();
    give();
  });
  before(lifetimes.double)(async () => {
    Object.assign(made, await startDouble());
    give();
  });
  // Registered in this order so that they run the other way round: the double stops first.
  after(lifetimes.hello)(() => made.hello?.remove());
  after(lifetimes.double)(() => made.api?.stop());
}
