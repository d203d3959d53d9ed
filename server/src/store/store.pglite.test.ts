import { defineStoreSuite } from '../../test/store/store-suite.ts';
import { pgliteStore } from '../../test/store/test-stores.ts';

defineStoreSuite('PGlite (in memory)', pgliteStore);
