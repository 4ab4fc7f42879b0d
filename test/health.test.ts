import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htpasswdLine } from '../src/model/exposure.js';
import { checkUrls, type HealthTarget } from '../src/phases/health.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { doubleInputs, freePort, memoryLogger, run, scratchDir, type HelloProject } from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/**
 * The health gate against a real nginx on loopback (Debian's `nginx`, with a config this test writes):
 * an ingress rule with basic auth answering 401, a default backend answering 404 for a host no rule
 * names, a rule whose backend is down (502), in front of an app that answers, one that fails, and a port
 * where nothing listens (an app on the wrong port).
 */

interface Nginx {
  stop(): Promise<void>;
}

/** Starts nginx in the foreground, one process, everything it writes in `dir`; resolves once it listens. */
async function startNginx(
  dir: string,
  servers: string,
  listens: { host: string; port: number }[],
): Promise<Nginx> {
  mkdirSync(dir, { recursive: true });
  const temp = ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t === 'body' ? 'client_body' : t}_temp_path ${dir}/${t};`)
    .join('\n  ');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n  ${temp}\n${servers}\n}\n`,
  );
  const child: ChildProcess = spawn(
    'nginx',
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (const { host, port } of listens) {
    for (let i = 0; ; i++) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, host, () => {
          resolve(true);
          socket.destroy();
        });
        socket.on('error', () => resolve(false));
      });
      if (open) break;
      if (child.exitCode !== null || i > 100) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Nothing listens here: connections are refused (and fetch does not block the port). */
const DEAD_PORT = 200;

/** An app: answers `status` with a page, and remembers every request's headers. */
async function startApp(
  status: number,
): Promise<{ port: number; headers: http.IncomingHttpHeaders[]; close(): void }> {
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    headers.push(req.headers);
    res.statusCode = status;
    res.end(status === 200 ? '<h1>hello from the app</h1>' : 'internal error');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as net.AddressInfo).port, headers, close: () => server.close() };
}

