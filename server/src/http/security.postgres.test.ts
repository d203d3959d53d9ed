import { describe, it } from 'vitest';
import { defineSecuritySuite } from '../../test/security/security-suite.ts';
import { postgresReachable, postgresStore, TEST_DATABASE_URL } from '../../test/store/test-stores.ts';

if (await postgresReachable()) {
  defineSecuritySuite('PostgreSQL (isolated schema)', postgresStore);
} else {
  describe('security on PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL at ${TEST_DATABASE_URL} (CI provides one)`, () => {});
  });
}
