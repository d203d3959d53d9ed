import { describe, it } from 'vitest';
import { postgresReachable, postgresStore, TEST_DATABASE_URL } from '../store/test-stores.ts';
import { defineAppSuite } from './app-suite.ts';

if (await postgresReachable()) defineAppSuite('PostgreSQL', postgresStore);
else
  describe('the HTTP app on PostgreSQL', () => {
    it.skip(`skipped: no PostgreSQL at ${TEST_DATABASE_URL} (CI provides one)`, () => {});
  });
