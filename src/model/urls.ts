/**
 * What the health gate saw of a URL: ready (the app answers on its port, and the URL reaches it), the
 * URL does not answer, the URL answers but not from the app (a default backend, a proxy's 502), or the
 * app itself does not answer on its published port.
 */
export type UrlState = 'ready' | 'unreachable' | 'not-routed' | 'app-down';

/** How a reviewer reaches one published port of the preview. */
export interface PreviewUrl {
  service: string;
  port: number;
  /** Absent with `expose: none`. */
  url: string | undefined;
  /** `expose: none`: the command that reaches the port from a workstation. */
  command: string | undefined;
  /** `not-checked` when there is no URL to check. */
  state: UrlState | 'not-checked' | 'asleep';
  /** What the health gate saw: `HTTP 200`, `ECONNREFUSED`, … */
  detail: string | undefined;
}

/** What the docker-host workload records of a deploy's URLs. */
export type RecordedUrl = Pick<PreviewUrl, 'service' | 'port' | 'url' | 'command'>;

/** The URL of `service` when it has one, else the first that answered, else the first. */
export function primaryUrl(urls: PreviewUrl[], service: string | undefined): string | undefined {
  const withUrl = urls.filter((u) => u.url);
  const chosen =
    (service && withUrl.find((u) => u.service === service)) ||
    withUrl.find((u) => u.state === 'ready') ||
    withUrl[0];
  return chosen?.url;
}