describe('the health gate, against nginx on loopback', () => {
  let nginx: Nginx;
  let app: Awaited<ReturnType<typeof startApp>>;
  let failing: Awaited<ReturnType<typeof startApp>>;
  let dead: number;
  const port: Record<string, number> = {};
  const scratch = scratchDir();

  beforeAll(async () => {
    app = await startApp(200);
    failing = await startApp(500);
    // A privileged port nobody listens on: below the ephemeral range, so no freePort() of a test running
    // beside this one can take it between here and the check (as a freed ephemeral port could).
    dead = DEAD_PORT;
    for (const name of ['authApp', 'authDead', 'edge', 'badGateway', 'route', 'routeFailing'])
      port[name] = await freePort();
    writeFileSync(path.join(scratch.dir, 'htpasswd'), `${htpasswdLine('reviewer', 's3cr3t')}\n`);
    const proxy = (to: number) => `location / { proxy_pass http://127.0.0.1:${to}; }`;
    const auth = `auth_basic "preview"; auth_basic_user_file ${scratch.dir}/htpasswd;`;
    nginx = await startNginx(
      path.join(scratch.dir, 'nginx'),
      [
        // Ingress rules with basic auth (what ingress-nginx makes of input basic-auth).
        `server { listen 127.0.0.1:${port.authApp}; ${auth} ${proxy(app.port)} }`,
        `server { listen 127.0.0.1:${port.authDead}; ${auth} ${proxy(dead)} }`,
        // The default backend answers a host no rule names.
        `server { listen 127.0.0.1:${port.edge} default_server; return 404; }`,
        `server { listen 127.0.0.1:${port.edge}; server_name app.preview.test; ${proxy(app.port)} }`,
        // A rule whose backend does not answer.
        `server { listen 127.0.0.1:${port.badGateway}; ${proxy(dead)} }`,
        `server { listen 127.0.0.1:${port.route}; ${proxy(app.port)} }`,
        `server { listen 127.0.0.1:${port.routeFailing}; ${proxy(failing.port)} }`,
      ].join('\n'),
      Object.values(port).map((p) => ({ host: '127.0.0.1', port: p })),
    );
  });
  afterAll(async () => {
    await nginx?.stop();
    app?.close();
    failing?.close();
    scratch[Symbol.dispose]();
  });

  const check = async (url: string, appPort: number) => {
    const target: HealthTarget = { url, app: { localPort: appPort, podPort: 8080 } };
    const [result] = await checkUrls([target], { timeoutMs: 1000, signal: new AbortController().signal });
    return result!;
  };

  it('basic auth answering 401 while the app is on the wrong port: not ready, the app is not answering', async () => {
    expect(await check(`http://127.0.0.1:${port.authDead}/`, dead)).toEqual({
      state: 'app-down',
      detail: 'the app on port 8080: ECONNREFUSED; the URL: HTTP 401 (a login: the route is there)',
    });
  });

  it('basic auth answering 401 in front of an app that answers: ready, and no credential reaches either', async () => {
    app.headers.length = 0;
    expect(await check(`http://127.0.0.1:${port.authApp}/`, app.port)).toEqual({
      state: 'ready',
      detail: 'HTTP 401 (a login: the route is there); the app answers HTTP 200',
    });
    expect(app.headers.length).toBeGreaterThan(0); // asked directly, as through its port-forward
    for (const h of app.headers) expect(h.authorization).toBeUndefined();
    expect(app.headers[0]!.host).toBe(`127.0.0.1:${port.authApp}`); // the URL's host, as a proxy passes it
  });

  it('a default backend answering 404 while the app answers 200: up, but not routed to the app', async () => {
    expect(await check(`http://127.0.0.1:${port.edge}/`, app.port)).toEqual({
      state: 'not-routed',
      detail:
        "HTTP 404 while the app answers HTTP 200 on port 8080: an ingress controller's default backend, not the app",
    });
    // …and while the app is broken too: the app is the first thing to fix.
    expect((await check(`http://127.0.0.1:${port.edge}/`, dead)).state).toBe('app-down');
  });

  it('a 404 that is the app’s own is the app’s answer; one with another body is not', async () => {
    const notFound = await startApp(404);
    try {
      // The app answers 404 at /, with its own page: routed through a plain rule, that is what comes back.
      const routeTo404 = await freePort();
      const local = await startNginx(
        path.join(scratch.dir, 'nginx-404'),
        `server { listen 127.0.0.1:${routeTo404}; location / { proxy_pass http://127.0.0.1:${notFound.port}; } }`,
        [{ host: '127.0.0.1', port: routeTo404 }],
      );
      try {
        expect(await check(`http://127.0.0.1:${routeTo404}/`, notFound.port)).toEqual({
          state: 'ready',
          detail: 'HTTP 404',
        });
      } finally {
        await local.stop();
      }
      expect((await check(`http://127.0.0.1:${port.edge}/`, notFound.port)).state).toBe('not-routed');
    } finally {
      notFound.close();
    }
  });

  it('a proxy’s 502, a failing app, an unreachable URL, and a plain route to an app that answers', async () => {
    expect(await check(`http://127.0.0.1:${port.badGateway}/`, app.port)).toEqual({
      state: 'not-routed',
      detail: 'HTTP 502 while the app answers HTTP 200 on port 8080: the proxy does not reach it',
    });
    expect(await check(`http://127.0.0.1:${port.routeFailing}/`, failing.port)).toEqual({
      state: 'app-down',
      detail: 'the app on port 8080: HTTP 500; the URL: HTTP 500',
    });
    expect(await check(`http://127.0.0.1:${dead}/`, app.port)).toEqual({
      state: 'unreachable',
      detail: 'ECONNREFUSED; the app answers HTTP 200 on port 8080',
    });
    expect(await check(`http://127.0.0.1:${port.route}/`, app.port)).toEqual({
      state: 'ready',
      detail: 'HTTP 200',
    });
  });
});

