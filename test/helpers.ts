import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunContext } from '../src/github/event.js';
import { mapInputs, type InputName } from '../src/inputs.js';
import { runLifecycle, type Outcome } from '../src/lifecycle.js';
import type { Logger } from '../src/log.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
};

/** Runs one lifecycle in-process with the given inputs, the way the action and the CLI do. */
export async function run(
  inputs: Partial<Record<InputName, string>>,
  options: {
    cwd?: string;
    context?: Partial<RunContext>;
    log?: Logger;
    signal?: AbortSignal;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<Outcome> {
  return runLifecycle({
    input: mapInputs(inputs),
    context: { ...NO_EVENT, ...options.context },
    log: options.log ?? memoryLogger(),
    signal: options.signal ?? new AbortController().signal,
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
  });
}

/** A scratch directory removed after the test; `from` is copied into it first. */
export function scratchDir(from?: string): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kpp-test-'));
  if (from) cpSync(from, dir, { recursive: true });
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}
