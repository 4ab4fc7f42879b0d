import { spawn } from 'node:child_process';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../util/errors.js';
import type { ChildDocument, ChildResult } from './sandbox-child.js';

export type { ChildDocument as RenderedDocument };

/** What one render may use before it is killed. */
export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 10_000, memoryMb: 128 };

export interface SandboxJob {
  /** The template's file, its real path: its directory is the root of its includes. */
  file: string;
  /** The template as messages name it. */
  where: string;
  source: string;
  /** Plain data, sent as JSON: never a credential. */
  args: unknown;
  signal?: AbortSignal | undefined;
  limits?: Partial<SandboxLimits> | undefined;
}

/** An included file larger than this is not a template. */
const MAX_INCLUDE_BYTES = 1024 * 1024;
/** More include requests than this is a loop, not a template. */
const MAX_INCLUDES = 200;
/** The result's JSON: the rendered objects, well above any pod template's. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/**
 * Renders a template in a child process that holds nothing worth stealing and may do next to nothing:
 * an empty environment, Node's permission model (it may read its own code only: no other file, no
 * child process, worker, addon, WASI or inspector), no code generation from strings, a time and memory
 * limit. Only data crosses: the source and arguments in, the parsed YAML documents out. The template's
 * includes are read here, confined to its directory, symbolic links resolved (Node's permission model
 * follows them wherever they point).
 */
export function renderInSandbox(job: SandboxJob): Promise<ChildDocument[]> {
  const limits = { ...DEFAULT_LIMITS, ...job.limits };
  const { script, flags } = sandboxProcess(limits);
  const child = spawn(process.execPath, [...flags, script], {
    env: {},
    cwd: path.dirname(script),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise<ChildDocument[]>((resolve, reject) => {
    const session = new Session(path.dirname(job.file), child.stdin, (result) => {
      if ('failed' in result)
        reject(new UserError(`${lead(job)}: ${clip(result.failed)}${hint(result.failed)}`));
      else resolve(result.documents);
    });
    const stop = (error: Error) => {
      child.kill('SIGKILL');
      session.stop();
      reject(error);
    };
    const timer = setTimeout(
      () =>
        stop(
          new UserError(`${lead(job)}: it ran longer than ${limits.timeoutMs / 1000} s, and was stopped.`),
        ),
      limits.timeoutMs,
    );
    const abort = () => stop(job.signal!.reason as Error);
    if (job.signal?.aborted) abort();
    job.signal?.addEventListener('abort', abort, { once: true });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr = (stderr + data.toString()).slice(-4096)));
    child.stdout.on('data', (data: Buffer) => {
      if (!session.receive(data))
        stop(new UserError(`${lead(job)}: it sent back more than ${MAX_OUTPUT_BYTES} bytes.`));
    });
    child.on('error', (error) => stop(error));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      job.signal?.removeEventListener('abort', abort);
      if (!session.done) reject(new UserError(`${lead(job)}: ${crash(code, signal, stderr, limits)}`));
    });
    child.stdin.on('error', () => {}); // a child that died early: its close says why
    child.stdin.write(
      `${JSON.stringify({ name: path.basename(job.file), source: job.source, args: job.args })}\n`,
    );
  });
}

/** The child's side of the conversation: include requests answered, the result handed on once. */
class Session {
  done = false;
  /** The start of a line whose end has not come yet. */
  private pending: Buffer[] = [];
  private received = 0;
  private includes = 0;

  constructor(
    private readonly root: string,
    private readonly stdin: NodeJS.WritableStream,
    private readonly onResult: (result: ChildResult) => void,
  ) {}

  /** Takes a chunk of the child's output; false when it sent too much. */
  receive(data: Buffer): boolean {
    this.received += data.length;
    if (this.received > MAX_OUTPUT_BYTES) return false;
    let start = 0;
    for (let end = data.indexOf(10); end >= 0 && !this.done; end = data.indexOf(10, start)) {
      const line = Buffer.concat([...this.pending, data.subarray(start, end)]).toString('utf8');
      this.pending = [];
      start = end + 1;
      this.handle(line);
    }
    if (!this.done && start < data.length) this.pending.push(data.subarray(start));
    return true;
  }

  /** Stopped from outside (time limit, cancellation): later output is ignored. */
  stop(): void {
    this.done = true;
  }

