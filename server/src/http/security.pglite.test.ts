import { defineSecuritySuite } from '../../test/security/security-suite.ts';
import { pgliteStore } from '../../test/store/test-stores.ts';

defineSecuritySuite('PGlite (in memory)', pgliteStore);
