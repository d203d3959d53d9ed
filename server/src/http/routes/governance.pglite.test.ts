import { pgliteStore } from '../../store/test-stores.ts';
import { defineGovernanceSuite } from './governance-suite.ts';

defineGovernanceSuite('PGlite (in memory)', pgliteStore);
