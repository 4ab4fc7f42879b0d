import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../util/log.js';
import { builderIgnoreFile } from './confine-dockerignore.js';
import { explainGitLeftOut } from './confine-messages.js';
import { LEAVE_GIT_OUT, type BuildSpec } from './confine-model.js';
import type { ComposeModel } from './compose-model.js';

/**
 * The model compose builds from, with the project's .git left out of every build marked for it: the
 * build gets a copy of its Dockerfile in `dir` with a `Dockerfile.dockerignore` beside it, holding the
 * patterns the builder would have read plus `.git`, last so that it wins. BuildKit reads the ignore
 * file next to the Dockerfile in place of the context's; the project's files stay as they are.
 */
export async function leaveGitOut(model: ComposeModel, dir: string, log: Logger): Promise<ComposeModel> {
  const rewritten = structuredClone(model);
  for (const [name, service] of Object.entries(rewritten.services)) {
    const build = service.build as (BuildSpec & Record<string, unknown>) | undefined;
    if (!build?.[LEAVE_GIT_OUT] || !build.context) continue;
    delete build[LEAVE_GIT_OUT];
    const inline = build.dockerfile_inline;
    const original =
      inline === undefined ? path.resolve(build.context, build.dockerfile ?? 'Dockerfile') : undefined;
    const ignore = await builderIgnoreFile(build.context, original);
    const own = path.join(dir, 'builds', name);
    await mkdir(own, { recursive: true });
    const dockerfile = path.join(own, 'Dockerfile');
    await writeFile(dockerfile, inline ?? (await readFile(original!)));
    const patterns = ignore ? await readFile(ignore, 'utf8') : '';
    await writeFile(`${dockerfile}.dockerignore`, `${patterns}\n.git\n`);
    build.dockerfile = dockerfile;
    delete build.dockerfile_inline;
    log.info(explainGitLeftOut(name));
  }
  return rewritten;
}
