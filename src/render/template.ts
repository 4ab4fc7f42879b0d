import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../util/errors.js';
import type { KubeObject } from '../model/objects.js';
import type { RenderedTemplate } from '../model/plan.js';
import type { ExposureTemplateArgs, TemplateArgs } from '../model/template-args.js';
import { renderInSandbox, type RenderedDocument, type SandboxLimits } from './sandbox.js';

export interface LoadedTemplate {
  /** Where it was read from, for messages. */
  path: string;
  /** Its real path (links resolved): its directory is the root of its includes. */
  file: string;
  source: string;
  /** sha256 of the source, so a deploy records which template made its objects. */
  hash: string;
  /** Its content is the pull request's: it lies inside the project (the checkout), or x-preevy named it. */
  fromPullRequest: boolean;
}

/** Who named a template, and the project it may come from. */
export interface TemplateOrigin {
  /** The setting that named it, for messages: `input template`, `x-preevy template`, … */
  from: string;
  /** The project's directory (working-directory): what lies inside it is the pull request's. */
  workingDirectory: string;
  /** The compose file named it: it must resolve inside the project, never elsewhere on the runner. */
  confined: boolean;
}

export interface RenderOptions {
  signal?: AbortSignal | undefined;
  limits?: Partial<SandboxLimits> | undefined;
}

/**
 * Reads a template by path, or one bundled with the action by name (`default`, `sysbox`). A template
 * the compose file named is refused, before it is read, unless its real path lies inside the project.
 */
export function loadTemplate(template: string, origin?: TemplateOrigin): LoadedTemplate {
  const bundled = !path.isAbsolute(template);
  const file = bundled ? bundledTemplatePath(template) : template;
  let real: string;
  let source: string;
  try {
    real = realpathSync(file);
    if (origin?.confined && !bundled) confine(real, template, origin);
    source = readFileSync(real, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `Cannot read the template ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Set input template (or x-preevy template) to a readable file, or to "default" or "sysbox".`,
    );
  }
  const fromPullRequest =
    !bundled &&
    (origin?.confined === true || (origin !== undefined && inside(real, origin.workingDirectory)));
  return {
    path: file,
    file: real,
    source,
    hash: createHash('sha256').update(source).digest('hex'),
    fromPullRequest,
  };
}

function confine(real: string, template: string, origin: TemplateOrigin): void {
  const project = origin.workingDirectory;
  if (!inside(real, project) || real.split(path.sep).includes('.git')) {
    throw new UserError(
      `${origin.from} is ${template}, which is not a file of the project (working-directory ${project}${real === template ? '' : `; it resolves to ${real}`}). The compose file comes from the pull request: the template it names must lie inside the project, outside .git. To use a template from elsewhere, set input template in the workflow.`,
    );
  }
}

/** Whether `real` lies inside `directory`, both with links resolved. */
function inside(real: string, directory: string): boolean {
  let root: string;
  try {
    root = realpathSync(directory);
  } catch {
    return false;
  }
  const relative = path.relative(root, real);
  const out = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return relative !== '' && !out;
}

/** Renders a pod template (Preevy's contract) into its objects, in the sandbox. */
export async function renderTemplate(
  template: LoadedTemplate,
  args: TemplateArgs,
  options: RenderOptions = {},
): Promise<RenderedTemplate> {
  return { objects: await render(template, args, options), templateHash: template.hash };
}

/**
 * Stands for the basic-auth htpasswd line in the sandbox, which never sees it (it is derived from the
 * password): the line replaces it in the rendered objects.
 */
const HTPASSWD_PLACEHOLDER = 'kube-pod-preview-basic-auth-htpasswd';

/** Renders an exposure template into its objects, in the sandbox. */
export async function renderExposureTemplate(
  template: LoadedTemplate,
  args: ExposureTemplateArgs,
  options: RenderOptions = {},
): Promise<RenderedTemplate> {
  const auth = args.basicAuth;
  const sent = auth ? { ...args, basicAuth: { ...auth, htpasswd: HTPASSWD_PLACEHOLDER } } : args;
  let objects = await render(template, sent, options);
  if (auth) objects = replaceInStrings(objects, HTPASSWD_PLACEHOLDER, auth.htpasswd);
  return { objects, templateHash: template.hash };
}

function replaceInStrings<T>(value: T, from: string, to: string): T {
  if (typeof value === 'string') return value.split(from).join(to) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => replaceInStrings(v, from, to)) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, replaceInStrings(v, from, to)]);
    return Object.fromEntries(entries) as T;
  }
  return value;
}

async function render(
  template: LoadedTemplate,
  args: TemplateArgs | ExposureTemplateArgs,
  options: RenderOptions,
): Promise<KubeObject[]> {
  const documents = await renderInSandbox({
    file: template.file,
    where: template.path,
    source: template.source,
    args,
    signal: options.signal,
    limits: options.limits,
  });
  return objectsOf(documents, template.path);
}

/** Every `---`-separated document the child parsed, checked to be an object with a name. */
function objectsOf(documents: RenderedDocument[], where: string): KubeObject[] {
  const objects: KubeObject[] = [];
  documents.forEach((doc, index) => {
    const position = `document ${index + 1} of the rendered template ${where}`;
    if ('error' in doc) {
      const line = doc.line ? ` (line ${doc.line} of the rendered text)` : '';
      throw new UserError(`The ${position} is not valid YAML${line}: ${oneLine(doc.error)}`);
    }
    const value = doc.value;
    if (value === null || value === undefined) return; // an empty document, e.g. after a trailing ---
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new UserError(
        `The ${position} is not a Kubernetes object (a map with apiVersion, kind and metadata).`,
      );
    }
    const object = value as KubeObject;
    const name = object.metadata?.name;
    if (
      typeof object.apiVersion !== 'string' ||
      typeof object.kind !== 'string' ||
      typeof name !== 'string' ||
      !name
    ) {
      throw new UserError(`The ${position} needs apiVersion, kind and metadata.name.`);
    }
    objects.push(object);
  });
  return objects;
}

/**
 * The directory of the templates that ship with the action. It sits at the repository root: one level
 * above `src/`, two above `src/render/` and `dist/lib/`, three above `lib/src/render/` (the benchmark's
 * and the soak test's compiled sources).
 */
function bundledTemplatePath(name: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['..', '../..', '../../..']) {
    const candidate = path.join(here, up, 'templates', `${name}.yaml.njk`);
    if (existsSync(candidate)) return candidate;
  }
  throw new UserError(
    `There is no bundled template "${name}"; bundled templates are "default", "sysbox" and (for exposure) "expose".`,
  );
}

function oneLine(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .slice(0, 300);
}
