import { describe, it } from 'vitest';
import { defineStoreSuite } from '../../test/store/store-suite.ts';
import { postgresReachable, postgresStore, TEST_DATABASE_URL } from '../../test/store/test-stores.ts';

if (await postgresReachable()) {
  defineStoreSuite('PostgreSQL (isolated schema)', postgresStore);
} else {
  describe('app-state store on PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL at ${TEST_DATABASE_URL} (CI provides one)`, () => {});
  });
}
