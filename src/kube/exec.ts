import type { Readable } from 'node:stream';
import type WebSocket from 'ws';
import type { KubeConfig } from '@kubernetes/client-node';
import { UserError } from '../util/errors.js';
import {
  CHANNEL_V4,
  CHANNEL_V5,
  CLOSE_CHANNEL,
  HIGH_WATER_MARK,
  frame,
  openChannelSocket,
  type Dial,
} from './websocket.js';

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const STATUS = 3;

export interface ExecResult {
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
}

/**
 * The stream was cut before the command's status arrived (a kubelet or API server restart, a network
 * blip): the command may have run, in part or whole.
 */
export class StreamCutError extends UserError {
  override name = 'StreamCutError';
}

export interface ExecTarget {
  namespace: string;
  pod: string;
  container: string;
}

/**
 * Runs a command in a container through the exec WebSocket, streaming `stdin` with backpressure.
 * With the v5 protocol stdin is closed when the stream ends; older servers get no close, which is why
 * callers send input (a tar archive) whose end the command recognises by itself.
 */
export async function execInPod(
  kc: KubeConfig,
  target: ExecTarget,
  command: string[],
  options: { stdin?: Readable; signal?: AbortSignal; dial?: Dial } = {},
): Promise<ExecResult> {
  const query = new URLSearchParams({ container: target.container, stdout: 'true', stderr: 'true' });
  if (options.stdin) query.set('stdin', 'true');
  for (const part of command) query.append('command', part);
  const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/exec?${query}`;
  const dial = options.dial ?? ((p, protocols, what) => openChannelSocket(kc, p, protocols, what));
  const patience = options.signal ?? new AbortController().signal;
  const ws = await dial(path, [CHANNEL_V5, CHANNEL_V4], `exec in pod ${target.pod}`, patience);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let status: ExecStatus | undefined;
  const what = `exec ${command[0]} in pod ${target.pod}`;

  return new Promise<ExecResult>((resolve, reject) => {
    const abort = () => ws.terminate();
    options.signal?.addEventListener('abort', abort, { once: true });
    ws.on('message', (message: Buffer) => {
      const payload = message.subarray(1);
      if (message[0] === STDOUT) stdout.push(Buffer.from(payload));
      else if (message[0] === STDERR) stderr.push(Buffer.from(payload));
      else if (message[0] === STATUS) status = JSON.parse(payload.toString('utf8')) as ExecStatus;
    });
    ws.on('error', (error) => reject(new StreamCutError(`${what} failed: ${error.message}`)));
    ws.on('close', () => {
      options.signal?.removeEventListener('abort', abort);
      options.stdin?.destroy();
      if (options.signal?.aborted) return reject(options.signal.reason as Error);
      try {
        resolve({
          exitCode: exitCodeOf(status, what),
          stdout: Buffer.concat(stdout),
          stderr: Buffer.concat(stderr),
        });
      } catch (error) {
        reject(error as Error);
      }
    });
    if (options.stdin) streamStdin(ws, options.stdin, reject);
  });
}

/** The Status the server sends on channel 3 when the command ends. */
interface ExecStatus {
  status?: string;
  message?: string;
  reason?: string;
  details?: { causes?: { reason?: string; message?: string }[] };
}

/** The command's exit code from its Status; a missing or failed Status is an error of its own. */
function exitCodeOf(status: ExecStatus | undefined, what: string): number {
  if (!status) throw new StreamCutError(`${what} ended without a status: the connection was cut.`);
  if (status.status === 'Success') return 0;
  const code = status.details?.causes?.find((c) => c.reason === 'ExitCode')?.message;
  if (status.reason === 'NonZeroExitCode' && code !== undefined) return Number(code);
  throw new UserError(`${what} failed: ${status.message ?? JSON.stringify(status)}`);
}

/**
 * Streams stdin on channel 0 with backpressure. With the v5 protocol stdin is closed when the stream
 * ends; older servers get no close.
 */
function streamStdin(ws: WebSocket, stdin: Readable, reject: (error: Error) => void): void {
  stdin.on('data', (chunk: Buffer) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(frame(STDIN, chunk), () => {
      if (stdin.isPaused() && ws.bufferedAmount < HIGH_WATER_MARK / 2) stdin.resume();
    });
    if (ws.bufferedAmount > HIGH_WATER_MARK) stdin.pause();
  });
  stdin.on('end', () => {
    if (ws.readyState === ws.OPEN && ws.protocol === CHANNEL_V5) ws.send(Buffer.from([CLOSE_CHANNEL, STDIN]));
  });
  stdin.on('error', (error) => {
    ws.terminate();
    reject(error);
  });
}
