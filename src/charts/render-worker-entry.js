'use strict';
// A worker thread starts without its parent's module hooks: register tsx's CommonJS loader here,
// then run the TypeScript worker (the same approach as bin/room-metrics).
require('tsx/cjs');
require('./render-worker.ts');
