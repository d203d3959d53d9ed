import { join } from 'node:path';
import { runAnalysis } from '../analysis/run-analysis.ts';
import { deployShippedModel } from '../governance/deploy-shipped.ts';
import { loadPublished } from '../governance/published-models.ts';
import { auditRoutes } from '../http/routes/audit.ts';
import { definitionRoutes } from '../http/routes/definitions.ts';
import { modelDataRoutes } from '../http/routes/model-data.ts';
import { uploadRoutes } from '../http/routes/uploads.ts';
import { wrongAnswerRoutes } from '../http/routes/wrong-answers.ts';
import { uploadService } from '../uploads/upload-service.ts';
import { MODELS_DIR, type ServerOptions } from './start-server.ts';

/**
 * The parts the product plugs into the server: governed model versions (the store's published version
 * runs; shipped YAML seeds it), the governance routes, and the analysis module. One place, so `serve`,
 * the CLI and the tests start the same product.
 */
export async function serverHooks(): Promise<
  Pick<ServerOptions, 'runAnalysis' | 'extraRoutes' | 'activateModels'>
> {
  return {
    runAnalysis,
    extraRoutes: (store, registry, { dataDir, uploadsDir }) => {
      const uploads = uploadService({ store, registry, dataDir, uploadsDir });
      return {
        '/models': definitionRoutes({ store, registry, activateNew: uploads.activateNew }),
        '/uploads': uploadRoutes(uploads),
        '/audit': auditRoutes({ store }),
        '/wrong-answers': wrongAnswerRoutes({ store, registry }),
        '/data': modelDataRoutes({ registry, dataDir }),
      };
    },
    activateModels: async (store, registry, engines, log, dirs) => {
      for (const [id, engine] of engines) {
        const outcome = await deployShippedModel(store, id, dirs.get(id) ?? join(MODELS_DIR, id));
        if (outcome.action === 'kept_edited')
          log(
            `model ${id}: running reviewed version v${outcome.versionNo} from the store (shipped YAML differs)`,
          );
        const published = await loadPublished(store, id);
        if (!published) throw new Error(`model ${id}: no published version after deployment`);
        log(`model ${id} v${published.version.versionNo}: preparing derived tables…`);
        await registry.add(engine, published.model, published.version.versionNo, (table, s) =>
          log(`  ${table} built in ${s.toFixed(1)} s`),
        );
      }
    },
  };
}
