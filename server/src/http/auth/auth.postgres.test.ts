import { describe, it } from 'vitest';
import { postgresReachable, postgresStore, TEST_DATABASE_URL } from '../../store/test-stores.ts';
import { defineAuthSuite } from './auth-suite.ts';

if (await postgresReachable()) {
  defineAuthSuite('PostgreSQL (isolated schema)', postgresStore);
} else {
  describe('auth on PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL at ${TEST_DATABASE_URL} (CI provides one)`, () => {});
  });
}
