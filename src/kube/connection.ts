import http from 'node:http';
import { UserError } from '../util/errors.js';
import { formatDuration } from '../util/duration.js';
import type { KubeClient } from './client.js';
import type { DockerHostPod } from '../model/objects.js';
import { sleep } from '../util/sleep.js';
import type { Logger } from '../util/log.js';
import type { Readable } from 'node:stream';
import { StreamCutError, type ExecResult } from './exec.js';

export const DOCKER_PORT = 2375;

/**
 * The "connection" of Preevy's driver contract: run a command in the docker-host container (exec) and
 * reach its Docker server (port-forward). Close it on every exit path; `await using` does.
 */
export interface PodConnection extends AsyncDisposable {
  /** DOCKER_HOST for the docker CLI: the local end of the tunnel. */
  dockerHost: string;
  exec(command: string[], stdin?: Readable): Promise<ExecResult>;
  /**
   * Runs a step that goes through the tunnel or exec (the file sync, compose). When it fails after
   * streams were cut while it ran (a kubelet or API server restart, a network blip), it runs once more
   * as soon as the tunnel works again: the Docker server in the pod keeps what it built. A second
   * failure is the step's own; an upgrade the cluster refuses (403) or a deadline passed is reported
   * instead of what it made the step say.
   */
  rideOut<T>(step: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function connectToPod(
  client: KubeClient,
  pod: DockerHostPod,
  options: { log: Logger; signal: AbortSignal; pingTimeoutMs?: number; patienceMs?: number },
): Promise<PodConnection> {
  const tunnel = await client.portForward(pod.name, DOCKER_PORT, options.log);
  const close = () => tunnel.close();
  try {
    await waitForDocker(tunnel.port, options.pingTimeoutMs ?? 60_000, options.signal, {
      log: options.log,
      refused: () => tunnel.fatal,
    });
  } catch (error) {
    await close();
    throw error;
  }
  let execCuts = 0;
  const exec = async (command: string[], stdin?: Readable) => {
    try {
      return await client.exec({ pod: pod.name, container: pod.container }, command, stdin ? { stdin } : {});
    } catch (error) {
      if (error instanceof StreamCutError) execCuts++;
      throw error;
    }
  };
  const cuts = () => tunnel.stats.cut + execCuts;
  const rideOut = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const before = cuts();
    try {
      return await fn();
    } catch (error) {
      if (tunnel.fatal) throw tunnel.fatal;
      if (options.signal.aborted || cuts() === before) throw error;
      options.log.warning(
        `${step} failed after ${cuts() - before} of its streams through the tunnel to the pod were cut (${firstLine(error)}). The Docker server in the pod keeps what it has: running ${step} again once the tunnel works.`,
      );
      await waitForDocker(tunnel.port, options.patienceMs ?? 5 * 60_000, options.signal, {
        refused: () => tunnel.fatal,
      });
      return fn().catch((again: unknown) => {
        throw tunnel.fatal ?? again;
      });
    }
  };
  return { dockerHost: tunnel.url, exec, rideOut, close, [Symbol.asyncDispose]: close };
}

/** What a failed step said, in a line: its first, or the one after a header such as `… failed (exit code 1):`. */
function firstLine(error: unknown): string {
  const lines = ((error as Error).message ?? String(error)).split('\n').filter((l) => l.trim());
  const line = lines[0]?.endsWith(':') && lines[1] ? lines[1] : (lines[0] ?? '');
  return line.trim().slice(0, 200);
}

/** How long a wait may go without a word before it says what it waits for. */
const QUIET_MS = 2000;

/**
 * Waits until the Docker server answers `GET /_ping` through the tunnel, saying so past a couple of
 * seconds; at once fails with what `refused` returns: no channel can be opened any more (a 403 on the
 * upgrade is not mended by waiting).
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
    const refusal = refused();
    if (refusal) throw refusal;
    try {
      const answer = await ping(port, signal);
      if (answer === 'OK') return;
      last = `unexpected answer "${answer.slice(0, 40)}"`;
    } catch (error) {
      last = (error as Error).message;
    }
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
