/**
 * The store's conformance suite, run unchanged on PGlite and on PostgreSQL (see `store.*.test.ts`):
 * both drivers must give the same results for the same calls.
 */
import type { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Store } from '../../src/store/open-store.ts';
import { contentCases } from './content-cases.ts';
import { identityCases } from './identity-cases.ts';
import type { StoreFactory } from './test-stores.ts';

/** Gives the cases the suite's store once it is open. */
export type StoreRef = () => Store;

/** Defines the whole suite against stores from `factory` (one store per file: PGlite takes seconds to start). */
export function defineStoreSuite(label: string, factory: StoreFactory): void {
  describe(`app-state store on ${label}`, () => {
    let store: Store | undefined;
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store?.close();
    });
    const ref: StoreRef = () => {
      if (!store) throw new Error('store not open');
      return store;
    };
    identityCases(ref);
    contentCases(ref);
  });
}

/** Rows of a raw SQL query, the same shape on both drivers. */
export async function rawRows<T>(store: Store, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await store.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
