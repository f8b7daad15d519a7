import { badInput } from '../../../kit/index.js';
import {
  ISCO_CODE,
  nationalSystemInfo,
  nationalSystems,
  SKILL_ID,
  isNationalSystem,
  type NationalSystem,
} from '../../../../reference/index.js';

/**
 * Argument checks. A malformed value is the caller's mistake and gets BAD_USER_INPUT with a
 * message saying what a good value looks like; a well-formed value that names nothing is
 * simply not found (null), which is not an error.
 */

export function iscoCodeArg(value: string, argument = 'iscoCode'): string {
  const code = value.trim();
  if (!ISCO_CODE.test(code)) throw badInput(`"${value}" is not an ISCO-08 code: use 1 to 4 digits, e.g. "7" or "7212".`, argument);
  return code;
}

export function skillIdArg(value: string): string {
  const id = value.trim().toLowerCase();
  if (!SKILL_ID.test(id)) throw badInput(`"${value}" is not an ESCO skill id: use the UUID at the end of the ESCO URI.`, 'id');
  return id;
}

export function countryCodeArg(value: string, argument = 'code'): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw badInput(`"${value}" is not an ISO 3166-1 alpha-2 country code, e.g. "TH".`, argument);
  return code;
}

export function regionCodeArg(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) throw badInput(`"${value}" is not an ISO 3166-2 code, e.g. "MY-07".`, 'code');
  return code;
}

export function nationalSystemArg(value: string): NationalSystem {
  const system = value.trim().toUpperCase();
  if (!isNationalSystem(system)) throw badInput(`Unknown national system "${value}": use one of ${nationalSystems().join(', ')}.`, 'system');
  return system;
}

export function nationalCodeArg(system: NationalSystem, value: string): string {
  const code = value.trim();
  const info = nationalSystemInfo(system);
  if (!info?.codeFormat.test(code)) {
    throw badInput(`"${value}" is not a ${system} code: expected the form ${info?.example ?? 'its classification uses'}.`, 'code');
  }
  return code;
}
