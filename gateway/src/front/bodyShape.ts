/**
 * JSON nesting is bounded before Apollo walks the body: a 64 KiB body can nest thousands of
 * levels, and code that recurses over variables (hashing, coercion) would overflow its stack and
 * answer 500. Checked without recursion.
 */
export const MAX_JSON_DEPTH = 64;

export function isShallow(body: unknown): boolean {
  const stack: Array<[unknown, number]> = [[body, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH) return false;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return true;
}
