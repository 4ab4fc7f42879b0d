import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './double.js';
import { repeat, show } from './figures.js';

/**
 * Prints the process's CPU time (user + system, ms) on stderr as it exits, and that of the child
 * processes it waited for (Linux: cutime + cstime of /proc/self/stat, in ticks of 10 ms).
 */
const CPU_ON_EXIT =
  'data:text/javascript,import {readFileSync} from "node:fs";process.on("exit",()=>{const u=process.cpuUsage();const f=readFileSync("/proc/self/stat","utf8").split(") ")[1].split(" ");process.stderr.write("\\ncpu-ms "+(u.user+u.system)/1000+" children-ms "+(Number(f[13])+Number(f[14]))*10+"\\n")})';

/** CPU seconds of one `node <args>` in `cwd`, Node's own start-up included, and of its children. */
function cpuOf(args: string[], cwd: string): { own: number; children: number } {
  const result = spawnSync(process.execPath, ['--import', CPU_ON_EXIT, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  const match = /cpu-ms ([\d.]+) children-ms (\d+)/.exec(result.stderr);
  if (!match) throw new Error(`no CPU figure from node ${args.join(' ')}: ${result.stderr}`);
  return { own: Number(match[1]) / 1000, children: Number(match[2]) / 1000 };
}

/**
 * The built bundle's start-up CPU (as a runner pays it): `--help`, `plan` of the bundled example, and an
 * `up` that stops at reading the kubeconfig, after loading everything a deploy needs. Node alone for
 * reference. The CPU of the child processes (`docker compose config`, the template sandbox's render)
 * is on a line of its own.
 */
export async function startup(runs: number): Promise<void> {
  const cli = path.join(ROOT, 'dist/cli/index.js');
  const example = path.join(ROOT, 'examples/hello');
  const cases: [string, string[]][] = [
    ['node -e 0 (Node alone)', ['-e', '0']],
    ['dist/cli/index.js --help', [cli, '--help']],
    ['dist/cli/index.js plan (examples/hello)', [cli, 'plan', '--env-id', 'demo']],
    [
      'dist/cli/index.js up, to the kubeconfig',
      [cli, 'up', '--env-id', 'demo', '--kubeconfig', 'not: [a kubeconfig'],
    ],
  ];
  console.log(`(5) start-up CPU of the built bundle (user + system, Node ${process.versions.node})`);
  for (const [label, args] of cases) {
    const figures = await repeat(runs, async () => cpuOf(args, example));
    console.log(
      show(
        label,
        figures.map((f) => f.own),
        's CPU',
        3,
      ),
    );
    const children = figures.map((f) => f.children);
    if (children.some((c) => c > 0))
      console.log(show('  and its child processes (compose, the sandbox)', children, 's CPU', 3));
  }
}
