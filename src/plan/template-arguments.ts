import { registryHostOf } from '../model/build-cache-prefix.js';
import { basicAuthSecretName, htpasswdLine, type ExposureEntry } from '../model/exposure.js';
import type { Ids } from '../model/ids.js';
import { DOCKER_HOST_COMPONENT, LABELS, identityLabels } from '../model/objects.js';
import type { ExposeSettings, Settings } from '../model/settings.js';
import type { ExposureTemplateArgs, TemplateArgs } from '../model/template-args.js';

/** The pod template's arguments: Preevy's four, what a pull request's preview knows, the pod inputs. */
export function templateArgs(
  settings: Settings,
  ids: Ids,
  run: { repository: string; prNumber: number | undefined; sha: string | undefined; project: string },
): TemplateArgs {
  return {
    namespace: settings.namespace,
    id: ids.id,
    storageClass: settings.storageClass,
    storageSize: settings.storageSize,
    labels: identityLabels(ids),
    envId: ids.envId,
    ...run,
    ...settings.pod,
    insecureRegistries: settings.buildCache ? [registryHostOf(settings.buildCache)] : [],
  };
}

/** The exposure template's arguments: one entry per published TCP port, and how to expose them. */
export function exposureTemplateArgs(
  namespace: string,
  expose: ExposeSettings,
  ids: Ids,
  entries: ExposureEntry[],
): ExposureTemplateArgs {
  const labels = identityLabels(ids);
  return {
    namespace,
    id: ids.id,
    envId: ids.envId,
    labels,
    selector: { ...labels, [LABELS.component]: DOCKER_HOST_COMPONENT },
    expose: expose.mode,
    entries,
    ingressClass: expose.ingressClass,
    tlsSecret: expose.tlsSecret,
    ingressAnnotations: expose.ingressAnnotations,
    basicAuth: expose.basicAuth
      ? {
          secretName: basicAuthSecretName(ids.id),
          htpasswd: htpasswdLine(expose.basicAuth.user, expose.basicAuth.password),
        }
      : undefined,
  };
}
