import { OccupationWithVacancies, request } from './occupation.js';

/**
 * `npx tsx examples/typed-client/src/main.ts [gateway URL] [ISCO code]` — prints an occupation, its
 * parent group and a few vacancies from a running gateway (`npm start`).
 */
const [url = 'http://127.0.0.1:4000/graphql', isco = '7212'] = process.argv.slice(2);
const answer = await request(url, OccupationWithVacancies, { isco, lang: 'en' });
const occupation = answer.occupation;
if (!occupation) {
  console.log(`no occupation ${isco}`);
} else {
  console.log(`${occupation.iscoCode} ${occupation.title} (in ${occupation.parent?.title ?? 'no parent group'})`);
  console.log(`${occupation.vacancies.totalCount} vacancies; sources: ${occupation.vacancies.sources.map((s) => s.status).join(', ')}`);
  for (const { node } of occupation.vacancies.edges) console.log(`  ${node.id}  ${node.title}`);
}
