import { describe, expect, it } from 'vitest';
import type { PreviewUrl } from '../src/model/urls.js';
import { exposureEntries, hostName, htpasswdLine } from '../src/model/exposure.js';
import { commentMarker, escapeText, renderComment, type CommentContext } from '../src/github/comment.js';
import { jobSummary, urlOutputs } from '../src/entry/summary.js';
import { resourceId } from '../src/model/ids.js';
import { mapInputs } from '../src/model/inputs.js';
import type { UpOutcome } from '../src/model/outcome.js';
import { resolveSettings } from '../src/model/resolve-settings.js';

const CTX: CommentContext = {
  envId: 'pr-7',
  id: 'web-pr-7-1a2b3c4d',
  namespace: 'previews',
  sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  runUrl: 'https://github.com/acme/web/actions/runs/4242',
};

function url(service: string, port: number, state: PreviewUrl['state'], detail: string): PreviewUrl {
  return {
    service,
    port,
    url: `https://${service}-${port}-web-pr-7-1a2b3c4d.preview.example.com`,
    command: undefined,
    state,
    detail,
  };
}

describe('the sticky comment', () => {
  it('renders the ready state as a table of URLs, with the commit, the duration and the run', () => {
    const body = renderComment(
      {
        state: 'ready',
        durationMs: 83_000,
        urls: [
          url('web', 8080, 'ready', 'HTTP 200'),
          url(
            'api',
            3000,
            'not-routed',
            'HTTP 404 while the app answers HTTP 200 on port 3000: a default backend',
          ),
          url('admin', 9000, 'app-down', 'the app on port 9000: connection refused; the URL: HTTP 401'),
        ],
      },
      CTX,
    );
    expect(body).toBe(
      [
        '<!-- kube-pod-preview id=web-pr-7-1a2b3c4d -->',
        '### ✅ Preview ready: `pr-7`',
        '',
        '| Service | Port | URL | State |',
        '| --- | --- | --- | --- |',
        '| web | 8080 | [web-8080-web-pr-7-1a2b3c4d.preview.example.com](https://web-8080-web-pr-7-1a2b3c4d.preview.example.com) | ✅ answers (HTTP 200) |',
        '| api | 3000 | [api-3000-web-pr-7-1a2b3c4d.preview.example.com](https://api-3000-web-pr-7-1a2b3c4d.preview.example.com) | ⚠️ up, but not routed to the app (HTTP 404 while the app answers HTTP 200 on port 3000: a default backend) |',
        '| admin | 9000 | [admin-9000-web-pr-7-1a2b3c4d.preview.example.com](https://admin-9000-web-pr-7-1a2b3c4d.preview.example.com) | ⚠️ the app is not answering (the app on port 9000: connection refused; the URL: HTTP 401) |',
        '',
        'Deployed commit `a1b2c3d` in 1m23s · [workflow run](https://github.com/acme/web/actions/runs/4242)',
        '',
      ].join('\n'),
    );
  });

  it('renders every state with the marker first', () => {
    const states = [
      { state: 'deploying' as const },
      { state: 'failed' as const, error: 'boom', during: 'deploy' as const },
      { state: 'cancelled' as const, during: 'deploy' as const },
      { state: 'deleted' as const },
      { state: 'running' as const, urls: [], durationMs: 1000 },
    ];
    const bodies = states.map((s) => renderComment(s, CTX));
    for (const body of bodies) expect(body.startsWith(`${commentMarker(CTX.id)}\n`)).toBe(true);
    expect(bodies[0]).toContain('Deploying commit `a1b2c3d` to namespace `previews`');
    expect(bodies[1]).toContain('❌ Preview failed');
    expect(bodies[1]).toContain('see the [workflow run](https://github.com/acme/web/actions/runs/4242)');
    expect(bodies[2]).toContain('was cancelled');
    expect(bodies[3]).toContain('was deleted');
    expect(bodies[4]).toContain('No service publishes a TCP port');
  });

  it('escapes service names and errors, so nothing breaks the table or injects markup', () => {
    const body = renderComment(
      {
        state: 'ready',
        durationMs: 1,
        urls: [{ ...url('web', 80, 'ready', 'HTTP 200'), service: 'a|b<script>*_`' }],
      },
      CTX,
    );
    const row = body.split('\n').find((l) => l.includes('a\\|b'))!;
    expect(row).toContain('a\\|b&lt;script&gt;\\*\\_\\`');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6); // five cells' borders: nothing split a cell
    expect(escapeText('1.2-3')).toBe('1.2-3');
  });

  it('shows an error (compose output included) in a code block: no markup, mentions or links', () => {
    const error = 'line one\n\n| <img src=x> [x](y) @octocat https://evil.example\n```\nbreak out';
    const failed = renderComment({ state: 'failed', error, during: 'deploy' }, CTX);
    const fence = '````'; // longer than the longest run of backticks inside
    expect(failed).toContain(`${fence}text\n${error}\n${fence}`);
    expect(failed.split(fence)).toHaveLength(3); // the error's own ``` did not close the block
  });

  it('stays under GitHub’s comment size: long errors and tables are cut, saying so', () => {
    const long = renderComment({ state: 'failed', error: 'x'.repeat(100_000), during: 'deploy' }, CTX);
    expect(long.length).toBeLessThan(65_536);
    expect(long).toContain('(cut; the workflow run has all of it)');
    const urls = Array.from({ length: 400 }, (_, i) => url(`service-${i}`, 1000 + i, 'ready', 'HTTP 200'));
    const table = renderComment({ state: 'ready', urls, durationMs: 1 }, CTX);
    expect(table.length).toBeLessThan(65_536);
    expect(table).toContain('300 more rows are left out');
  });
  it('says when a ready preview expires and sleeps, and lists the commands only when the workflow takes them', () => {
    const urls = [
      {
        service: 'web',
        port: 80,
        url: 'https://w.example.com',
        command: undefined,
        state: 'ready' as const,
        detail: 'HTTP 200',
      },
    ];
    const expiresAt = new Date('2026-11-26T10:00:00Z');
    const quiet = renderComment(
      { state: 'ready', urls, durationMs: 1000, expiresAt },
      { ...CTX, sleepAfterMs: 90 * 60_000 },
    );
    expect(quiet).toContain('⏳ Expires 2026-11-26 10:00 UTC (input ttl).');
    expect(quiet).toContain('💤 Sleeps after 1h30m without a deploy (input sleep-after); a push wakes it.');
    expect(quiet).not.toContain('/preview');
    const commands = renderComment({ state: 'ready', urls, durationMs: 1000 }, { ...CTX, commands: true });
    expect(commands).not.toContain('Expires');
    expect(commands).toContain(
      'Commands (comment on this pull request): `/preview redeploy` · `/preview down` · `/preview extend <duration>` · `/preview wake`.',
    );
    const plain = renderComment({ state: 'ready', urls, durationMs: 1000 }, CTX);
    expect(plain).not.toMatch(/Expires|Sleeps|Commands/);
  });
});

