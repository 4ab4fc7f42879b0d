import type { PublishedPort } from '../model/exposure.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { exportBuildCache, prepareBuildCache } from './build-cache.js';
import type { BuildCacheSettings } from './build-cache-refs.js';
import { docker, lastLines, type DockerOptions } from './cli.js';
import { leaveGitOut } from './confine-build.js';
import type { ComposeModel } from './compose-model.js';

export interface Target {
  /** DOCKER_HOST of the pod's Docker server (the tunnel). */
  dockerHost: string;
  /** The environment compose runs with: the project's (projectEnvironment), not the runner's. */
  environment: Record<string, string>;
  workingDirectory: string;
  log: Logger;
  signal?: AbortSignal;
  /** Input build-cache: builds import from and export to a registry. Without it, nothing changes. */
  buildCache?: BuildCacheSettings;
}

const LOG_LINES = 100;

/**
 * Runs `docker compose up -d --build --remove-orphans` for the (rewritten) model against the pod's
 * Docker server, with its output in a log group. On failure it prints `ps -a` and the last lines of
 * every service that is not running, then fails. Returns the ports the services publish. With a build
 * cache, the builds import it, and export theirs once compose succeeded.
 */
export async function composeUp(given: ComposeModel, target: Target): Promise<PublishedPort[]> {
  const options: DockerOptions = {
    cwd: target.workingDirectory,
    environment: target.environment,
    env: { DOCKER_HOST: target.dockerHost },
    signal: target.signal,
  };
  const { model, caches } = target.buildCache
    ? await prepareBuildCache(given, target.buildCache, options, target.log)
    : { model: given, caches: [] };
  return withModelFile(model, target.log, async (file) => {
    const base = ['compose', '-f', file, '--project-directory', target.workingDirectory, '-p', model.name];
    const up = await target.log.group(`docker compose up (${model.name})`, () =>
      docker([...base, 'up', '-d', '--build', '--remove-orphans'], {
        ...options,
        onLine: (l) => target.log.info(l),
      }),
    );
    const ps = await psJson(base, options);
    if (up.code !== 0) {
      const report = await failureReport(base, options, ps);
      // Compose's own last words name what failed before any container existed: a pull refused by the
      // registry, a build step, a port already taken.
      const said = lastLines(up.stderr, 5);
      throw new UserError(
        `docker compose up failed (exit code ${up.code})${said ? `:\n${said}` : '.'}\n${report}`,
      );
    }
    if (caches.length)
      await exportBuildCache(caches, options, target.log, {
        timeoutMs: target.buildCache?.exportTimeoutMs,
        // Only a push's run (the branch's own code) lends the pod's Docker server the runner's login.
        withLogin: target.buildCache?.ownRef !== undefined,
      });
    return ps
      .flatMap((c) =>
        (c.Publishers ?? [])
          .filter((p) => p.PublishedPort > 0)
          .map((p) => ({
            service: c.Service,
            targetPort: p.TargetPort,
            publishedPort: p.PublishedPort,
            protocol: p.Protocol,
          })),
      )
      .filter(
        (p, i, all) =>
          all.findIndex(
            (q) => q.service === p.service && q.targetPort === p.targetPort && q.protocol === p.protocol,
          ) === i,
      );
  });
}

interface PsEntry {
  Service: string;
  Name: string;
  State: string;
  Status?: string;
  ExitCode?: number;
  Publishers?: { TargetPort: number; PublishedPort: number; Protocol: string; URL?: string }[];
}

async function psJson(base: string[], options: DockerOptions): Promise<PsEntry[]> {
  const result = await docker([...base, 'ps', '-a', '--format', 'json'], options);
  if (result.code !== 0) return [];
  const text = result.stdout.trim();
  if (!text) return [];
  // Compose prints one JSON object per line; versions before 2.21 printed a single array.
  return text.startsWith('[')
    ? (JSON.parse(text) as PsEntry[])
    : text.split('\n').map((l) => JSON.parse(l) as PsEntry);
}

async function failureReport(base: string[], options: DockerOptions, ps: PsEntry[]): Promise<string> {
  const lines: string[] = ['Containers:'];
  for (const c of ps) lines.push(`  ${c.Service} (${c.Name}): ${c.State}${c.Status ? ` — ${c.Status}` : ''}`);
  if (ps.length === 0) lines.push('  none were created.');
  for (const c of ps.filter((c) => c.State !== 'running')) {
    const logs = await docker(
      [...base, 'logs', '--no-color', '--tail', String(LOG_LINES), c.Service],
      options,
    );
    lines.push(
      `Last ${LOG_LINES} log lines of ${c.Service}:`,
      (logs.stdout + logs.stderr).trimEnd() || '  (no output)',
    );
  }
  return lines.join('\n');
}

/**
 * compose reads the model from a file; JSON is YAML, so the normalized model is written as it is, but
 * for the project's .git, left out of build contexts beside it (leaveGitOut).
 */
async function withModelFile<T>(
  model: ComposeModel,
  log: Logger,
  fn: (file: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kube-pod-preview-'));
  try {
    const file = path.join(dir, 'compose.json');
    await writeFile(file, JSON.stringify(await leaveGitOut(model, dir, log)));
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
