import { pgliteStore } from '../../store/test-stores.ts';
import { defineAuthSuite } from './auth-suite.ts';

defineAuthSuite('PGlite (in memory)', pgliteStore);
