import type { NativeDialect } from '../../core/index.js';

/**
 * The platform's legacy error style: `{ status: false, message, data: null }`. Auth failures and
 * bad input get a 401/400 status; a few legacy paths answer 200 with status false, which the
 * adapter treats as an error too.
 */
export function doeDialect(token: string): NativeDialect {
  return {
    error: (status, message) => ({ status, json: { status: false, message, data: null } }),
    authenticate: (req) => (req.headers.authorization === `Bearer ${token}` ? null : { status: 401, json: { status: false, message: 'ไม่ได้รับอนุญาต (Unauthorized)', data: null } }),
  };
}
