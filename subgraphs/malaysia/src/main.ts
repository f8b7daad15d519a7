// `npm run start:subgraph -- malaysia` is the usual way; this file lets the folder run on its own.
process.argv[2] = 'malaysia';
await import('../../main.js');
