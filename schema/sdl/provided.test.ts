import { describe, expect, it } from 'vitest';
import { PROVIDED_VACANCY_FIELDS, withProvidedFieldsShareable } from './provided.js';

const fields = (overrides: Record<string, string> = {}) =>
  PROVIDED_VACANCY_FIELDS.map((f) => `  ${f.name}: ${overrides[f.name] ?? f.type}`).filter((line) => !line.endsWith(': -')).join('\n');
const sdl = (body: string) => `interface Other { title: String! }\ntype XVacancy implements Vacancy @key(fields: "id") {\n  id: ID!\n${body}\n  salaryText: String\n}`;

describe('fields the exchange provides', () => {
  it('marks exactly those fields of the vacancy type @shareable, nothing of other types', () => {
    const out = withProvidedFieldsShareable(sdl(fields()), 'XVacancy');
    for (const f of PROVIDED_VACANCY_FIELDS) expect(out).toContain(`${f.name}: ${f.type} @shareable`);
    expect(out).toContain('salaryText: String\n');
    expect(out).toContain('id: ID!\n');
    expect(out).toMatch(/interface Other \{\n {2}title: String!\n\}/);
  });

  it('refuses a vacancy type that changes a provided field or leaves one out', () => {
    expect(() => withProvidedFieldsShareable(sdl(fields({ title: 'String' })), 'XVacancy')).toThrow(/XVacancy.title must be String!/);
    expect(() => withProvidedFieldsShareable(sdl(fields({ skills: '-' })), 'XVacancy')).toThrow(/XVacancy lacks the contract's fields skills/);
  });

  it('leaves an SDL without the vacancy type to the kit, which names the adapter', () => {
    expect(withProvidedFieldsShareable('type Y { id: ID! }', 'XVacancy')).toContain('type Y');
  });
});
