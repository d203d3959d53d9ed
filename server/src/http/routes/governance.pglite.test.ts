import { defineGovernanceSuite } from '../../../test/http/routes/governance-suite.ts';
import { pgliteStore } from '../../../test/store/test-stores.ts';

defineGovernanceSuite('PGlite (in memory)', pgliteStore);
