'use strict';
// A worker thread starts without its parent's module hooks: register tsx's CommonJS loader here,
// then run the TypeScript worker (the same approach as bin/room-metrics).
require('tsx/cjs');
// Render errors reach the bot as messages, never as stack traces: no source maps (tsx turns them
// on; Chart.js's alone is 1 MB of JSON kept parsed in every worker).
process.setSourceMapsEnabled(false);
require('./render-worker.ts');
