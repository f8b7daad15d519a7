import { describe, expect, it } from 'vitest';
import { langFrom, requestIdFrom } from './request.js';

describe('request context', () => {
  it('picks the first supported language of Accept-Language, by preference', () => {
    expect(langFrom(undefined)).toBe('en');
    expect(langFrom('th-TH,th;q=0.9,en;q=0.8')).toBe('th');
    expect(langFrom('fr-FR, ms;q=0.7, id;q=0.9')).toBe('id');
    expect(langFrom('de, fr')).toBe('en');
    expect(langFrom('id;q=0, ms')).toBe('ms');
  });

  it('keeps a sane forwarded request id and replaces anything else', () => {
    expect(requestIdFrom({ 'x-request-id': 'abc-123' })).toBe('abc-123');
    expect(requestIdFrom({})).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom({ 'x-request-id': 'x'.repeat(500) })).not.toBe('x'.repeat(500));
    expect(requestIdFrom({ 'x-request-id': 'has spaces\nand newline' })).toMatch(/^[0-9a-f-]{36}$/);
  });
});
