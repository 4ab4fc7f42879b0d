import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { parseAllDocuments } from 'yaml';
import { resourceId } from '../../src/model/ids.js';
import { identityLabels } from '../../src/model/objects.js';
import { sandboxProcess } from '../../src/render/sandbox.js';
import { ROOT } from './double.js';
import { repeat, secondsSince, show } from './figures.js';

const ids = { envId: 'pr-7', id: resourceId('acme/web', 'pr-7') };
const ARGS = {
  namespace: 'previews',
  ...ids,
  storageClass: undefined,
  storageSize: 5,
  labels: identityLabels(ids),
  prNumber: 7,
  repository: 'acme/web',
  sha: 'abc123',
  project: 'web',
  registryMirrors: [],
};

/** CPU seconds of the children this process has waited for (Linux: cutime + cstime, in ticks of 10 ms). */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** One render by the bundled child, started as the action starts it: the request in, the objects out. */
function sandboxRender(script: string, source: string): Promise<void> {
  const { flags } = sandboxProcess();
  // sandboxProcess() here is lib/'s, for lib/'s child: the same flags, for the bundle's file.
  const bundled = flags.filter((f) => !f.startsWith('--allow-fs-read')).concat(`--allow-fs-read=${script}`);
  const child = spawn(process.execPath, [...bundled, script], {
    env: {},
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(`${JSON.stringify({ name: 'default.yaml.njk', source, args: ARGS })}\n`);
  return new Promise((resolve, reject) =>
    child.on('close', () => (out.includes('"documents"') ? resolve() : reject(new Error(out)))),
  );
}

/**
 * (7) What the template sandbox costs a render of the default template: the bundled child
 * (dist/lib/sandbox-child.js, as a run starts it: a process of its own, the permission model on),
 * its wall time and its CPU; and the in-process nunjucks render it replaced, for reference.
 */
export async function renderFigures(runs: number): Promise<void> {
  const source = readFileSync(path.join(ROOT, 'templates/default.yaml.njk'), 'utf8');
  const script = path.join(ROOT, 'dist/lib/sandbox-child.js');
  console.log('(7) one render of templates/default.yaml.njk');
  const env = new nunjucks.Environment(null, { autoescape: false });
  const inProcess = await repeat(runs, async () => {
    const started = performance.now();
    parseAllDocuments(env.renderString(source, ARGS)).map((d) => d.toJS());
    return secondsSince(started) * 1000;
  });
  console.log(show('in-process nunjucks (before the sandbox)', inProcess, 'ms wall'));
  const wall: number[] = [];
  const cpu: number[] = [];
  await repeat(runs, async () => {
    const [started, cpuBefore] = [performance.now(), childrenCpu()];
    await sandboxRender(script, source);
    wall.push(secondsSince(started) * 1000);
    cpu.push((childrenCpu() - cpuBefore) * 1000);
  });
  console.log(show('in the sandbox (bundled child process)', wall, 'ms wall', 0));
  console.log(show('  its CPU (user + system, 10 ms ticks)', cpu, 'ms CPU', 0));
}
