import { defineAuthSuite } from '../../../test/http/auth/auth-suite.ts';
import { pgliteStore } from '../../../test/store/test-stores.ts';

defineAuthSuite('PGlite (in memory)', pgliteStore);
