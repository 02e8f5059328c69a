import { percent, svg } from './dom';

export interface CategoryBar {
  id: string;
  label: string;
  coverage: number;
}

const ROW = 30;
const LABEL_W = 330;
const BAR_W = 260;
const WIDTH = LABEL_W + BAR_W + 60;

/**
 * Coverage per category as horizontal bars. Every bar carries its label and its value as text,
 * and a dashed 100% frame, so that the chart reads the same without colour.
 */
export function categoryChart(categories: CategoryBar[], title: string): SVGElement {
  const height = categories.length * ROW + 8;
  const rows = categories.map((c, i) => {
    const y = i * ROW + 4;
    const w = Math.max(0, Math.min(1, c.coverage)) * BAR_W;
    return svg(
      'g',
      { class: 'bar', 'data-category': c.id },
      svg('text', { x: LABEL_W - 8, y: y + 17, 'text-anchor': 'end', class: 'bar-label' }, c.label),
      svg('rect', { x: LABEL_W, y: y + 3, width: BAR_W, height: ROW - 10, class: 'bar-track' }),
      svg('rect', { x: LABEL_W, y: y + 3, width: w.toFixed(1), height: ROW - 10, class: 'bar-fill' }),
      svg('text', { x: LABEL_W + BAR_W + 8, y: y + 17, class: 'bar-value' }, percent(c.coverage)),
    );
  });
  const summary = categories.map((c) => `${c.label} ${percent(c.coverage)}`).join(', ');
  return svg(
    'svg',
    { class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': `${title}: ${summary}` },
    svg('title', {}, `${title}: ${summary}`),
    ...rows,
  );
}
