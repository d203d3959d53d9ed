import { defineStoreSuite } from '../../test/store/store-suite.ts';
import { pgliteWorkerStore } from '../../test/store/test-stores.ts';

// The same conformance suite on PGlite in a worker thread (as the server runs it): same answers as inline.
defineStoreSuite('PGlite (in memory, worker thread)', pgliteWorkerStore);
