import { median, type Report } from './report.js';

/** A small hand-written SVG: requests/s (bars) and p99 (ticks, right scale) per scenario and gateway. */
const COLORS: Record<string, string> = { ours: '#1b7f5b', hive: '#d9822b', 'hive-cache': '#f2b84b', 'plain-apollo': '#5b6bbf' };

export function chart(report: Report): string {
  const scenarios = [...new Set(report.rows.map((r) => r.scenario))];
  const gateways = [...new Set(report.rows.map((r) => r.gateway))];
  const width = 140 + scenarios.length * (gateways.length * 26 + 30);
  const height = 320;
  const top = 40;
  const plot = 220;
  const maxRps = Math.max(1, ...report.rows.map((r) => median(r).rps));
  const maxP99 = Math.max(1, ...report.rows.map((r) => median(r).p99));
  const parts: string[] = [];
  scenarios.forEach((scenario, i) => {
    const x0 = 70 + i * (gateways.length * 26 + 30);
    parts.push(`<text x="${x0 + (gateways.length * 26) / 2}" y="${top + plot + 20}" text-anchor="middle" font-size="12">(${scenario})</text>`);
    gateways.forEach((gateway, j) => {
      const row = report.rows.find((r) => r.scenario === scenario && r.gateway === gateway);
      if (!row) return;
      const m = median(row);
      const h = (m.rps / maxRps) * plot;
      const x = x0 + j * 26;
      parts.push(`<rect x="${x}" y="${top + plot - h}" width="20" height="${h}" fill="${COLORS[gateway] ?? '#888'}"><title>${gateway} (${scenario}): ${Math.round(m.rps)} req/s, p99 ${m.p99} ms</title></rect>`);
      const y = top + plot - (m.p99 / maxP99) * plot;
      parts.push(`<line x1="${x - 2}" x2="${x + 22}" y1="${y}" y2="${y}" stroke="#222" stroke-width="2"/>`);
    });
  });
  const legend = gateways.map((g, i) => `<rect x="${70 + i * 120}" y="10" width="12" height="12" fill="${COLORS[g] ?? '#888'}"/><text x="${86 + i * 120}" y="21" font-size="12">${g}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>${legend}
<text x="10" y="${top + 10}" font-size="11">${Math.round(maxRps)} req/s</text><text x="10" y="${top + plot}" font-size="11">0</text>
<text x="${width - 10}" y="${top + 10}" font-size="11" text-anchor="end">— p99 (top = ${Math.round(maxP99)} ms)</text>
${parts.join('\n')}
</svg>
`;
}
