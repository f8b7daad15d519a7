// `npm run start:subgraph -- thailand` is the usual way; this file lets the folder run on its own.
process.argv[2] = 'thailand';
await import('../../main.js');
