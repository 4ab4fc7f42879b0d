import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { knownCredentials, projectEnvironment } from '../src/docker/environment.js';
import { loadKubeConfig } from '../src/kube/config.js';
import { withoutRepositoryCredentials } from '../src/model/x-preevy.js';
import { ROOT, memoryLogger, node, scratchDir } from './helpers.js';

/** What a preview may reach: the compose project, and nothing of the action's. */
describe('the environment docker and compose run with', () => {
  const kubeconfig = 'apiVersion: v1\nkind: Config\nusers: [{name: u, user: {token: s3cr3t-t0ken}}]';

  it('is an allow-list: the fixed set and what compose-env lists, never the action’s inputs, tokens or state', () => {
    const log = memoryLogger();
    const env = projectEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/home/runner',
        LC_ALL: 'C.UTF-8',
        GITHUB_SHA: 'abc123',
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
        RUNNER_TEMP: '/home/runner/work/_temp',
        PREVIEW_FEATURE_FLAG: 'on', // the workflow's `env:` for the step, not listed
        APP_PORT: '8080',
        APP_MODE: 'preview',
        INPUT_KUBECONFIG: kubeconfig,
        'INPUT_GITHUB-TOKEN': 'ghs_0123456789',
        input_lowercase: 'x',
        ACTIONS_RUNTIME_TOKEN: 'runtime',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
        GITHUB_TOKEN: 'ghs_0123456789',
        STATE_kpp_lease: '{}',
        KUBECONFIG: '/home/runner/.kube/config',
      },
      {
        listed: 'APP_*, GITHUB_TOKEN\nKUBECONFIG\nINPUT_*\nACTIONS_RUNTIME_TOKEN',
        credentials: [],
        log,
      },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      LC_ALL: 'C.UTF-8',
      GITHUB_SHA: 'abc123',
      GITHUB_REPOSITORY: 'acme/web',
      APP_PORT: '8080',
      APP_MODE: 'preview',
    });
    // Listed, refused anyway, and said so once by name, without values.
    expect(log.warnings).toHaveLength(1);
    for (const name of ['ACTIONS_RUNTIME_TOKEN', 'GITHUB_TOKEN', 'INPUT_KUBECONFIG', 'KUBECONFIG'])
      expect(log.warnings[0]).toContain(`${name} (the action's own: never passed)`);
    expect(log.warnings[0]).toContain('Compose gets APP_MODE, APP_PORT, GITHUB_REPOSITORY');
    expect(log.warnings[0]).not.toContain('ghs_0123456789');
  });

  it('drops a listed variable that holds any credential the action knows, whatever its length', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n';
    const config = stringify({
      users: [
        { name: 't', user: { token: 'tok3n' } },
        { name: 'k', user: { 'client-key-data': Buffer.from(key).toString('base64') } },
        { name: 'p', user: { username: 'admin', password: 'pw' } },
      ],
    });
    const credentials = knownCredentials(
      { kubeconfig: config, githubToken: 'ghs_abc', basicAuth: 'reviewer:hunt3r' },
      {},
    );
    const log = memoryLogger();
    const env = projectEnvironment(
      {
        KUBE_TOKEN: 'tok3n', // the kubeconfig's bearer token under another name
        CLIENT_KEY: key.replace(/\n/g, '\r\n'), // the decoded key, re-wrapped
        CLIENT_KEY_DATA: Buffer.from(key).toString('base64'),
        APP_PASSWORD: 'hunt3r', // the basic-auth password: 6 characters
        DB_URL: 'postgres://u:pw@db/app', // the kubeconfig's 2-character password inside a value
        GH: 'token ghs_abc',
        OTHER: 'kept',
      },
      { listed: 'KUBE_TOKEN,CLIENT_KEY,CLIENT_KEY_DATA,APP_PASSWORD,DB_URL,GH,OTHER', credentials, log },
    );
    expect(env).toEqual({ OTHER: 'kept' });
    expect(log.warnings[0]).toContain('KUBE_TOKEN (its value holds a credential the action uses)');
    expect(log.warnings[0]).not.toContain('hunt3r');
  });

  it('reads the credentials of $KUBECONFIG when input kubeconfig is empty', () => {
    using scratch = scratchDir();
    const file = path.join(scratch.dir, 'config');
    writeFileSync(file, stringify({ users: [{ name: 'u', user: { token: 'from-the-file' } }] }));
    const credentials = knownCredentials(
      { kubeconfig: undefined, githubToken: undefined, basicAuth: undefined },
      { KUBECONFIG: file },
    );
    expect(credentials).toContain('from-the-file');
  });

  it('refuses a compose-env entry that is no variable name or prefix pattern', () => {
    expect(() => projectEnvironment({}, { listed: '*', credentials: [] })).toThrow(
      'Input compose-env lists "*", which is neither a variable name nor a PREFIX_* pattern.',
    );
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
