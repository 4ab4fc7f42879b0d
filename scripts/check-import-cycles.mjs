// Fails when modules import each other in a circle, directly or through others: such a circle makes
// the load order decide which module sees the other's bindings uninitialised, and it blurs the lanes.
// Usage: node scripts/check-import-cycles.mjs [folder…] (default: src test scripts).
// Every relative import counts: static, type-only, re-exports and dynamic `import()`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|mts|tsx|js|mjs)$/;

function sourceFiles(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes('node_modules'));
}

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The file a relative specifier names: TypeScript sources import `./x.js` for `./x.ts`. */
function resolve(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.mjs$/, '.mts'),
    base.replace(/\.js$/, '.tsx'),
    base,
    `${base}.ts`,
    path.join(base, 'index.ts'),
  ];
  return candidates.find(isFile);
}

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .filter(({ fileName }) => fileName.startsWith('./') || fileName.startsWith('../'))
    .map(({ fileName, pos }) => ({
      target: resolve(file, fileName),
      line: text.slice(0, pos).split('\n').length,
      dynamic: /import\s*\(\s*$/.test(text.slice(0, pos)),
    }))
    .filter(({ target }) => target !== undefined);
}

/** Tarjan's strongly connected components: each with more than one file, or importing itself, is a circle. */
function circles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (file) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const { target } of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file), index.get(target)));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfImport = (graph.get(file) ?? []).some(({ target }) => target === file);
    if (component.length > 1 || selfImport) found.push(new Set(component));
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return found;
}

/** One walk around a circle, from its first file back to it, staying inside the component. */
function chainThrough(graph, component) {
  const start = [...component].sort()[0];
  const seen = new Set();
  const walk = (file, chain) => {
    for (const edge of graph.get(file) ?? []) {
      if (!component.has(edge.target)) continue;
      if (edge.target === start) return [...chain, { file, edge }];
      if (seen.has(edge.target)) continue;
      seen.add(edge.target);
      const found = walk(edge.target, [...chain, { file, edge }]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, []);
}

function explainCircle(graph, component) {
  const shown = (file) => path.relative(process.cwd(), file);
  const chain = chainThrough(graph, component);
  const steps = chain.map(
    ({ file, edge }) => `${shown(file)}:${edge.line}${edge.dynamic ? ' (dynamic import)' : ''}`,
  );
  const lines = [`import cycle: ${[...steps, shown(chain[0].file)].join(' → ')}`];
  const others = [...component].filter((file) => !chain.some((step) => step.file === file));
  if (others.length) lines.push(`  also in this circle: ${others.map(shown).sort().join(', ')}`);
  return lines.join('\n');
}

const folders = process.argv.slice(2);
const files = (folders.length ? folders : ['src', 'test', 'scripts']).flatMap((f) =>
  sourceFiles(path.resolve(f)),
);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const found = circles(graph);
for (const component of found) console.error(explainCircle(graph, component));
console.log(`import cycles: ${files.length} file(s), ${found.length} cycle(s)`);
process.exitCode = found.length ? 1 : 0;
