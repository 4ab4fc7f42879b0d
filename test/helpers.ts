import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunContext } from '../src/github/event.js';
import { mapInputs, type InputName } from '../src/model/inputs.js';
import type {
  CleanupOutcome,
  DoctorOutcome,
  DownOutcome,
  Outcome,
  PlanOutcome,
  UpOutcome,
} from '../src/model/outcome.js';
import { runPreview } from '../src/entry/run-preview.js';
import type { Logger } from '../src/util/log.js';
import { remoteProjectDir } from '../src/docker/sync.js';
import { FakeKubeApiServer } from './k8s/server.js';
import { PodStreams } from './k8s/streams.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Preevy's Kafka example (test/fixtures/preevy) with its extra Deployment renamed from `kafka`, which
 * every environment would share and the plan refuses, to `name` (by default the fix the plan asks
 * for), written to `dir`; returns the file.
 */
export function kafkaTemplate(dir: string, name = '{{ id }}-kafka'): string {
  const fixture = readFileSync(path.join(ROOT, 'test/fixtures/preevy/announcement-kafka.yaml.njk'), 'utf8');
  const renamed = fixture.replace('metadata:\n  name: kafka\n', `metadata:\n  name: ${name}\n`);
  if (renamed === fixture) throw new Error('The Kafka fixture no longer names a Deployment kafka.');
  const file = path.join(dir, 'kafka.yaml.njk');
  writeFileSync(file, renamed);
  return file;
}

/** A logger that keeps what it was told, for assertions. */
export function memoryLogger(): Logger & { lines: string[]; warnings: string[]; masked: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  const masked: string[] = [];
  return {
    lines,
    warnings,
    masked,
    info: (m) => lines.push(m),
    notice: (m) => lines.push(`notice: ${m}`),
    warning: (m) => {
      warnings.push(m);
      lines.push(`warning: ${m}`);
    },
    debug: () => {},
    group: async (title, fn) => {
      lines.push(`group: ${title}`);
      return fn();
    },
    mask: (v) => masked.push(v),
  };
}

export const NO_EVENT: RunContext = {
  eventName: undefined,
  action: undefined,
  prNumber: undefined,
  prUrl: undefined,
  headSha: undefined,
  repository: 'acme/web',
  runUrl: undefined,
  fromFork: false,
  foreignCodeWithSecrets: undefined,
  draft: false,
  labels: [],
  changedLabel: undefined,
  comment: undefined,
};

/** An outcome of any command, its fields readable without narrowing: tests know which command they ran. */
export type AnyOutcome = Outcome &
  Partial<Omit<UpOutcome, 'command'> & Omit<DownOutcome, 'command'>> &
  Partial<Omit<CleanupOutcome, 'command'> & Omit<PlanOutcome, 'command'>> &
  Partial<Omit<DoctorOutcome, 'command'>>;

/** Runs one command in-process with the given inputs, the way the action and the CLI do. */
export async function run(
  inputs: Partial<Record<InputName, string>>,
  options: {
    cwd?: string;
    context?: Partial<RunContext>;
    log?: Logger;
    signal?: AbortSignal;
    env?: NodeJS.ProcessEnv;
    planOnServer?: boolean;
    now?: () => Date;
  } = {},
): Promise<AnyOutcome> {
  return runPreview({
    input: mapInputs(inputs),
    context: { ...NO_EVENT, ...options.context },
    log: options.log ?? memoryLogger(),
    signal: options.signal ?? new AbortController().signal,
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    planOnServer: options.planOnServer ?? false,
    ...(options.now ? { now: options.now } : {}),
  });
}

/**
 * The namespace environments run in against the double. Not `default`: a request that forgets the
 * namespace lands there on a real cluster, and the double's `stop()` fails the test if anything did.
 */
export const NAMESPACE = 'previews';

