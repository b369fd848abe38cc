// Small SVG charts drawn in the page: no library, nothing downloaded.
import { svg } from './dom.js';

function niceMax(max) {
  if (max <= 4) return 4;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * pow >= max) return step * pow;
  }
  return max;
}

/** A column chart: one bar per point ({label, value, title}), with a y axis of four gridlines. */
export function columnChart(points, { id, height = 220, ariaLabel } = {}) {
  const width = 640;
  const pad = { top: 14, right: 8, bottom: 28, left: 34 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(0, ...points.map((p) => p.value)));
  const slot = innerW / Math.max(points.length, 1);
  const barW = Math.max(2, Math.min(36, slot * 0.62));
  const labelEvery = Math.ceil(points.length / 10);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', id, role: 'img',
    'aria-label': ariaLabel, preserveAspectRatio: 'xMidYMid meet' });
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    const y = pad.top + innerH - (v / max) * innerH;
    root.appendChild(svg('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: i === 0 ? 'axis' : 'grid' }));
    root.appendChild(svg('text', { x: pad.left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end',
      text: Number.isInteger(v) ? String(v) : v.toFixed(1) }));
  }
  points.forEach((p, i) => {
    const h = max === 0 ? 0 : (p.value / max) * innerH;
    const x = pad.left + slot * i + (slot - barW) / 2;
    const y = pad.top + innerH - h;
    const bar = svg('rect', { x, y, width: barW, height: Math.max(h, p.value > 0 ? 2 : 0), rx: Math.min(4, barW / 3),
      class: 'bar', 'data-label': p.label, 'data-value': p.value },
    svg('title', { text: p.title || `${p.label}: ${p.value}` }));
    root.appendChild(bar);
    if (p.value > 0 && points.length <= 14) {
      root.appendChild(svg('text', { x: x + barW / 2, y: y - 4, class: 'value', 'text-anchor': 'middle', text: String(p.value) }));
    }
    if (i % labelEvery === 0 || i === points.length - 1) {
      root.appendChild(svg('text', { x: x + barW / 2, y: height - 8, class: 'tick', 'text-anchor': 'middle', text: p.label }));
    }
  });
  return root;
}

/** Horizontal bars, one row per point ({label, value}), with the count and share at the end. */
export function barRows(points, { id, ariaLabel } = {}) {
  const width = 420;
  const rowH = 30;
  const height = points.length * rowH + 6;
  const labelW = 44;
  const valueW = 76;
  const innerW = width - labelW - valueW;
  const total = points.reduce((s, p) => s + p.value, 0);
  const max = Math.max(1, ...points.map((p) => p.value));
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart rows', id, role: 'img', 'aria-label': ariaLabel });
  points.forEach((p, i) => {
    const y = i * rowH + 4;
    const w = (p.value / max) * innerW;
    root.appendChild(svg('text', { x: 0, y: y + 17, class: 'row-label', text: p.label }));
    root.appendChild(svg('rect', { x: labelW, y: y + 4, width: innerW, height: 18, rx: 6, class: 'track' }));
    root.appendChild(svg('rect', { x: labelW, y: y + 4, width: Math.max(w, p.value > 0 ? 4 : 0), height: 18, rx: 6,
      class: `bar ${p.className || ''}`, 'data-label': p.label, 'data-value': p.value },
    svg('title', { text: `${p.label}: ${p.value}` })));
    const share = total ? Math.round((p.value / total) * 100) : 0;
    root.appendChild(svg('text', { x: width, y: y + 17, class: 'row-value', 'text-anchor': 'end',
      text: `${p.value} · ${share}%` }));
  });
  return root;
}
