import { defineAppSuite } from '../../test/http/app-suite.ts';
import { pgliteStore } from '../../test/store/test-stores.ts';

defineAppSuite('PGlite', pgliteStore);
