import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A test double of the GitHub REST API (and of the one GraphQL query kube-pod-preview makes), served on
 * loopback and reached through GITHUB_API_URL. It follows GitHub's documented behaviour: `token`/`Bearer`
 * authorization, 401 "Bad credentials", 403 "Resource not accessible by integration" for a token lacking
 * a permission, 404 "Not Found", 422 for invalid bodies, JSON with `documentation_url`, `per_page`/`page`
 * pagination with a Link header, and transient deployments. Every call is recorded.
 */
export interface Permissions {
  pullRequests: 'write' | 'read' | 'none';
  deployments: 'write' | 'read' | 'none';
}

export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
}

export interface DeploymentRecord {
  id: number;
  ref: string;
  sha: string;
  environment: string;
  transient_environment: boolean;
  production_environment: boolean;
  description: string | null;
  statuses: { id: number; state: string; environment_url: string; log_url: string; description: string }[];
}

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const DOCS = 'https://docs.github.com/rest';
/** The identity GITHUB_TOKEN acts as: `github-actions[bot]` in REST, `github-actions` in GraphQL. */
const BOT = 'github-actions';

export class FakeGitHubApi {
  readonly token = 'ghs_kubepodpreviewtesttoken0000000000';
  readonly calls: RecordedCall[] = [];
  readonly comments = new Map<number, Comment[]>();
  readonly deployments: DeploymentRecord[] = [];
  /** Pull requests by number; one that is not here answers 404. */
  readonly pulls = new Map<
    number,
    {
      state: 'open' | 'closed';
      head: string;
      /** Another repository's (a fork), or null: deleted. */ headRepo?: string | null;
    }
  >();
  /**
   * Repository roles by login (admin, maintain, write, triage, read, or a custom role's name with its
   * base permission). Anyone else reads: a public repository's answer for a user who is no collaborator.
   */
  readonly roles = new Map<string, { role: string; permission?: 'admin' | 'write' | 'read' }>();
  /** The reactions given to each comment, by content (`eyes`, `rocket`, …), in order. */
  readonly reactions = new Map<number, string[]>();
  permissions: Permissions = { pullRequests: 'write', deployments: 'write' };
  /** Whether the GraphQL `viewer` query answers; some tokens may not ask it. */
  viewerAnswers = true;
  private nextId = 1000;
  private server: http.Server | undefined;
  url = '';