describe('exposure entries', () => {
  const ids = { envId: 'pr-7', id: resourceId('acme/web', 'pr-7') };
  const settings = (inputs: Record<string, string>) =>
    resolveSettings(mapInputs(inputs), {}, { workingDirectory: '/w', composeFiles: [] }).expose;

  it('gives each published TCP port a host from url-template, https with a TLS secret', () => {
    const expose = settings({ domain: 'preview.example.com', 'tls-secret': 'wildcard' });
    expect(expose.mode).toBe('ingress');
    const entries = exposureEntries(
      [
        { service: 'web', targetPort: 80, publishedPort: 8080, protocol: 'tcp' },
        { service: 'dns', targetPort: 53, publishedPort: 5353, protocol: 'udp' },
        { service: 'api', targetPort: 3000, publishedPort: 3000, protocol: 'tcp' },
      ],
      expose,
      ids,
    );
    expect(entries.map((e) => [e.service, e.port, e.portName, e.url])).toEqual([
      ['api', 3000, 'p-3000', `https://api-3000-${ids.id}.preview.example.com`],
      ['web', 80, 'p-8080', `https://web-80-${ids.id}.preview.example.com`],
    ]);
  });

  it('keeps every DNS label within 63 characters and long names distinct', () => {
    const long = 'a-very-long-service-name-that-goes-on-and-on';
    const values = {
      port: '8080',
      id: resourceId('acme/some-long-repository-name', 'pr-12345'),
      domain: 'x.io',
    };
    const one = hostName('{service}-{port}-{id}.{domain}', { ...values, service: `${long}-1` });
    const two = hostName('{service}-{port}-{id}.{domain}', { ...values, service: `${long}-2` });
    expect(one).not.toBe(two);
    for (const host of [one, two]) {
      for (const label of host.split('.')) expect(label).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    }
    expect(
      hostName('{service}.{env-id}.{domain}', { service: 'Web_App', 'env-id': 'pr-1', domain: 'x.io' }),
    ).toBe('web-app.pr-1.x.io');
    // Only {domain} adds labels: the host stays under the wildcard record.
    expect(hostName('{service}-{port}.{domain}', { service: 'api.v2', port: '80', domain: 'x.io' })).toBe(
      'api-v2-80.x.io',
    );
  });

  it('refuses two services that would share a host name, naming both', () => {
    const ports = ['web_1', 'web-1'].map((service) => ({
      service,
      targetPort: 80,
      publishedPort: service === 'web_1' ? 8081 : 8082,
      protocol: 'tcp',
    }));
    const expose = settings({ domain: 'x.io', 'url-template': '{service}-{id}.{domain}' });
    expect(() => exposureEntries(ports, expose, ids)).toThrow(
      `Services web_1 (port 80) and web-1 (port 80) would share the host web-1-${ids.id}.x.io`,
    );
  });

  it('hashes basic-auth passwords the way htpasswd -s does', () => {
    // htpasswd -nbs user secret
    expect(htpasswdLine('user', 'secret')).toBe('user:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=');
  });
});

