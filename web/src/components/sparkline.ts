import { svg } from '../dom.ts';

/**
 * A small inline trend line (SVG, no axes) for KPI tiles; missing values break the line.
 * @example sparkline([0.12, 0.13, null, 0.11], 'Churn rate, last 6 months')
 */
export function sparkline(values: (number | null)[], label: string, width = 120, height = 32): SVGSVGElement {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const root = svg('svg', {
    class: 'sparkline',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': label,
  });
  if (numbers.length < 2) return root;
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const span = max - min || 1;
  const step = width / Math.max(values.length - 1, 1);
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6);
  let path = '';
  let penDown = false;
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      penDown = false;
      return;
    }
    path += `${penDown ? 'L' : 'M'}${(i * step).toFixed(1)},${y(v).toFixed(1)}`;
    penDown = true;
  });
  root.appendChild(svg('path', { d: path, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.6 }));
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  if (typeof last === 'number') {
    root.appendChild(
      svg('circle', {
        cx: (lastIndex * step).toFixed(1),
        cy: y(last).toFixed(1),
        r: 2.4,
        fill: 'currentColor',
      }),
    );
  }
  return root;
}
