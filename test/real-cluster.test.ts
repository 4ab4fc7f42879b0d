import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ROOT } from './helpers.js';
import { rawCall } from './k8s/raw.js';
import { Faults } from './k8s/outage.js';
import { FakeKubeApiServer } from './k8s/server.js';
import { EXEC_V5, PodStreams } from './k8s/streams.js';
import { Outcomes, getLoop, openExec, openPortForward, openWatch, upgradeOnce } from './restart-probe.js';

/**
 * The double against ../shared/real-cluster/: what a real v1.28 API server, kubelet and runtime answered.
 * Where a recording and the double disagree, the recording wins.
 */
const RECORDINGS = path.join(ROOT, '../shared/real-cluster');

interface Recording {
  step: number;
  identity?: string;
  request: {
    method: string;
    path: string;
    contentType?: string;
    body?: string;
    headers?: Record<string, string>;
  };
  response: { code: number; contentType: string; body: unknown };
  websocket?: { protocol: string; frames: { channel: number; text?: string }[]; close: { code: number } };
}

interface Status {
  kind?: string;
  reason?: string;
  code?: number;
  details?: unknown;
}

/** The REST recordings, in step order; `rbac-ws-*` (three identities, WebSocket upgrades) are replayed apart. */
function recordings(prefix = ''): [string, Recording][] {
  const dir = path.join(RECORDINGS, 'api');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && (prefix ? f.startsWith(prefix) : !f.startsWith('rbac-ws-')))
    .map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Recording] as [string, Recording])
    .sort((a, b) => a[1].step - b[1].step);
}

