// `npm run start:subgraph -- taxonomy` is the usual way; this file lets the folder run on its own.
process.argv[2] = 'taxonomy';
await import('../../main.js');
