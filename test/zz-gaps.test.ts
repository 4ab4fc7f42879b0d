import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { NAMESPACE, ROOT, prepareHello, scratchDir, startDouble } from './helpers.js';

async function timed(args: string[], cwd: string): Promise<string[]> {
  const start = Date.now();
  let last = start;
  const out: string[] = [];
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), ...args], {
    cwd,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME! },
  });
  let buf = '';
  child.stderr.on('data', (d: Buffer) => {
    buf += d.toString();
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const now = Date.now();
      out.push(`${String(now - start).padStart(6)} +${String(now - last).padStart(5)} ${buf.slice(0, i)}`);
      last = now;
      buf = buf.slice(i + 1);
    }
  });
  await new Promise((r) => child.on('close', r));
  out.push(`${Date.now() - start} end`);
  return out;
}

it('gaps', async () => {
  const { api } = await startDouble();
  const hello = await prepareHello();
  using s = scratchDir();
  const kc = path.join(s.dir, 'kc');
  writeFileSync(kc, api.kubeconfig());
  const common = [
    '--env-id',
    'gaps',
    '--namespace',
    NAMESPACE,
    '--kubeconfig-file',
    kc,
    '--working-directory',
    hello.dir,
    '--repository',
    'acme/web',
  ];
  const lines = [
    ...(await timed(['up', ...common, '--expose', 'loadbalancer', '--ttl', '1h'], ROOT)),
    ...(await timed(['down', ...common], ROOT)),
  ];
  writeFileSync(path.join(ROOT, '.tmp/gaps.txt'), lines.join('\n'));
  hello.remove();
  await api.stop();
}, 120_000);
