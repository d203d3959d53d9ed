import { describe, it } from 'vitest';
import { postgresReachable, postgresStore, TEST_DATABASE_URL } from '../../store/test-stores.ts';
import { defineGovernanceSuite } from './governance-suite.ts';

if (await postgresReachable()) {
  defineGovernanceSuite('PostgreSQL (isolated schema)', postgresStore);
} else {
  describe('governance over HTTP on PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL at ${TEST_DATABASE_URL} (CI provides one)`, () => {});
  });
}
