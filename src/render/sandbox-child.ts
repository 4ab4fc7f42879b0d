/**
 * The template sandbox's child process (started by sandbox.ts): renders one nunjucks template and
 * parses the YAML it renders. It runs with an empty environment under Node's permission model, with
 * code generation from strings disabled; it reads no file of the project itself: the parent sends the
 * template and answers each include.
 *
 * It imports nothing from src/, so that Node runs it as it is in all three settings: the TypeScript
 * source (type stripping) under vitest, the compiled lib/ of the bench, and its own ncc bundle in dist/.
 *
 * The channel is JSON, one message a line: stdin brings the request, then the answer to each include
 * request; stdout carries the include requests, then the result.
 */
import { readSync, writeSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import nunjucks from 'nunjucks';
import { LineCounter, parseAllDocuments } from 'yaml';

interface Request {
  /** The template's name, relative to its directory (the root of its includes). */
  name: string;
  source: string;
  args: Record<string, unknown>;
}
type IncludeAnswer = { source: string } | { missing: true } | { refused: string };
export type ChildDocument = { value: unknown } | { error: string; line: number | undefined };
export type ChildResult = { documents: ChildDocument[] } | { failed: string };

/** Beyond this the output is not a pod's few objects: refused before anything parses it. */
const MAX_RENDERED_CHARS = 8 * 1024 * 1024;
const OPTIONS = { autoescape: false, throwOnUndefined: false };

// Entry points to the network and to Node's modules that need no import: template code never has
// them, and the permission model of Node 24 does not deny the network. A second line of defence.
for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest'])
  Reflect.deleteProperty(globalThis, name);
Reflect.deleteProperty(process, 'getBuiltinModule');

/**
 * Compiled template code runs in a context of its own: it sees no `process`, no `require`, no
 * `import()`, and cannot generate code from strings (the nunjucks escape through `constructor`).
 */
const realm = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } });
const { compiler, lib } = nunjucks as unknown as {
  compiler: { compile(...args: unknown[]): string };
  lib: { _prettifyError(name: string, withInternals: boolean, error: unknown): Error };
};

let pending = Buffer.alloc(0);
const chunk = Buffer.alloc(1 << 16);

function readMessage(): unknown {
  for (;;) {
    const end = pending.indexOf(10);
    if (end >= 0) {
      const line = pending.subarray(0, end).toString('utf8');
      pending = pending.subarray(end + 1);
      return JSON.parse(line);
    }
    const n = io(() => readSync(0, chunk, 0, chunk.length, null));
    if (n === 0) throw new Error('the parent process closed the channel');
    pending = Buffer.concat([pending, chunk.subarray(0, n)]);
  }
}

function writeMessage(message: unknown): void {
  let bytes = Buffer.from(`${JSON.stringify(message)}\n`);
  while (bytes.length > 0) bytes = bytes.subarray(io(() => writeSync(1, bytes)));
}

/** A blocking read or write on a pipe, retried while it would block. */
function io(call: () => number): number {
  for (;;) {
    try {
      return call();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}

/** The template's code, compiled by nunjucks and evaluated in `realm` instead of by `new Function`. */
function compiled(env: nunjucks.Environment, source: string, name: string): { type: 'code'; obj: unknown } {
  const e = env as unknown as { asyncFilters: unknown; extensionsList: unknown; opts: unknown };
  let code: string;
  try {
    code = compiler.compile(source, e.asyncFilters, e.extensionsList, name, e.opts);
  } catch (error) {
    throw lib._prettifyError(name, false, error);
  }
  const make = vm.runInContext(`(function () {\n${code}\n})`, realm, { filename: name }) as () => unknown;
  return { type: 'code', obj: make() };
}

/** Includes, imports and extends: the parent reads the file, confined to the template's directory. */
function loader(env: () => nunjucks.Environment) {
  return {
    getSource(name: string) {
      writeMessage({ include: name });
      const answer = readMessage() as IncludeAnswer;
      if ('refused' in answer) throw new Error(answer.refused);
      if ('missing' in answer) return null;
      return { src: compiled(env(), answer.source, name), path: name, noCache: false };
    },
    isRelative: (name: string) => name.startsWith('./') || name.startsWith('../'),
    resolve: (from: string, to: string) => path.posix.join(path.posix.dirname(from), to),
  };
}

function render(request: Request): string {
  const env: nunjucks.Environment = new nunjucks.Environment(
    loader(() => env) as unknown as nunjucks.ILoader,
    OPTIONS,
  );
  const template = new nunjucks.Template(
    compiled(env, request.source, request.name) as unknown as string,
    env,
    request.name,
  );
  return template.render({ ...request.args });
}

function documentsOf(text: string): ChildDocument[] {
  const lines = new LineCounter();
  return parseAllDocuments(text, { prettyErrors: false, lineCounter: lines }).map((doc): ChildDocument => {
    const error = doc.errors[0];
    // The message and the line only, never the code frame: the rendered text may be a file's content.
    if (error) return { error: error.message.split('\n')[0]!, line: lines.linePos(error.pos[0]).line };
    return { value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  });
}

function main(): ChildResult {
  let rendered: string;
  try {
    rendered = render(readMessage() as Request);
  } catch (error) {
    return { failed: (error as Error).message };
  }
  if (rendered.length > MAX_RENDERED_CHARS)
    return { failed: `it rendered ${rendered.length} characters, more than ${MAX_RENDERED_CHARS}` };
  return { documents: documentsOf(rendered) };
}

try {
  writeMessage(main());
} catch (error) {
  writeMessage({ failed: `its objects cannot be sent back (${(error as Error).message})` });
}
