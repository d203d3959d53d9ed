import type { definitionWorkflow } from '../../governance/definition-workflow.ts';
import type { ModelVersion } from '../../store/model-versions.ts';
import type { apiRouter } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import type { versionView } from './definition-schemas.ts';

/** What the parts of the /api/models router share: the router, the workflow and the version view. */
export interface DefinitionRouter {
  app: ReturnType<typeof apiRouter<AuthEnv>>;
  flow: ReturnType<typeof definitionWorkflow>;
  view: (v: ModelVersion, withFiles?: boolean) => ReturnType<typeof versionView>;
}
