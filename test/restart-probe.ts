import https from 'node:https';
import WebSocket from 'ws';
import type { FakeKubeApiServer } from './k8s/server.js';

/**
 * What tools/recorders/restart-probe.mjs did against the real cluster (../shared/real-cluster/
 * README.md), done against the double: the same clients, their outcomes in the recording's words.
 */
export interface Outcome {
  outcome: string;
  count: number;
  /** Since the probe started. */
  firstMs: number;
  maxLatencyMs: number;
}

/** Consecutive identical outcomes as one, as the recordings list them. */
export class Outcomes {
  readonly list: Outcome[] = [];
  constructor(private readonly started: number) {}

  add(outcome: string, latencyMs: number): void {
    const last = this.list.at(-1);
    if (last?.outcome === outcome) {
      last.count++;
      last.maxLatencyMs = Math.max(last.maxLatencyMs, latencyMs);
    } else this.list.push({ outcome, count: 1, firstMs: Date.now() - this.started, maxLatencyMs: latencyMs });
  }

  get names(): string[] {
    return this.list.map((o) => o.outcome);
  }
}

const POD = '/api/v1/namespaces/trace/pods';

/** `GET pods` every `everyMs`, each on a new TLS connection, until `stop` is called. */
export function getLoop(
  api: FakeKubeApiServer,
  everyMs: number,
  started: number,
): { outcomes: Outcomes; stop: () => Promise<void> } {
  const outcomes = new Outcomes(started);
  const url = `${api.url}${POD}`; // read once: the double has no address while it does not listen
  let running = true;
  const loop = (async () => {
    while (running) {
      const sent = Date.now();
      const outcome = await new Promise<string>((resolve) => {
        https
          .get(
            url,
            { ca: api.ca, agent: false, headers: { authorization: `Bearer ${api.token}` } },
            (res) => {
              res.resume();
              res.on('end', () => resolve(`HTTP ${res.statusCode}`));
            },
          )
          .on('error', (error: NodeJS.ErrnoException) =>
            resolve(error.code === 'ECONNREFUSED' ? 'connection refused' : `error ${error.code}`),
          );
      });
      outcomes.add(outcome, Date.now() - sent);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    outcomes,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** A pods watch opened now: its events (bookmarks aside) and how it ended, in Node's words. */
export async function openWatch(api: FakeKubeApiServer, started: number) {
  const seen = {
    events: [] as string[],
    ended: undefined as undefined | { atMs: number; error?: string; complete: boolean },
  };
  // From the version of a list, as the recorder did: no ADDED events for what exists.
  const list = await new Promise<string>((resolve, reject) => {
    const options = { ca: api.ca, agent: false, headers: { authorization: `Bearer ${api.token}` } };
    https
      .get(`${api.url}${POD}`, options, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
  const { resourceVersion } = (JSON.parse(list) as { metadata: { resourceVersion: string } }).metadata;
  await new Promise<void>((resolve, reject) => {
    const url = `${api.url}${POD}?watch=1&resourceVersion=${resourceVersion}&allowWatchBookmarks=true`;
    https
      .get(url, { ca: api.ca, agent: false, headers: { authorization: `Bearer ${api.token}` } }, (res) => {
        resolve();
        res.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n').filter(Boolean)) {
            const type = (JSON.parse(line) as { type: string }).type;
            if (type !== 'BOOKMARK') seen.events.push(type);
          }
        });
        const end = (error?: NodeJS.ErrnoException) =>
          (seen.ended ??= {
            atMs: Date.now() - started,
            complete: res.complete,
            ...(error ? { error: error.code ?? error.message } : {}),
          });
        res.on('error', end);
        res.on('close', () => end());
      })
      .on('error', reject);
  });
  return seen;
}

function channelSocket(api: FakeKubeApiServer, path: string): WebSocket {
  const url = `${api.url.replace(/^https/, 'wss')}${path}`;
  return new WebSocket(url, ['v4.channel.k8s.io'], {
    ca: api.ca,
    headers: { authorization: `Bearer ${api.token}` },
  });
}

const PING = Buffer.concat([Buffer.from([0]), Buffer.from('GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n')]);

/** A port-forward to dind's Docker server sending `GET /_ping` every `everyMs` on one keep-alive connection. */
export async function openPortForward(api: FakeKubeApiServer, everyMs: number, started: number) {
  const seen = { pongs: [] as number[], close: undefined as undefined | { atMs: number; code: number } };
  const ws = channelSocket(api, `${POD}/dind/portforward?ports=2375`);
  ws.on('message', (data: Buffer) => {
    if (data[0] === 0 && data.subarray(1).toString().includes('HTTP/1.1 200 OK'))
      seen.pongs.push(Date.now() - started);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const timer = setInterval(() => ws.readyState === ws.OPEN && ws.send(PING), everyMs);
  ws.on('close', (code) => {
    clearInterval(timer);
    seen.close = { atMs: Date.now() - started, code };
  });
  return { seen, close: () => ws.close() };
}

/** An exec of a command printing a line every 200 ms: its channels' messages, and how it closed. */
export async function openExec(api: FakeKubeApiServer, started: number) {
  const seen = { channels: [] as number[], close: undefined as undefined | { atMs: number; code: number } };
  const query =
    'command=sh&command=-c&command=while%20:%3B%20do%20echo%20tick%3B%20sleep%200.2%3B%20done&stdout=true&stderr=true';
  const ws = channelSocket(api, `${POD}/dind/exec?${query}`);
  ws.on('message', (data: Buffer) => seen.channels.push(data[0]!));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.on('close', (code) => (seen.close = { atMs: Date.now() - started, code }));
  return seen;
}

/** What one new port-forward upgrade got: `101, then /_ping answered 200 OK`, or the HTTP refusal. */
export function upgradeOnce(
  api: FakeKubeApiServer,
): Promise<{ outcome: string; response?: { code: number; contentType?: string; body: string } }> {
  return new Promise((resolve) => {
    const ws = channelSocket(api, `${POD}/dind/portforward?ports=2375`);
    ws.on('error', () => {});
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (c: Buffer) => (body += c.toString()));
      response.on('end', () => {
        const message = response.headers['content-type']?.includes('json')
          ? (JSON.parse(body) as { message: string }).message
          : body;
        resolve({
          outcome: `HTTP ${response.statusCode}${response.statusCode === 500 ? ' :' : ''} ${message}`,
          response: { code: response.statusCode!, contentType: response.headers['content-type'], body },
        });
      });
    });
    ws.once('open', () => {
      ws.send(PING);
      ws.on('message', (data: Buffer) => {
        if (data[0] === 0 && data.subarray(1).toString().includes('HTTP/1.1 200 OK')) {
          ws.close();
          resolve({ outcome: '101, then /_ping answered 200 OK' });
        }
      });
    });
  });
}
