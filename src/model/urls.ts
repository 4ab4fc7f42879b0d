/** What the health gate saw of a URL: it answered (a status below 500), or it did not. */
export type UrlState = 'ready' | 'unreachable';

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
