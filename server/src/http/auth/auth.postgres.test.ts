import { describe, it } from 'vitest';
import { defineAuthSuite } from '../../../test/http/auth/auth-suite.ts';
import { postgresReachable, postgresStore, TEST_DATABASE_URL } from '../../../test/store/test-stores.ts';

if (await postgresReachable()) {
  defineAuthSuite('PostgreSQL (isolated schema)', postgresStore);
} else {
  describe('auth on PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL at ${TEST_DATABASE_URL} (CI provides one)`, () => {});
  });
}
