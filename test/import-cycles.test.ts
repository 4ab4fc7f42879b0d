import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const CHECKER = path.resolve('scripts/check-import-cycles.mjs');
let tree: string | undefined;

function sourceTree(files: Record<string, string>): string {
  tree = mkdtempSync(path.join(os.tmpdir(), 'kpp-cycles-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
    writeFileSync(path.join(tree, name), text);
  }
  return tree;
}

async function check(folder: string): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CHECKER, 'src'], { cwd: folder });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

afterEach(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
  tree = undefined;
});

describe('import cycle check', () => {
  it('passes a tree whose imports run one way', async () => {
    const folder = sourceTree({
      'src/run/up.ts': "import { plan } from '../model/plan.js';\nexport const up = plan;\n",
      'src/model/plan.ts': "import type { Ids } from './ids.js';\nexport const plan = (ids: Ids) => ids;\n",
      'src/model/ids.ts': 'export type Ids = string;\n',
    });
    const result = await check(folder);
    expect(result.code).toBe(0);
    expect(result.out).toContain('3 file(s), 0 cycle(s)');
  });

  it('fails on a circle through a type import and a dynamic import, naming each file and line', async () => {
    const folder = sourceTree({
      'src/run/dispatch.ts': "export type Options = {};\nexport const go = () => import('./comment.js');\n",
      'src/run/comment.ts': "import type { Options } from './dispatch.js';\nexport const o: Options = {};\n",
      'src/run/leaf.ts': "import { go } from './dispatch.js';\nexport const leaf = go;\n",
    });
    const result = await check(folder);
    expect(result.code).toBe(1);
    expect(result.out).toContain('3 file(s), 1 cycle(s)');
    expect(result.err).toContain(
      'import cycle: src/run/comment.ts:1 → src/run/dispatch.ts:2 (dynamic import) → src/run/comment.ts',
    );
  });

  it('follows a longer circle and names the files of its component off the chain', async () => {
    const folder = sourceTree({
      'src/a.ts': "export * from './b.js';\n",
      'src/b.ts': "import './c.js';\nimport './d.js';\n",
      'src/c.ts': "import './a.js';\n",
      'src/d.ts': "import './b.js';\n",
    });
    const result = await check(folder);
    expect(result.code).toBe(1);
    expect(result.err).toContain('import cycle: src/a.ts:1 → src/b.ts:1 → src/c.ts:1 → src/a.ts');
    expect(result.err).toContain('also in this circle: src/d.ts');
  });
});
