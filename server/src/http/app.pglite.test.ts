import { pgliteStore } from '../store/test-stores.ts';
import { defineAppSuite } from './app-suite.ts';

defineAppSuite('PGlite', pgliteStore);
