// `npm run start:subgraph -- indonesia` is the usual way; this file lets the folder run on its own.
process.argv[2] = 'indonesia';
await import('../../main.js');
