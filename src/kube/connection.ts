import http from 'node:http';
import { UserError } from '../util/errors.js';
import { formatDuration } from '../util/duration.js';
import type { KubeClient } from './client.js';
import type { DockerHostPod } from '../model/objects.js';
import { sleep } from '../util/sleep.js';
import type { Logger } from '../util/log.js';
import type { Readable } from 'node:stream';
import type { ExecResult } from './exec.js';

export const DOCKER_PORT = 2375;

/**
 * The "connection" of Preevy's driver contract: run a command in the docker-host container (exec) and
 * reach its Docker server (port-forward). Close it on every exit path; `await using` does.
 */
export interface PodConnection extends AsyncDisposable {
  /** DOCKER_HOST for the docker CLI: the local end of the tunnel. */
  dockerHost: string;
  exec(command: string[], stdin?: Readable): Promise<ExecResult>;
  close(): Promise<void>;
}

export async function connectToPod(
  client: KubeClient,
  pod: DockerHostPod,
  options: { log: Logger; signal: AbortSignal; pingTimeoutMs?: number },
): Promise<PodConnection> {
  const tunnel = await client.portForward(pod.name, DOCKER_PORT, options.log);
  const close = () => tunnel.close();
  try {
    await waitForDocker(tunnel.port, options.pingTimeoutMs ?? 60_000, options.signal, {
      log: options.log,
      refused: () => tunnel.refusal,
    });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    dockerHost: tunnel.url,
    exec: (command, stdin) =>
      client.exec({ pod: pod.name, container: pod.container }, command, stdin ? { stdin } : {}),
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** How long a wait may go without a word before it says what it waits for. */
const QUIET_MS = 2000;

/**
 * Waits until the Docker server answers `GET /_ping` through the tunnel, saying so past a couple of
 * seconds; at once fails with what `refused` returns, the tunnel's upgrade refused for good (a 403 is
 * not mended by waiting).
 */
export async function waitForDocker(
  port: number,
  timeoutMs: number,
  signal: AbortSignal,
  watch: { log?: Logger; refused?: () => Error | undefined } = {},
): Promise<void> {
  const { log, refused = () => undefined } = watch;
  const started = Date.now();
  const deadline = started + timeoutMs;
  let last: string;
  let said = false;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    signal.throwIfAborted();
    try {
      const answer = await ping(port, signal);
      if (answer === 'OK') return;
      last = `unexpected answer "${answer.slice(0, 40)}"`;
    } catch (error) {
      last = (error as Error).message;
    }
    const refusal = refused();
    if (refusal) throw refusal;
    if (!said && log && Date.now() + delay - started > QUIET_MS) {
      said = true;
      log.info(
        `  Waiting for the pod's Docker server to answer GET /_ping on port ${DOCKER_PORT} (so far: ${last}; at most ${formatDuration(timeoutMs)})`,
      );
    }
    if (Date.now() + delay > deadline) {
      throw new UserError(
        `The Docker server in the pod did not answer on port ${DOCKER_PORT} within ${formatDuration(timeoutMs)} (${last}). The template's docker-host container must run dockerd with --host=tcp://127.0.0.1:${DOCKER_PORT} and "tls": false.`,
      );
    }
    await sleep(delay, signal);
  }
}

function ping(port: number, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/_ping', timeout: 5000, signal, agent: false },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () =>
          response.statusCode === 200 ? resolve(body) : reject(new Error(`HTTP ${response.statusCode}`)),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
  });
}