describe('the exposure inputs', () => {
  const resolve = (inputs: Record<string, string>) =>
    resolveSettings(mapInputs(inputs), {}, { workingDirectory: '/w', composeFiles: [] });

  it('defaults to none without a domain, and reads the report inputs', () => {
    const settings = resolve({});
    expect(settings.expose.mode).toBe('none');
    expect(settings.expose.urlTimeoutMs).toBe(120_000);
    expect(settings.report).toEqual({
      comment: true,
      deployment: true,
      deploymentEnvironment: undefined,
      primaryService: undefined,
    });
    expect(settings.onFork).toBe('skip');
    expect(resolve({ ttl: '72h' }).ttlMs).toBe(72 * 3_600_000);
  });

  it.each([
    [{ expose: 'ingress' }, 'Input expose is ingress, whose host names need input domain'],
    [{ expose: 'nodeport' }, 'Input expose must be one of ingress, loadbalancer, none; got "nodeport"'],
    [{ domain: 'x.io', 'url-template': '{service}.{branch}.{domain}' }, 'unknown placeholder {branch}'],
    [{ domain: 'not a domain' }, 'Input domain must be a DNS name'],
    [{ 'basic-auth': 'justapassword' }, 'Input basic-auth must be "user:password"'],
    [{ 'url-timeout': 'soon' }, 'Input url-timeout must be a duration'],
    [{ ttl: 'forever' }, 'Input ttl must be a duration'],
    [{ comment: 'maybe' }, 'Input comment must be true or false'],
    [{ 'on-fork': 'ignore' }, 'Input on-fork must be one of skip, fail'],
    [{ 'tls-secret': 'Not_Valid' }, 'Input tls-secret must be a Kubernetes object name'],
    // Basic auth only the ingress applies: elsewhere nothing would ask for the password.
    [
      { expose: 'loadbalancer', 'basic-auth': 'reviewer:pw' },
      'Input basic-auth protects URLs through the ingress, but input expose is loadbalancer',
    ],
    [{ 'basic-auth': 'reviewer:pw' }, 'but input expose is none'],
    // Without the environment in the host, every pull request would get the same URLs.
    [
      { domain: 'x.io', 'url-template': '{service}-{port}.{domain}' },
      'Input url-template must contain {id} or {env-id}',
    ],
    [{ ttl: '0' }, 'Input ttl must be longer than zero, got "0"'],
    [{ ttl: '100000d' }, 'Input ttl may be at most 365d, got "100000d"'],
    [{ 'url-timeout': '30d' }, 'Input url-timeout may be at most 1d'],
  ])('rejects %j', (inputs, message) => {
    expect(() => resolve(inputs)).toThrow(message);
  });

  it('never repeats a malformed basic-auth value in its error', () => {
    expect(() => resolve({ 'basic-auth': 'hunter2' })).toThrow(/^(?!.*hunter2)/);
  });
});

describe('the outputs and the job summary', () => {
  const outcome: UpOutcome = {
    command: 'up',
    ids: { envId: 'pr-7', id: 'web-pr-7-1a2b3c4d' },
    namespace: 'previews',
    project: 'web',
    pod: { name: 'web-pr-7-1a2b3c4d-0', container: 'docker' },
    synced: { sent: [], removed: [], unchanged: 0, bytes: 0 },
    ports: [],
    state: 'ready',
    urls: [url('web', 8080, 'ready', 'HTTP 200'), { ...url('api', 3000, 'ready', 'HTTP 200') }],
    primaryUrl: url('web', 8080, 'ready', '').url!,
    timings: { apply: 50, compose: 2100 },
  };

  it("gives Preevy's urls-json, a service → port map and the primary url", () => {
    const outputs = urlOutputs(outcome);
    expect(JSON.parse(outputs['urls-json'])).toEqual([
      { project: 'web', service: 'web', port: 8080, url: outcome.urls![0]!.url },
      { project: 'web', service: 'api', port: 3000, url: outcome.urls![1]!.url },
    ]);
    expect(JSON.parse(outputs['urls-map'])).toEqual({
      web: { '8080': outcome.urls![0]!.url },
      api: { '3000': outcome.urls![1]!.url },
    });
    expect(outputs.url).toBe(outcome.primaryUrl);
  });

  it('summarises the URLs and the phase timings', () => {
    const summary = jobSummary(outcome);
    expect(summary).toContain('## kube-pod-preview: up of `pr-7`');
    expect(summary).toContain('| web | 8080 |');
    expect(summary).toContain('| compose | 2.1s |');
  });
});