  constructor(readonly repository = 'acme/web') {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** A comment someone else wrote (a reviewer, another bot). */
  addComment(pr: number, body: string, login = 'octocat', type: 'Bot' | 'User' = 'User'): Comment {
    const at = new Date().toISOString();
    const comment: Comment = {
      id: this.nextId++,
      body,
      user: { login, type },
      created_at: at,
      updated_at: at,
    };
    this.comments.set(pr, [...(this.comments.get(pr) ?? []), comment]);
    return comment;
  }

  /** The latest status of each deployment of an environment. */
  deploymentStates(environment: string): string[] {
    return this.deployments
      .filter((d) => d.environment === environment)
      .map((d) => d.statuses.at(-1)?.state ?? 'none');
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let body: unknown;
    try {
      const raw = await new Promise<string>((resolve, reject) => {
        let text = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (text += chunk));
        req.on('end', () => resolve(text));
        req.on('error', reject);
      });
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, 'Problems parsing JSON');
        }
      }
      this.calls.push({ method: req.method ?? 'GET', path: url.pathname, body });
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`)
        throw new HttpError(401, 'Bad credentials');
      const [status, result, headers] = this.route(req.method ?? 'GET', url, body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(status === 204 ? undefined : JSON.stringify(result));
    } catch (error) {
      const e = error instanceof HttpError ? error : new HttpError(500, (error as Error).message);
      res.writeHead(e.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({ message: e.message, documentation_url: DOCS, status: String(e.status), ...e.extra }),
      );
    }
  }

  private route(method: string, url: URL, body: unknown): [number, unknown, Record<string, string>?] {
    const path = url.pathname;
    if (method === 'POST' && path === '/graphql') {
      const query = (body as { query?: string } | undefined)?.query ?? '';
      if (/viewer\s*\{\s*login/.test(query))
        return this.viewerAnswers
          ? [200, { data: { viewer: { login: BOT } } }]
          : [200, { errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] }];
      return [200, { errors: [{ message: 'This double answers only { viewer { login } }' }] }];
    }
    const prefix = `/repos/${this.repository}`;
    if (!path.startsWith(`${prefix}/`)) throw new HttpError(404, 'Not Found');
    const rest = path.slice(prefix.length);
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const pr = this.pull(Number(m[1]));
      if (method === 'GET') {
        this.need('pullRequests', 'read');
        return this.page(url, this.comments.get(pr) ?? []);
      }
      if (method === 'POST') {
        this.need('pullRequests', 'write');
        const text = field(body, 'body');
        const comment = this.addComment(pr, text, `${BOT}[bot]`, 'Bot');
        return [201, comment];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'GET') {
      this.need('pullRequests', 'read');
      const comment = [...this.comments.values()].flat().find((c) => c.id === Number(m![1]));
      if (!comment) throw new HttpError(404, 'Not Found');
      return [200, comment];
    }
    if ((m = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest)) && method === 'POST') {
      this.need('pullRequests', 'write');
      const id = Number(m[1]);
      if (![...this.comments.values()].flat().some((c) => c.id === id)) throw new HttpError(404, 'Not Found');
      const content = field(body, 'content');
      const allowed = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'];
      if (!allowed.includes(content))
        throw new HttpError(422, 'Validation Failed', { errors: [{ field: 'content', code: 'invalid' }] });
      const given = this.reactions.get(id) ?? [];
      // The same reaction again answers 200 with the existing one (GitHub's documented behaviour).
      const again = given.includes(content);
      if (!again) this.reactions.set(id, [...given, content]);
      return [again ? 200 : 201, { id: this.nextId++, content, user: { login: `${BOT}[bot]` } }];
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      this.need('pullRequests', 'write');
      const comment = [...this.comments.values()].flat().find((c) => c.id === Number(m![1]));
      if (!comment) throw new HttpError(404, 'Not Found');
      if (comment.user.login !== `${BOT}[bot]`)
        throw new HttpError(403, 'Resource not accessible by integration');
      comment.body = field(body, 'body');
      comment.updated_at = new Date().toISOString();
      return [200, comment];
    }
    if ((m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest)) && method === 'GET') {
      // docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user:
      // `permission` is admin, write, read or none (maintain reads as write, triage as read);
      // `role_name` is the role itself, a custom role's name included.
      const login = decodeURIComponent(m[1]!);
      const entry = this.roles.get(login) ?? { role: 'read' };
      const base = {
        admin: 'admin',
        maintain: 'write',
        write: 'write',
        triage: 'read',
        read: 'read',
      } as const;
      const permission = entry.permission ?? base[entry.role as keyof typeof base] ?? 'read';
      return [200, { permission, role_name: entry.role, user: { login } }];
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'GET') {
      this.need('pullRequests', 'read');
      const number = this.pull(Number(m[1]));
      const pr = this.pulls.get(number)!;
      const headRepo = pr.headRepo === undefined ? this.repository : pr.headRepo;
      return [
        200,
        {
          number,
          state: pr.state,
          html_url: `https://github.com/${this.repository}/pull/${number}`,
          head: { sha: pr.head, repo: headRepo === null ? null : { full_name: headRepo } },
          base: { repo: { full_name: this.repository } },
        },
      ];
    }
    if (rest === '/deployments' && method === 'POST') {
      this.need('deployments', 'write');
      const ref = field(body, 'ref');
      const b = body as Record<string, unknown>;
      const deployment: DeploymentRecord = {
        id: this.nextId++,
        ref,
        sha: ref,
        environment: typeof b.environment === 'string' ? b.environment : 'production',
        transient_environment: b.transient_environment === true,
        production_environment: b.production_environment === true,
        description: typeof b.description === 'string' ? b.description : null,
        statuses: [],
      };
      this.deployments.push(deployment);
      const { statuses: _, ...shown } = deployment;
      return [201, shown];
    }
    if (rest === '/deployments' && method === 'GET') {
      this.need('deployments', 'read');
      const environment = url.searchParams.get('environment');
      const list = this.deployments
        .filter((d) => environment === null || d.environment === environment)
        .reverse()
        .map(({ statuses: _, ...d }) => d);
      return this.page(url, list);
    }
    if ((m = /^\/deployments\/(\d+)\/statuses$/.exec(rest))) {
      const deployment = this.deployments.find((d) => d.id === Number(m![1]));
      if (!deployment) throw new HttpError(404, 'Not Found');
      if (method === 'GET') {
        this.need('deployments', 'read');
        return this.page(url, [...deployment.statuses].reverse());
      }
      if (method === 'POST') {
        this.need('deployments', 'write');
        const b = body as Record<string, unknown>;
        const state = field(body, 'state');
        const states = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];
        if (!states.includes(state))
          throw new HttpError(422, 'Validation Failed', { errors: [{ field: 'state', code: 'invalid' }] });
        const status = {
          id: this.nextId++,
          state,
          environment_url: typeof b.environment_url === 'string' ? b.environment_url : '',
          log_url: typeof b.log_url === 'string' ? b.log_url : '',
          description: typeof b.description === 'string' ? b.description : '',
        };
        if (status.description.length > 140)
          throw new HttpError(422, 'Validation Failed', {
            errors: [{ field: 'description', code: 'too_long' }],
          });
        deployment.statuses.push(status);
        return [201, status];
      }
    }
    throw new HttpError(404, 'Not Found');
  }

  private pull(number: number): number {
    if (!this.pulls.has(number)) throw new HttpError(404, 'Not Found');
    return number;
  }

  private need(permission: keyof Permissions, level: 'read' | 'write'): void {
    const has = this.permissions[permission];
    if (has === 'write' || (level === 'read' && has === 'read')) return;
    throw new HttpError(403, 'Resource not accessible by integration');
  }

  private page<T>(url: URL, items: T[]): [number, T[], Record<string, string>] {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100);
    const page = Number(url.searchParams.get('page') ?? 1) || 1;
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const next = new URL(url.toString().replace('http://localhost', this.url));
      next.searchParams.set('page', String(p));
      return `<${next.toString()}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ];
    return [
      200,
      items.slice((page - 1) * perPage, page * perPage),
      links.length ? { link: links.join(', ') } : {},
    ];
  }
}

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || value === '') {
    throw new HttpError(422, 'Invalid request.', { errors: [`"${name}" wasn't supplied.`] });
  }
  return value;
}