/**
 * `up` against the API-server double with a load balancer in front that is nginx on 127.0.0.2 (the
 * double's LoadBalancer address), the app published on 127.0.0.1 only, as a pod's port is reached only
 * through its Service: the gate asks the app through a port-forward to the pod's port, and the URL.
 */
describe('up: the app through its port-forward, the URL through nginx', () => {
  let api: FakeKubeApiServer;
  let hello: HelloProject;
  const scratch = scratchDir();
  useDoubleWithHello({ double: 'per-file', hello: 'per-file' }, (made) => ({ api, hello } = made));
  beforeAll(() => {
    api.behaviour.loadBalancerIp = '127.0.0.2';
  });
  afterAll(async () => {
    await run(doubleInputs(api, hello.dir, { command: 'down' })).catch(() => undefined);
    scratch[Symbol.dispose]();
  });

  /** The example, published on loopback only, its httpd on `listen` (8080: right; anything else: wrong). */
  function compose(listen: number): void {
    writeFileSync(
      path.join(hello.dir, 'compose.yaml'),
      `name: hello\nservices:\n  web:\n    build: .\n    init: true\n    command: ['/bin/busybox', 'httpd', '-f', '-p', '${listen}', '-h', '/www']\n    ports:\n      - '127.0.0.1:\${HELLO_PORT}:8080'\n    volumes:\n      - ./site:/www:ro\n`,
    );
  }

  async function up(nginxServer: string) {
    const nginx = await startNginx(path.join(scratch.dir, `nginx-${Date.now()}`), nginxServer, [
      { host: '127.0.0.2', port: hello.port },
    ]);
    const log = memoryLogger();
    try {
      const outcome = await run(
        doubleInputs(api, hello.dir, { command: 'up', expose: 'loadbalancer', 'url-timeout': '3s' }),
        { log },
      ).catch((e: Error) => e);
      return { outcome, log };
    } finally {
      await nginx.stop();
    }
  }

  it('basic auth answering 401 while the app listens on the wrong port fails the run, saying the app does not answer', async () => {
    writeFileSync(path.join(scratch.dir, 'htpasswd'), `${htpasswdLine('reviewer', 's3cr3t')}\n`);
    const authProxy = `server { listen 127.0.0.2:${hello.port}; auth_basic "preview"; auth_basic_user_file ${scratch.dir}/htpasswd; location / { proxy_pass http://127.0.0.1:${hello.port}; } }`;
    compose(8081);
    const broken = await up(authProxy);
    expect(broken.outcome).toBeInstanceOf(Error);
    expect(String(broken.outcome)).toMatch(
      new RegExp(
        `None of the preview's URLs was ready within 3s \\(input url-timeout\\): http://127\\.0\\.0\\.2:${hello.port} the app is not answering \\(the app on port ${hello.port}: [^;]+; the URL: HTTP 401 \\(a login: the route is there\\)\\)\\. Check that each service listens on the port it publishes`,
      ),
    );
    expect(broken.log.lines).toContainEqual(
      expect.stringMatching(
        /^ {2}http:\/\/127\.0\.0\.2:\d+ \(web:8080\): the app is not answering, the app on port/,
      ),
    );

    compose(8080);
    const fixed = await up(authProxy);
    expect(fixed.outcome).toMatchObject({
      state: 'ready',
      urls: [{ state: 'ready', detail: 'HTTP 401 (a login: the route is there); the app answers HTTP 200' }],
    });
  });

  it('a default backend answering 404 in front of an app that answers fails the run as not routed', async () => {
    compose(8080);
    const result = await up(`server { listen 127.0.0.2:${hello.port} default_server; return 404; }`);
    expect(String(result.outcome)).toMatch(
      /http:\/\/127\.0\.0\.2:\d+ not routed to the app \(HTTP 404 while the app answers HTTP 200 on port \d+: an ingress controller's default backend, not the app\)\. A URL answers, but not with the app/,
    );
    expect(result.log.lines).toContainEqual(
      expect.stringMatching(
        /^ {2}http:\/\/127\.0\.0\.2:\d+: not routed to the app yet \(HTTP 404 .*\); trying again for up to/,
      ),
    );
  });
});
