import { describe, it } from 'vitest';
import { defineStoreSuite } from './store-suite.ts';
import { postgresReachable, postgresStore, TEST_DATABASE_URL } from './test-stores.ts';

if (await postgresReachable()) {
  defineStoreSuite('PostgreSQL (isolated schema)', postgresStore);
} else {
  describe('app-state store on PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL at ${TEST_DATABASE_URL} (CI provides one)`, () => {});
  });
}
