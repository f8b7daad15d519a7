// `npm run start:subgraph -- brunei` is the usual way; this file lets the folder run on its own.
process.argv[2] = 'brunei';
await import('../../main.js');
