import { describe, it } from 'vitest';
import { defineGovernanceSuite } from '../../../test/http/routes/governance-suite.ts';
import { postgresReachable, postgresStore, TEST_DATABASE_URL } from '../../../test/store/test-stores.ts';

if (await postgresReachable()) {
  defineGovernanceSuite('PostgreSQL (isolated schema)', postgresStore);
} else {
  describe('governance over HTTP on PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL at ${TEST_DATABASE_URL} (CI provides one)`, () => {});
  });
}