/** Inputs of a run against the API-server double for a compose project in `dir`; `extra` wins. */
export function doubleInputs(
  api: FakeKubeApiServer,
  dir: string,
  extra: Partial<Record<InputName, string>> = {},
): Partial<Record<InputName, string>> {
  return {
    'env-id': 'demo',
    namespace: NAMESPACE,
    kubeconfig: api.kubeconfig(),
    'working-directory': dir,
    timeout: '20s',
    ...extra,
  };
}

/** A scratch directory removed after the test; `from` is copied into it first. */
export function scratchDir(from?: string): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kpp-test-'));
  if (from) cpSync(from, dir, { recursive: true });
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Makes `dir` a git checkout of one commit holding its files, as actions/checkout leaves it; its SHA. */
export function commitAll(dir: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'pull request head');
  return git('rev-parse', 'HEAD');
}

/**
 * A port free on every address, below the kernel's ephemeral range: a port from that range, freed
 * again, can become the local port of any outgoing connection before compose publishes it (CI saw
 * docker-proxy fail with "bind: address already in use"). Each vitest worker searches its own slice,
 * so two test files never pick the same port at once.
 */
export async function freePort(): Promise<number> {
  const ephemeralLow =
    Number(readIfExists('/proc/sys/net/ipv4/ip_local_port_range')?.split(/\s+/)[0]) || 32768;
  const low = 10_000;
  const slices = 16;
  const size = Math.floor((ephemeralLow - low) / slices);
  const slice = (Number(process.env.VITEST_POOL_ID ?? process.pid) || 0) % slices;
  const offset = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = low + slice * size + ((offset + i) % size);
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port in ${low + slice * size}-${low + (slice + 1) * size - 1}.`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export interface HelloProject {
  dir: string;
  /** The compose project name, unique to this copy. */
  name: string;
  /** The host port its web service publishes. */
  port: number;
  /** Stops its containers, deletes its image and its synced files, and removes the copy. */
  remove: () => void;
}

/**
 * A copy of examples/hello, ready for `up`: busybox in its build context, its own compose project name
 * and published port (in .env, as a user would set them), and optionally a compose.override.yaml.
 */
export async function prepareHello(extraCompose = ''): Promise<HelloProject> {
  const scratch = scratchDir(path.join(ROOT, 'examples/hello'));
  const name = `hello-${Math.random().toString(36).slice(2, 8)}`;
  const port = await freePort();
  execFileSync('sh', [path.join(scratch.dir, 'prepare.sh')]);
  writeFileSync(path.join(scratch.dir, '.env'), `COMPOSE_PROJECT_NAME=${name}\nHELLO_PORT=${port}\n`);
  if (extraCompose) writeFileSync(path.join(scratch.dir, 'compose.override.yaml'), extraCompose);
  return {
    dir: scratch.dir,
    name,
    port,
    remove: () => {
      execFileSync(
        'docker',
        ['compose', '-p', name, 'down', '--volumes', '--rmi', 'local', '--timeout', '1'],
        {
          cwd: scratch.dir,
          stdio: 'ignore',
        },
      );
      rmSync(remoteProjectDir(name), { recursive: true, force: true });
      scratch[Symbol.dispose]();
    },
  };
}

/**
 * The API-server double with its exec and port-forward endpoints (whose pod is this machine), started,
 * with namespace NAMESPACE. Its `stop()` rejects when anything was created in `default`, which no
 * environment of the suite uses.
 */
export async function startDouble(): Promise<{ api: FakeKubeApiServer; streams: PodStreams }> {
  const api = new FakeKubeApiServer();
  const streams = new PodStreams(api);
  api.fixtures.addNamespace(NAMESPACE);
  await api.start();
  const stop = api.stop.bind(api);
  api.stop = async () => {
    const strays = api.fixtures.objectsIn('default');
    await stop();
    if (strays.length > 0)
      throw new Error(`Objects were created in namespace default, which no test uses: ${strays.join(', ')}`);
  };
  return { api, streams };
}

export interface NodeResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a built bundle as a user would, with a clean environment (no GitHub variables unless given). */
export async function node(
  script: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<NodeResult> {
  const env = { PATH: process.env.PATH!, HOME: process.env.HOME!, ...options.env };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