  private handle(line: string): void {
    let message: { include?: unknown; documents?: unknown; failed?: unknown };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return this.result({ failed: 'its process sent something that is not a message' });
    }
    if (typeof message.include === 'string') {
      this.includes += 1;
      const answer =
        this.includes > MAX_INCLUDES
          ? { refused: `it includes more than ${MAX_INCLUDES} templates` }
          : includeAnswer(this.root, message.include);
      this.stdin.write(`${JSON.stringify(answer)}\n`);
      return;
    }
    if (Array.isArray(message.documents) && message.documents.every(isDocument))
      return this.result({ documents: message.documents });
    this.result({ failed: typeof message.failed === 'string' ? message.failed : 'it sent no result' });
  }

  private result(result: ChildResult): void {
    this.done = true;
    this.stdin.end();
    this.onResult(result);
  }
}

/** The child's word is checked, not trusted: a document is a value or an error. */
function isDocument(doc: unknown): doc is ChildDocument {
  if (doc === null || typeof doc !== 'object') return false;
  return 'value' in doc || typeof (doc as { error?: unknown }).error === 'string';
}

type IncludeAnswer = { source: string } | { missing: true } | { refused: string };

/** The source of an include, when it is a file inside the template's directory (links resolved). */
function includeAnswer(root: string, name: string): IncludeAnswer {
  try {
    return readInclude(root, name, realpathSync(path.resolve(root, name)));
  } catch {
    return { missing: true }; // gone, unreadable, or no such file: nunjucks says "template not found"
  }
}

function readInclude(root: string, name: string, real: string): IncludeAnswer {
  const relative = path.relative(root, real);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { refused: explainIncludeOutside(name, root) };
  }
  if (relative.split(path.sep).includes('.git')) {
    return { refused: `it includes "${name}", inside .git (which may hold the checkout's token)` };
  }
  const stat = statSync(real);
  if (!stat.isFile()) return { missing: true };
  if (stat.size > MAX_INCLUDE_BYTES) return { refused: `it includes "${name}", larger than 1 MiB` };
  return { source: readFileSync(real, 'utf8') };
}

function explainIncludeOutside(name: string, root: string): string {
  return `it includes "${name}", which is outside the template's directory ${root}: a template may include files beside it or below it only`;
}

/**
 * The child's script and Node's flags for it. The script sits beside this module in all three settings:
 * sandbox-child.ts in the sources (vitest), .js in lib/ (the bench) and in dist/lib/ (its own bundle,
 * built by scripts/build.mjs, beside the chunks). Node 24's permission model has no network switch
 * (--allow-net came with Node 25, where the network is denied by default under --permission).
 */
export function sandboxProcess(limits: SandboxLimits = DEFAULT_LIMITS): { script: string; flags: string[] } {
  const here = fileURLToPath(import.meta.url);
  const script = path.join(path.dirname(here), `sandbox-child${path.extname(here)}`);
  const flags = [
    '--permission',
    ...readablePaths(script).map((p) => `--allow-fs-read=${p}`),
    '--disallow-code-generation-from-strings',
    `--max-old-space-size=${limits.memoryMb}`,
  ];
  return { script, flags };
}

/**
 * The child's own code. Unbundled (this module is sandbox.ts or .js, not a chunk of dist/), it imports
 * nunjucks and yaml from node_modules, which it may read too; bundled, it is one file.
 */
function readablePaths(script: string): string[] {
  const here = fileURLToPath(import.meta.url);
  if (path.basename(here, path.extname(here)) !== 'sandbox') return [script];
  const require = createRequire(script);
  const modules = ['nunjucks', 'yaml'].map((name) => {
    const entry = require.resolve(name);
    return entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}`) + '/node_modules'.length);
  });
  return [script, ...new Set(modules)];
}

function lead(job: SandboxJob): string {
  return `The template ${job.where} does not render`;
}

/** A message from the child is about the template, written by it: one line, short. */
function clip(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** What the sandbox refused, said as such. */
function hint(failure: string): string {
  return /Code generation from strings disallowed|ERR_ACCESS_DENIED|Access to this API has been restricted/.test(
    failure,
  )
    ? explainSandboxRules()
    : '';
}

function explainSandboxRules(): string {
  return '. Templates render in a sandbox: they may not run JavaScript, read files outside their own directory, start processes or see the environment.';
}

function crash(code: number | null, signal: string | null, stderr: string, limits: SandboxLimits): string {
  if (/heap out of memory|Reached heap limit/.test(stderr))
    return `it used more than ${limits.memoryMb} MB of memory, and was stopped.`;
  // The child catches what a template throws: an error that ends it is the sandbox's own.
  const error = /^\w*Error\b.*$/m.exec(stderr)?.[0];
  return `its process ended (${signal ?? `exit code ${code}`}) without a result${error ? `: ${clip(error)}` : ''}.`;
}
