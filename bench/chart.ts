import { median, type Report } from './report.js';
import { legend, line, rect, svgDocument, text } from './svg.js';

/** docs/benchmarks.svg: requests/s (bars) and p99 (ticks, right scale) per scenario and gateway. */
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
  const parts: string[] = [legend(gateways.map((g) => ({ label: g, color: COLORS[g] ?? '#888' })), 70, 10)];
  parts.push(text(10, top + 10, `${Math.round(maxRps)} req/s`), text(10, top + plot, '0'));
  parts.push(text(width - 10, top + 10, `— p99 (top = ${Math.round(maxP99)} ms)`, { 'text-anchor': 'end' }));
  scenarios.forEach((scenario, i) => {
    const x0 = 70 + i * (gateways.length * 26 + 30);
    parts.push(text(x0 + (gateways.length * 26) / 2, top + plot + 20, `(${scenario})`, { 'text-anchor': 'middle', 'font-size': 12 }));
    gateways.forEach((gateway, j) => {
      const row = report.rows.find((r) => r.scenario === scenario && r.gateway === gateway);
      if (!row) return;
      const m = median(row);
      const h = (m.rps / maxRps) * plot;
      const x = x0 + j * 26;
      parts.push(rect(x, top + plot - h, 20, h, COLORS[gateway] ?? '#888', `${gateway} (${scenario}): ${Math.round(m.rps)} req/s, p99 ${m.p99} ms`));
      const y = top + plot - (m.p99 / maxP99) * plot;
      parts.push(line(x - 2, y, x + 22, y, { 'stroke-width': 2 }));
    });
  });
  return svgDocument(width, height, parts);
}
