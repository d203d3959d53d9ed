import { describe, it } from 'vitest';
import { defineAppSuite } from '../../test/http/app-suite.ts';
import { postgresReachable, postgresStore, TEST_DATABASE_URL } from '../../test/store/test-stores.ts';

if (await postgresReachable()) defineAppSuite('PostgreSQL', postgresStore);
else
  describe('the HTTP app on PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL at ${TEST_DATABASE_URL} (CI provides one)`, () => {});
  });
