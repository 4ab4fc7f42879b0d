import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { projectEnvironment } from '../src/docker/environment.js';
import { loadKubeConfig } from '../src/kube/config.js';
import { withoutRepositoryCredentials } from '../src/model/settings.js';
import { ROOT, memoryLogger, node, scratchDir } from './helpers.js';

/** What a preview may reach: the compose project, and nothing of the action's. */
describe('the environment docker and compose run with', () => {
  const kubeconfig = 'apiVersion: v1\nkind: Config\nusers: [{name: u, user: {token: s3cr3t-t0ken}}]';

  it('has the runner’s variables and the step’s env, but none of the action’s inputs, tokens or state', () => {
    const env = projectEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/home/runner',
        PREVIEW_FEATURE_FLAG: 'on', // the workflow's `env:` for the step
        INPUT_KUBECONFIG: kubeconfig,
        'INPUT_GITHUB-TOKEN': 'ghs_0123456789',
        input_lowercase: 'x',
        ACTIONS_RUNTIME_TOKEN: 'runtime',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
        GITHUB_TOKEN: 'ghs_0123456789',
        STATE_kpp_lease: '{}',
        KUBECONFIG: '/home/runner/.kube/config',
        GITHUB_REPOSITORY: 'acme/web',
      },
      [],
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      PREVIEW_FEATURE_FLAG: 'on',
      GITHUB_REPOSITORY: 'acme/web',
    });
  });

  it('drops a variable of any name that carries a secret input, whole or inside it', () => {
    const env = projectEnvironment(
      {
        CLUSTER_CREDENTIALS: kubeconfig,
        AUTH_HEADER: 'Basic reviewer:hunter22-long',
        SHORT: 'abc',
        OTHER: 'kept',
      },
      [kubeconfig, 'reviewer:hunter22-long', 'hunter22-long', 'abc', undefined],
    );
    expect(env).toEqual({ SHORT: 'abc', OTHER: 'kept' }); // 3 characters match by chance: not a secret
  });
});

describe('kubeconfig credentials', () => {
  it('masks every credential field before anything can print it', () => {
    const log = memoryLogger();
    const kubeconfig = stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:6443' } }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'oidc' } }],
      'current-context': 'c',
      users: [
        { name: 'token', user: { token: 'the-bearer-token' } },
        { name: 'basic', user: { username: 'admin', password: 'the-password' } },
        {
          name: 'certs',
          user: {
            'client-key-data': Buffer.from('the-client-key').toString('base64'),
            'client-certificate-data': Buffer.from('the-client-cert').toString('base64'),
          },
        },
        {
          name: 'oidc',
          user: {
            'auth-provider': {
              name: 'oidc',
              config: {
                'id-token': 'the-id-token',
                'refresh-token': 'the-refresh-token',
                'client-secret': 'the-client-secret',
                'client-id': 'not-a-secret',
              },
            },
          },
        },
        {
          name: 'exec',
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1',
              command: 'get-token',
              env: [{ name: 'API_KEY', value: 'the-exec-api-key' }],
            },
          },
        },
      ],
    });
    loadKubeConfig({ kind: 'content', content: kubeconfig }, undefined, log, {});
    expect(log.masked).toEqual(
      expect.arrayContaining([
        'the-bearer-token',
        'the-password',
        Buffer.from('the-client-key').toString('base64'),
        Buffer.from('the-client-cert').toString('base64'),
        'the-id-token',
        'the-refresh-token',
        'the-client-secret',
        'the-exec-api-key',
      ]),
    );
    expect(log.masked).not.toContain('not-a-secret');
  });

  it('the CLI reads them from --kubeconfig-file, keeping them off the command line', async () => {
    using scratch = scratchDir();
    const file = path.join(scratch.dir, 'kubeconfig');
    writeFileSync(file, 'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n');
    const cli = path.join(ROOT, 'dist/cli/index.js');
    const hello = path.join(ROOT, 'examples/hello');
    const result = await node(cli, ['up', '--env-id', 'demo', '--kubeconfig-file', file], { cwd: hello });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no clusters: is it a kubeconfig?'); // it read the file given, not ~/.kube/config
    const missing = await node(cli, ['up', '--env-id', 'demo', '--kubeconfig-file', `${file}.nope`], {
      cwd: hello,
    });
    expect(missing.stderr).toContain(`Cannot read --kubeconfig-file ${file}.nope: ENOENT.`);
  });

  it('refuses an API server on plain HTTP with a message, not a stack trace', () => {
    const kubeconfig = stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: 'http://127.0.0.1:8080' } }],
      users: [{ name: 'u', user: { token: 'abc' } }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'c',
    });
    expect(() =>
      loadKubeConfig({ kind: 'content', content: kubeconfig }, undefined, memoryLogger(), {}),
    ).toThrow('is http://127.0.0.1:8080: plain HTTP would send the credentials in clear');
  });

  it.each([
    [
      'an exec plugin',
      { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'sh', args: ['-c', 'x'] } },
    ],
    ['a token file', { 'token-file': '/home/runner/.ssh/id_rsa' }],
    ["an auth provider's command", { 'auth-provider': { name: 'gcp', config: { 'cmd-path': '/bin/sh' } } }],
  ])('refuses a kubeconfig from a repository path whose user has %s, before reading it', (what, user) => {
    using scratch = scratchDir();
    const file = path.join(scratch.dir, 'kubeconfig.yaml');
    writeFileSync(
      file,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: 'https://attacker.example' } }],
        users: [{ name: 'u', user }],
        contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'c',
      }),
    );
    expect(() =>
      loadKubeConfig(
        { kind: 'file', path: file, from: 'x-preevy kubeconfig' },
        undefined,
        memoryLogger(),
        {},
      ),
    ).toThrow(`gives user u ${what}, which runs or reads something on the runner`);
  });

  it('in a workflow, ignores x-preevy kubeconfig and context with a warning', () => {
    const log = memoryLogger();
    const options = withoutRepositoryCredentials(
      { namespace: 'previews', kubeconfig: './kubeconfig.yaml', context: 'prod' },
      true,
      log,
    );
    expect(options).toEqual({ namespace: 'previews' });
    expect(log.warnings).toEqual([
      expect.stringContaining('Ignoring x-preevy kubeconfig in the compose file'),
      expect.stringContaining('Ignoring x-preevy context in the compose file'),
    ]);
    // The CLI, run on one's own checkout, keeps them.
    expect(withoutRepositoryCredentials({ context: 'prod' }, false, log)).toEqual({ context: 'prod' });
  });
});
