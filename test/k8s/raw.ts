import https from 'node:https';
import type { FakeKubeApiServer } from './server.js';

export interface Reply {
  status: number;
  type: string | undefined;
  body: any;
  text: string;
}

/** One plain HTTPS request to the double, as curl would send it: no client library in between. */
export function rawCall(
  api: FakeKubeApiServer,
  method: string,
  path: string,
  options: { body?: unknown; contentType?: string; token?: string } = {},
): Promise<Reply> {
  const { body, contentType = 'application/json', token = api.token } = options;
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = https.request(
      `${api.url}${path}`,
      {
        method,
        ca: api.ca,
        // Content-Length always: Node sends a DELETE's body neither chunked nor with a length otherwise.
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { 'content-type': contentType, 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode!, type: res.headers['content-type'], body: parsed, text });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
