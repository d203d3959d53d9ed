import { defineStoreSuite } from './store-suite.ts';
import { pgliteStore } from './test-stores.ts';

defineStoreSuite('PGlite (in memory)', pgliteStore);
