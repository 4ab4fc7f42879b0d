import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildCacheSettings } from '../../src/docker/build-cache-refs.js';
import { composeUp } from '../../src/docker/compose.js';
import { loadComposeModel } from '../../src/docker/compose-file.js';
import type { ComposeModel } from '../../src/docker/compose-model.js';
import { forgetProject, startRegistry } from '../../test/build-cache-engine.js';
import { ROOT, quiet } from './double.js';
import { repeat, secondsSince, show } from './figures.js';

const PROJECT = 'kpp-bench-slow-build';
const environment = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  COMPOSE_PROJECT_NAME: PROJECT,
};

interface Run {
  cold: number;
  coldExporting: number;
  warm: number;
  unchanged: number;
  unchangedWithout: number;
}

/**
 * The compose phase (composeUp: the registry probe, `up --build`, the export) of
 * scripts/bench/slow-build on the local engine, with docker-registry on loopback as input
 * build-cache. A new environment is the engine without the project's containers, images and build
 * cache (forgetProject); each run has a slow step of its own (a fresh nonce in its command).
 */
export async function buildCacheFigures(runs: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kube-pod-preview-bench-slow-'));
  const storage = mkdtempSync(path.join(os.tmpdir(), 'kube-pod-preview-bench-registry-'));
  cpSync(path.join(ROOT, 'scripts/bench/slow-build'), dir, { recursive: true });
  execFileSync('sh', [path.join(dir, 'prepare.sh')]);
  const dockerfile = path.join(dir, 'Dockerfile');
  const template = readFileSync(dockerfile, 'utf8');
  const registry = await startRegistry(storage);
  const prefix = `127.0.0.1:${registry.port}/cache`;
  const main: BuildCacheSettings = { prefix, envId: 'main', ownRef: 'refs/heads/main' };
  const pr: BuildCacheSettings = { prefix, envId: 'pr-1', ownRef: 'refs/pull/1/merge', baseRef: 'main' };
  let nonce = '';
  const fresh = () => {
    if (forgetProject(PROJECT, nonce)) throw new Error('the engine kept build-cache records of the run');
  };
  try {
    const results = await repeat(runs, async (): Promise<Run> => {
      nonce = `bench${randomBytes(4).toString('hex')}`;
      writeFileSync(dockerfile, template.replaceAll('BENCH_NONCE', nonce));
      const model = await loadComposeModel({ workingDirectory: dir, composeFiles: [] }, environment);
      const up = (buildCache?: BuildCacheSettings) => timedUp(model, dir, buildCache);
      fresh();
      const cold = await up();
      fresh();
      const coldExporting = await up(main);
      fresh();
      const warm = await up(pr);
      return { cold, coldExporting, warm, unchanged: await up(pr), unchangedWithout: await up() };
    });
    printFigures(results);
  } finally {
    fresh();
    registry.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  }
}

async function timedUp(model: ComposeModel, dir: string, buildCache?: BuildCacheSettings): Promise<number> {
  const started = performance.now();
  await composeUp(model, {
    dockerHost: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
    environment,
    workingDirectory: dir,
    log: quiet,
    buildCache,
  });
  return secondsSince(started);
}

function printFigures(results: Run[]): void {
  console.log('(8) build cache: the compose phase of scripts/bench/slow-build (a 20 s step), local engine');
  const row = (label: string, of: (r: Run) => number, unit = 's') =>
    console.log(show(label, results.map(of), unit));
  row('new environment, no build-cache', (r) => r.cold);
  row('new environment, empty cache (exports)', (r) => r.coldExporting);
  row('new environment, cache of another environment', (r) => r.warm);
  row('unchanged push, build-cache', (r) => r.unchanged);
  row('unchanged push, no build-cache', (r) => r.unchangedWithout);
  row('ratio warm new env / unchanged push (target ≤ 1.5)', (r) => r.warm / r.unchanged, '');
  row('ratio warm new env / cold new env (target ≤ 0.25)', (r) => r.warm / r.cold, '');
}
