/**
 * The few SVG pieces the project's charts are drawn with (docs/benchmarks.svg, docs/trend.svg):
 * hand-written markup, no dependency, the same input always giving the same bytes.
 */

export interface LegendItem {
  label: string;
  color: string;
}

export function svgDocument(width: number, height: number, parts: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
${parts.join('\n')}
</svg>
`;
}

export function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): string {
  return `<text x="${r(x)}" y="${r(y)}"${attributes({ 'font-size': 11, ...attrs })}>${escapeXml(content)}</text>`;
}

export function rect(x: number, y: number, width: number, height: number, fill: string, title?: string): string {
  const tooltip = title === undefined ? '' : `<title>${escapeXml(title)}</title>`;
  return `<rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${r(height)}" fill="${fill}">${tooltip}</rect>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, attrs: Record<string, string | number> = {}): string {
  return `<line x1="${r(x1)}" x2="${r(x2)}" y1="${r(y1)}" y2="${r(y2)}"${attributes({ stroke: '#222', ...attrs })}/>`;
}

export function polyline(points: ReadonlyArray<[number, number]>, color: string, attrs: Record<string, string | number> = {}): string {
  return `<polyline points="${points.map(([x, y]) => `${r(x)},${r(y)}`).join(' ')}"${attributes({ fill: 'none', stroke: color, 'stroke-width': 2, ...attrs })}/>`;
}

/** A row of coloured squares with labels, `step` apart. */
export function legend(items: readonly LegendItem[], x: number, y: number, step = 120): string {
  return items.map((item, i) => `${rect(x + i * step, y, 12, 12, item.color)}${text(x + 16 + i * step, y + 11, item.label, { 'font-size': 12 })}`).join('');
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

function attributes(attrs: Record<string, string | number>): string {
  return Object.entries(attrs).map(([k, v]) => ` ${k}="${typeof v === 'number' ? r(v) : escapeXml(v)}"`).join('');
}

/** Two decimals at most: stable, short output. */
function r(n: number): number {
  return Math.round(n * 100) / 100;
}
