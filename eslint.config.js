import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom in src/ (CONTRIBUTING.md, "Map"): the folders follow the flow
 * entry → commands → phases → plan → resolve → adapters (kube, docker, github, render) → model → util,
 * and each library belongs to one adapter. An import against that fails the lint.
 */
const FOLDERS = [
  'entry',
  'commands',
  'phases',
  'plan',
  'resolve',
  'kube',
  'docker',
  'github',
  'render',
  'model',
  'util',
];
const ADAPTERS = ['kube', 'docker', 'github', 'render'];
/** The commands, each a module of its own that the table loads: no command imports another. */
const COMMAND_MODULES = ['up', 'down', 'extend', 'doctor', 'cleanup', 'show-plan'];
const COMMAND_LANES = ['phases', 'plan', 'resolve', ...ADAPTERS, 'model', 'util'];
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

const DOUBLES_LANE = 'A test double imports nothing from src/: see CONTRIBUTING.md, "The test doubles".';

function importRule(
  folder,
  mayImport,
  { io = true, files = [`src/${folder}/**/*.ts`], patterns: extra = [] } = {},
) {
  const folders = FOLDERS.filter((f) => f !== folder && !mayImport.includes(f));
  const libraries = Object.entries(LIBRARIES).filter(([, owner]) => owner !== folder);
  const paths = [
    ...libraries.map(([name, owner]) => ({
      name,
      message: `Only src/${owner}/ imports ${name}: go through its adapter.`,
    })),
    ...(io ? [] : IO_MODULES.map((name) => ({ name, message: `src/${folder}/ does no I/O.` }))),
  ];
  const lane = `src/${folder}/ may import only ${mayImport.map((m) => `src/${m}/`).join(', ') || 'its own folder'}: see CONTRIBUTING.md, "Map".`;
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths,
          patterns: [...folders.map((f) => ({ group: [`../${f}/*`], message: lane })), ...extra],
        },
      ],
      // no-restricted-imports does not see import(), which the commands and adapters are loaded with.
      'no-restricted-syntax': [
        'error',
        ...paths.map(({ name, message }) => ({
          selector: `ImportExpression[source.value='${name}']`,
          message,
        })),
        ...folders.map((f) => ({
          selector: `ImportExpression[source.value=/^\\.\\.\\/${f}\\//]`,
          message: lane,
        })),
        ...extra.flatMap(({ group, message }) =>
          group.map((name) => ({ selector: `ImportExpression[source.value='${name}']`, message })),
        ),
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
    // A file past this reads as two subjects; a warning, since splitting one is a change of its own.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: { 'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Rules that need the types: a promise nobody awaits loses its rejection, and a switch over a union
    // that misses a member silently does nothing for it.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A `default` does not stand in for a union's members: a member added later must be placed.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { requireDefaultForNonUnion: true }],
    },
  },
  importRule('entry', FOLDERS.slice(1)),
  importRule('commands', COMMAND_LANES),
  importRule('commands', COMMAND_LANES, {
    files: COMMAND_MODULES.map((name) => `src/commands/${name}.ts`),
    patterns: COMMAND_MODULES.map((name) => ({
      group: [`./${name}.js`],
      message: 'A command does not import another: what two commands share is a phase (src/phases/).',
    })),
  }),
  importRule('phases', ['plan', 'resolve', ...ADAPTERS, 'model', 'util']),
  importRule('plan', ['resolve', ...ADAPTERS, 'model', 'util']),
  importRule('resolve', [...ADAPTERS, 'model', 'util']),
  importRule('kube', ['model', 'util']),
  importRule('docker', ['model', 'util']),
  importRule('github', ['model', 'util']),
  importRule('render', ['model', 'util']),
  importRule('model', ['util'], { io: false }),
  importRule('util', [], { io: false }),
  {
    // The doubles stand in for the Kubernetes API server and GitHub: they follow those servers'
    // documented behaviour, so they may not lean on our code. Tests may import src/ and the helpers.
    files: ['test/k8s/**/*.ts', 'test/github/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+src/', message: DOUBLES_LANE }] }],
      // no-restricted-imports does not see import().
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/^(\\.\\.\\/)+src\\//]', message: DOUBLES_LANE },
      ],
    },
  },
  {
    // Tests inspect API objects as loose JSON.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