function lines<T>(file: string): T[] {
  return readFileSync(path.join(RECORDINGS, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

let api: FakeKubeApiServer;
let streams: PodStreams;

beforeEach(async () => {
  api = new FakeKubeApiServer();
  streams = new PodStreams(api);
  api.fixtures.addNamespace('trace');
  await api.start();
});
afterEach(() => api.stop());

describe('REST answers replayed in step order against a fresh double', () => {
  it('match the recorded status codes, and for errors the Status reason, code and details', async () => {
    const all = recordings();
    expect(all.length).toBeGreaterThanOrEqual(14);
    const mismatches: string[] = [];
    for (const [file, { request, response }] of all) {
      const reply = await rawCall(api, request.method, request.path, {
        body: request.body,
        contentType: request.contentType,
      });
      const where = `${file} (${request.method} ${request.path})`;
      if (reply.status !== response.code) {
        mismatches.push(`${where}: HTTP ${reply.status}, recorded ${response.code}: ${reply.text}`);
        continue;
      }
      const recorded = response.body as Status | string;
      if (typeof recorded === 'string') {
        // A path the server does not route: plain text, not a Status.
        expect(reply.text, where).toBe(recorded);
        expect(reply.type, where).toBe(response.contentType);
        continue;
      }
      // A watch answers 200 with its events; an error is an ERROR event carrying the Status.
      const status: Status | undefined = request.path.includes('watch=')
        ? (reply.body as { object?: Status }).object
        : reply.body;
      const expected = request.path.includes('watch=')
        ? (recorded as { object: Status }).object
        : (recorded as Status);
      if (expected.kind !== 'Status') continue;
      const pick = (s: Status | undefined) => ({ reason: s?.reason, code: s?.code, details: s?.details });
      if (!isDeepStrictEqual(pick(status), pick(expected))) {
        mismatches.push(
          `${where}: ${JSON.stringify(pick(status))}, recorded ${JSON.stringify(pick(expected))}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('creates an object without metadata.namespace in the namespace of the URL', async () => {
    const reply = await rawCall(api, 'POST', '/apis/coordination.k8s.io/v1/namespaces/trace/leases', {
      body: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l' }, spec: {} },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.metadata.namespace).toBe('trace');
  });
});

/** The pod `dind` in namespace trace, as recorded, run by the double's kubelet (once per test). */
async function podRunning(): Promise<void> {
  if (!api.fixtures.objectsIn('trace').includes('Pod/dind')) await api.fixtures.runningPod('dind', 'trace');
}

/** Every message of one WebSocket until the server closes it, as [channel, payload]. */
async function messages(
  subresource: string,
  protocols: string[],
  send?: (ws: WebSocket) => void,
): Promise<{ protocol: string; frames: [number, Buffer][] }> {
  await podRunning();
  const url = `${api.url.replace(/^https/, 'wss')}/api/v1/namespaces/trace/pods/dind/${subresource}`;
  const ws = new WebSocket(url, protocols, { ca: api.ca, headers: { authorization: `Bearer ${api.token}` } });
  const frames: [number, Buffer][] = [];
  ws.on('message', (data: Buffer) => frames.push([data[0]!, data.subarray(1)]));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      send?.(ws);
      resolve();
    });
    ws.once('error', reject);
  });
  await new Promise((resolve) => ws.once('close', resolve));
  return { protocol: ws.protocol, frames };
}

describe('port-forward frames', () => {
  const ping = (ws: WebSocket) =>
    ws.send(
      Buffer.concat([
        Buffer.from([0]),
        Buffer.from('GET /_ping HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n'),
      ]),
    );

  it('leaves out both port messages on some connections, at a rate like the recordings', async () => {
    const recorded = lines<{ frames: { channel: number; length: number }[] }>(
      'portforward-send-at-once.jsonl',
    );
    const missing = recorded.filter((c) => !(c.frames[0]!.length === 2 && c.frames[1]?.length === 2));
    const recordedRate = missing.length / recorded.length;
    expect(recordedRate).toBeCloseTo(16 / 40);
    expect(streams.options.portMessagesOmitted).toBeCloseTo(recordedRate);

    const shapes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { frames } = await messages('portforward?ports=2375', ['v4.channel.k8s.io'], ping);
      const withPorts =
        frames[0]![1].equals(Buffer.from([0x47, 0x09])) && frames[1]![0] === 1 && frames[1]![1].length === 2;
      const data = frames.find(([channel, payload]) => channel === 0 && payload.length > 2)!;
      expect(data[1].subarray(0, 8).toString()).toBe('HTTP/1.1');
      if (!withPorts) expect(frames[0]![1].subarray(0, 8).toString()).toBe('HTTP/1.1'); // both left out
      shapes.push(withPorts ? 'ports' : 'none');
    }
    expect(shapes).toContain('ports');
    expect(shapes).toContain('none');
    expect(streams.portForwards).toEqual({
      total: 20,
      withoutPortMessages: shapes.filter((s) => s === 'none').length,
    });
  });
});

describe('exec subprotocol negotiation', () => {
  const recorded = lines<{ offered: string[]; negotiated?: string; error?: string }>(
    'exec-negotiation.jsonl',
  );
  const query = 'exec?command=sh&command=-c&command=echo%20hi%3B%20exit%203&stdout=true&stderr=true';

  it('picks v4 from v5 and v4, as the v1.28 server did, and reports the exit code on channel 3', async () => {
    const offered = recorded[0]!.offered;
    const { protocol, frames } = await messages(query, offered);
    expect(protocol).toBe(recorded[0]!.negotiated);
    const stdout = Buffer.concat(frames.filter(([c]) => c === 1).map(([, p]) => p)).toString();
    expect(stdout).toBe('hi\n');
    const status = JSON.parse(frames.find(([c]) => c === 3)![1].toString());
    expect(status).toMatchObject({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      message:
        'command terminated with non-zero exit code: error executing command [sh -c echo hi; exit 3], exit code 3',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
  });

  it('refuses v5 alone with a bare 403 (no body), as a server without v5 does', async () => {
    expect(recorded[1]!.offered).toEqual([EXEC_V5]);
    await podRunning();
    const url = `${api.url.replace(/^https/, 'wss')}/api/v1/namespaces/trace/pods/dind/${query}`;
    const ws = new WebSocket(url, [EXEC_V5], {
      ca: api.ca,
      headers: { authorization: `Bearer ${api.token}` },
    });
    ws.on('error', () => {}); // the refused upgrade also ends in an error, after its response
    const refused = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      ws.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (c: Buffer) => (body += c.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      ws.once('open', () => reject(new Error('the upgrade was accepted')));
    });
    expect(refused).toEqual({ status: 403, body: '' });
  });

  it('speaks v5 when told to act as a newer server', async () => {
    streams.options.execProtocols = [EXEC_V5, ...streams.options.execProtocols];
    const { protocol } = await messages(query, [EXEC_V5, 'v4.channel.k8s.io']);
    expect(protocol).toBe(EXEC_V5);
  });
});

describe('RBAC of WebSocket upgrades (rbac-ws-*.json) replayed with each recorded identity and Role', () => {
  const roles: Record<string, string[]> = { create: ['create'], get: ['get'], createget: ['create', 'get'] };

  /** The recorded upgrade: 101 with the frames it sends, or a refusal with its Status. */
  async function upgrade(request: Recording['request'], send?: Buffer) {
    const url = `${api.url.replace(/^https/, 'wss')}${request.path}`;
    const protocol = request.headers!['Sec-WebSocket-Protocol']!;
    const ws = new WebSocket(url, [protocol], {
      ca: api.ca,
      headers: { authorization: `Bearer ${api.token}` },
    });
    ws.on('error', () => {}); // a refused upgrade ends in an error too, after its response
    return new Promise<{
      code: number;
      type?: string;
      body?: any;
      frames: [number, string][];
      close?: number;
    }>((resolve) => {
      const frames: [number, string][] = [];
      ws.on('message', (data: Buffer) => frames.push([data[0]!, data.subarray(1).toString('latin1')]));
      ws.once('open', () => send && ws.send(send));
      ws.once('close', (close) => resolve({ code: 101, frames, close }));
      ws.once('unexpected-response', (_req, response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString()));
        response.on('end', () =>
          resolve({
            code: response.statusCode!,
            type: response.headers['content-type'],
            body: JSON.parse(text),
            frames,
          }),
        );
      });
    });
  }

  const ping = Buffer.concat([
    Buffer.from([0]),
    Buffer.from('GET /_ping HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n'),
  ]);

  async function replay(file: string, recording: Recording): Promise<string[]> {
    const { request, response } = recording;
    const where = `${file} (${request.method} ${request.path})`;
    if (request.headers?.Upgrade) {
      const reply = await upgrade(request, request.path.includes('/portforward') ? ping : undefined);
      if (reply.code !== response.code) return [`${where}: HTTP ${reply.code}, recorded ${response.code}`];
      if (reply.code !== 101) {
        const pick = (s: any) => ({ reason: s.reason, code: s.code, details: s.details, message: s.message });
        expect(reply.type, where).toBe(response.contentType);
        expect(pick(reply.body), where).toEqual(pick(response.body));
        return [];
      }
      // What each channel carried, less the port messages (left out on some connections, see above):
      // the first line of the Docker answer on 0, exec's Status on 3.
      const port = '\x47\x09';
      const carried = (frames: [number, string][], channel: number) => {
        const text = frames.filter(([c]) => c === channel).map(([, t]) => t);
        if (text[0] === port) text.shift();
        return text.join('').split('\r\n')[0];
      };
      const recorded = recording.websocket!.frames.map((f): [number, string] => [
        f.channel,
        f.text ?? (f.channel <= 1 && request.path.includes('/portforward') ? port : ''),
      ]);
      for (const channel of [0, 3])
        expect(carried(reply.frames, channel), `${where}, channel ${channel}`).toBe(
          carried(recorded, channel),
        );
      expect(reply.close, where).toBe(recording.websocket!.close.code);
      return [];
    }
    const reply = await rawCall(api, request.method, request.path, {
      body: request.body,
      contentType: request.contentType,
    });
    if (reply.status !== response.code) return [`${where}: HTTP ${reply.status}, recorded ${response.code}`];
    const recorded = (response.body as { status: any }).status;
    if (request.path.endsWith('selfsubjectaccessreviews')) {
      // Allowed with RBAC's reason; denied as `{allowed: false}`, without reason or denied.
      expect({ allowed: reply.body.status.allowed, reason: 'reason' in reply.body.status }, where).toEqual({
        allowed: recorded.allowed,
        reason: 'reason' in recorded,
      });
      if (!recorded.allowed) expect(reply.body.status, where).toEqual(recorded);
    } else {
      const roleRules = recorded.resourceRules.filter((r: { apiGroups: string[] }) => r.apiGroups[0] === '');
      expect(reply.body.status.resourceRules, where).toEqual(expect.arrayContaining(roleRules));
      expect(reply.body.status.incomplete, where).toBe(false);
    }
    return [];
  }

  it.each(Object.keys(roles))('ws-%s', async (role) => {
    const all = recordings(`rbac-ws-${role}-`);
    expect(all.length).toBe(7);
    api.user = all[0]![1].identity!;
    await api.fixtures.runningPod('dind-0', 'trace');
    api.rules = [
      { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] },
      { verbs: roles[role]!, apiGroups: [''], resources: ['pods/portforward', 'pods/exec'] },
    ];
    const mismatches: string[] = [];
    for (const [file, recording] of all) mismatches.push(...(await replay(file, recording)));
    expect(mismatches).toEqual([]);
  });
});

/** One line of apiserver-restart.jsonl or kubelet-restart.jsonl. */
interface RestartLine {
  run: number;
  t_ms: number;
  source: string;
  event?: string;
  outcome?: string;
  line?: string;
  code?: number;
  error?: string;
  complete?: boolean;
  last_t_ms?: number;
  done_t_ms?: number;
  max_latency_ms?: number;
  response?: { code: number; headers: Record<string, string>; body: unknown };
}

/** The restarts are replayed at this share of the recorded times: the order of things is what counts. */
const SCALE = 0.3;
const sleepMs = (ms: number) => new Promise((r) => setTimeout(r, ms));
const collapse = (names: string[]) => names.filter((n, i) => n !== names[i - 1]);

describe('a kube-apiserver restart, as a client sees it (apiserver-restart.jsonl)', () => {
  const recorded = lines<RestartLine>('apiserver-restart.jsonl').filter((l) => l.run === 1);
  const at = (source: string, what: (l: RestartLine) => boolean) =>
    recorded.find((l) => l.source === source && what(l))!;
  const loop = 'GET pods (admin cert)';
  const kill = at('watch (open before restart)', (l) => l.event === 'aborted').t_ms;
  const listening = recorded.find((l) => /started kube-apiserver/.test(l.line ?? ''))!.t_ms;
  const answered = at(loop, (l) => l.outcome === 'HTTP 200' && l.t_ms > 0);

  it('refuses new connections at once, keeps the open watch and port-forward until the kill, then resets them; holds requests once back', async () => {
    const times = {
      stopMs: kill * SCALE,
      downMs: (listening - kill) * SCALE,
      startMs: (answered.done_t_ms! - listening) * SCALE,
    };
    await podRunning();
    const faults = new Faults(api, streams);
    const started = Date.now();
    const watch = await openWatch(api, started);
    const forward = await openPortForward(api, 50, started);
    const gets = getLoop(api, 25, started);
    await sleepMs(300);
    const restartAt = Date.now() - started;
    await faults.restartApiServer(times);
    await sleepMs(300);
    await gets.stop();

    // New connections: refused from the first moment to the new process, nothing else; then 200.
    const recordedLoop = recorded.filter((l) => l.source === loop).map((l) => l.outcome!);
    expect(collapse(gets.outcomes.names)).toEqual(collapse(recordedLoop));
    // Requests to the new process are held (1.6–1.9 s recorded), then answered.
    const back = gets.outcomes.list.at(-1)!;
    expect(answered.max_latency_ms).toBeGreaterThan(1000);
    expect(back.maxLatencyMs).toBeGreaterThanOrEqual(times.startMs * 0.5);

    // The open watch: no event, then reset at the kill, without an ERROR event or the body's end.
    const recordedWatch = at('watch (open before restart)', (l) => l.event === 'response error');
    expect(watch.events).toEqual([]);
    expect(watch.ended).toMatchObject({ error: recordedWatch.error, complete: false });
    expect(watch.ended!.atMs - restartAt).toBeGreaterThanOrEqual(times.stopMs * 0.9);
    // The open port-forward carried on until the kill, then closed without a close frame.
    const recordedClose = at('port-forward (open before restart)', (l) => l.event === 'close');
    expect(forward.seen.close?.code).toBe(recordedClose.code);
    expect(forward.seen.pongs.filter((t) => t > restartAt + 100).length).toBeGreaterThan(0);
    expect(forward.seen.close!.atMs - restartAt).toBeGreaterThanOrEqual(times.stopMs * 0.9);

    // Once it is back, a new watch and a new port-forward work at once.
    const again = await openWatch(api, started);
    const forwardAgain = await openPortForward(api, 50, started);
    await sleepMs(200);
    expect(forwardAgain.seen.pongs.length).toBeGreaterThan(0);
    expect(again.ended).toBeUndefined();
    forwardAgain.close();
  });
});

describe('a kubelet restart, as a client sees it (kubelet-restart.jsonl)', () => {
  // Run 2: run 1 adds one upgrade in flight at SIGTERM answered "read tcp …: connection reset by peer",
  // which the double does not model (its upgrades are answered at once).
  const recorded = lines<RestartLine>('kubelet-restart.jsonl').filter((l) => l.run === 2);
  const upgrades = recorded.filter((l) => l.source === 'new port-forward upgrade');
  const kubeletStarted = recorded.find((l) => /started kubelet/.test(l.line ?? ''))!.t_ms;
  const working = upgrades.find((l) => l.t_ms > 0 && l.outcome!.startsWith('101'))!.t_ms;

  it('cuts open streams, answers new upgrades 500 "error dialing backend", then 404 "pod does not exist", then 101; the API answers throughout', async () => {
    await podRunning();
    const faults = new Faults(api, streams);
    const started = Date.now();
    const exec = await openExec(api, started);
    const forward = await openPortForward(api, 50, started);
    const gets = getLoop(api, 25, started);
    const outcomes = new Outcomes(started);
    const responses = new Map<string, { code: number; contentType?: string; body: string }>();
    let upgrading = true;
    const upgradeLoop = (async () => {
      while (upgrading) {
        const { outcome, response } = await upgradeOnce(api);
        outcomes.add(outcome, 0);
        if (response) responses.set(outcome, response);
        await sleepMs(40);
      }
    })();
    await sleepMs(400);
    await faults.restartKubelet({
      downMs: kubeletStarted * SCALE,
      startMs: (working - kubeletStarted) * SCALE,
    });
    await sleepMs(400);
    upgrading = false;
    await upgradeLoop;
    await gets.stop();

    expect(outcomes.names).toEqual(collapse(upgrades.map((l) => l.outcome!)));
    for (const line of upgrades.filter((l) => l.response)) {
      const answer = responses.get(line.outcome!)!;
      expect(answer.code).toBe(line.response!.code);
      expect(answer.contentType).toBe(line.response!.headers['content-type']);
      const body =
        typeof line.response!.body === 'string' ? line.response!.body : JSON.stringify(line.response!.body);
      expect(answer.body).toBe(body);
    }
    // The open streams: closed without a close frame, nothing on channels 1–3 after the cut (no exit status).
    const recordedCloses = recorded.filter(
      (l) => l.event === 'close' && l.source.endsWith('(open before restart)'),
    );
    expect(new Set(recordedCloses.map((l) => l.code))).toEqual(
      new Set([exec.close?.code, forward.seen.close?.code]),
    );
    expect(exec.channels).not.toContain(3);
    // API requests are unaffected.
    expect(gets.outcomes.names).toEqual(
      collapse(recorded.filter((l) => l.source === 'GET pods (admin cert)').map((l) => l.outcome!)),
    );
  });
});
