import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { parseAllDocuments } from 'yaml';
import { UserError } from '../util/errors.js';
import type { KubeObject } from '../model/objects.js';
import type { RenderedTemplate } from '../model/plan.js';
import type { ExposureTemplateArgs, TemplateArgs } from '../model/template-args.js';

export interface LoadedTemplate {
  /** Where it was read from, for messages. */
  path: string;
  source: string;
  /** sha256 of the source, so a deploy records which template made its objects. */
  hash: string;
}

/** Reads a template by path, or one bundled with the action by name (`default`, `sysbox`). */
export function loadTemplate(template: string): LoadedTemplate {
  const file = path.isAbsolute(template) ? template : bundledTemplatePath(template);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(
      `Cannot read the template ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Set input template (or x-preevy template) to a readable file, or to "default" or "sysbox".`,
    );
  }
  return { path: file, source, hash: createHash('sha256').update(source).digest('hex') };
}

/** Renders a pod template (Preevy's contract) into its objects. */
export function renderTemplate(template: LoadedTemplate, args: TemplateArgs): RenderedTemplate {
  return { objects: render(template, args), templateHash: template.hash };
}

/** Renders an exposure template into its objects. */
export function renderExposureTemplate(
  template: LoadedTemplate,
  args: ExposureTemplateArgs,
): RenderedTemplate {
  return { objects: render(template, args), templateHash: template.hash };
}

/** Renders the template and parses every `---`-separated document into an object. */
function render(template: LoadedTemplate, args: TemplateArgs | ExposureTemplateArgs): KubeObject[] {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.dirname(template.path)), {
    autoescape: false,
    throwOnUndefined: false,
  });
  let rendered: string;
  try {
    rendered = new nunjucks.Template(template.source, env, template.path, true).render({ ...args });
  } catch (error) {
    throw new UserError(
      `The template ${template.path} does not render: ${oneLine((error as Error).message)}`,
    );
  }
  return parseDocuments(rendered, template.path);
}

function parseDocuments(text: string, where: string): KubeObject[] {
  const objects: KubeObject[] = [];
  parseAllDocuments(text).forEach((doc, index) => {
    const position = `document ${index + 1} of the rendered template ${where}`;
    if (doc.errors.length > 0) {
      throw new UserError(`The ${position} is not valid YAML: ${oneLine(doc.errors[0]!.message)}`);
    }
    const value: unknown = doc.toJS();
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
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
