import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom in src/ (CONTRIBUTING.md, "Map"): the folders follow the flow
 * entry → run → adapters (kube, docker, github, render) → model → util, and each library belongs to
 * one adapter. An import against that fails the lint.
 */
const FOLDERS = ['entry', 'run', 'kube', 'docker', 'github', 'render', 'model', 'util'];
const LIBRARIES = {
  '@actions/core': 'entry',
  '@kubernetes/client-node': 'kube',
  ws: 'kube',
  'tar-stream': 'docker',
  nunjucks: 'render',
  '@actions/github': 'github',
};
const IO_MODULES = [
  'node:fs',
  'node:fs/promises',
  'node:child_process',
  'node:net',
  'node:http',
  'node:https',
];

function importRule(folder, mayImport, { io = true } = {}) {
  const folders = FOLDERS.filter((f) => f !== folder && !mayImport.includes(f));
  const libraries = Object.entries(LIBRARIES).filter(([, owner]) => owner !== folder);
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...libraries.map(([name, owner]) => ({
              name,
              message: `Only src/${owner}/ imports ${name}: go through its adapter.`,
            })),
            ...(io ? [] : IO_MODULES.map((name) => ({ name, message: `src/${folder}/ does no I/O.` }))),
          ],
          patterns: folders.map((f) => ({
            group: [`../${f}/*`],
            message: `src/${folder}/ may import only ${mayImport.map((m) => `src/${m}/`).join(', ') || 'its own folder'}: see CONTRIBUTING.md, "Map".`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  importRule('entry', ['run', 'kube', 'docker', 'github', 'render', 'model', 'util']),
  importRule('run', ['kube', 'docker', 'github', 'render', 'model', 'util']),
  importRule('kube', ['model', 'util']),
  importRule('docker', ['model', 'util']),
  importRule('github', ['model', 'util']),
  importRule('render', ['model', 'util']),
  importRule('model', ['util'], { io: false }),
  importRule('util', [], { io: false }),
  {
    // Tests inspect API objects as loose JSON.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
