import type { ServerOptions } from './start-server.ts';

/**
 * The optional parts the server plugs in when they are present: the analysis module and the
 * governance routes. Kept in one place so `serve` and the tests start the same product.
 */
export async function serverHooks(): Promise<
  Pick<ServerOptions, 'runAnalysis' | 'extraRoutes' | 'activateModels'>
> {
  return {};
}
