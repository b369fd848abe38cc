// Analytics: summary cards, daily volume, rating distribution, departments and the best-rated chats.
import { api } from './api.js';
import { clear, el, formatDuration, stars, toast, dateTime } from './dom.js';
import { barRows, columnChart } from './charts.js';

const RANGES = [7, 14, 30, 90];

export class AnalyticsView {
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.days = Number(sessionStorage.getItem('parley.admin.days')) || 7;
    this.body = el('div', { class: 'analytics', id: 'analytics' });
    this.range = el('div', { class: 'segmented', role: 'group', 'aria-label': 'Period' });
    this.root.appendChild(el('div', { class: 'page-head' },
      el('p', { class: 'muted', id: 'analytics-window' }), this.range));
    this.root.appendChild(this.body);
    this.renderRange();
    this.load();
    let timer;
    this.unsubscribe = ctx.onEvent((type) => {
      if (type === 'presence') return;
      clearTimeout(timer);
      timer = setTimeout(() => this.load(), 1500);
    });
  }

  destroy() {
    this.unsubscribe();
  }

  renderRange() {
    clear(this.range);
    for (const d of RANGES) {
      this.range.appendChild(el('button', {
        type: 'button', class: d === this.days ? 'active' : '', 'aria-pressed': d === this.days ? 'true' : 'false',
        text: `${d} days`, dataset: { days: String(d) },
        onclick: () => { this.days = d; sessionStorage.setItem('parley.admin.days', String(d)); this.renderRange(); this.load(); },
      }));
    }
  }

  async load() {
    try {
      const report = await api.analytics(this.days);
      this.render(report);
    } catch (err) {
      if (err.status !== 401) toast(err.message, 'error');
    }
  }

  render(r) {
    const s = r.summary || {};
    document.getElementById('analytics-window').textContent =
      `Chats started in the last ${r.days || this.days} days${r.zone ? ` (${r.zone})` : ''}`;
    clear(this.body);
    const card = (id, label, value, sub) => el('div', { class: 'stat-card', id },
      el('span', { class: 'stat-label', text: label }),
      el('strong', { class: 'stat-value', text: value }),
      sub ? el('span', { class: 'stat-sub', text: sub }) : null);
    this.body.appendChild(el('div', { class: 'stat-grid' },
      card('stat-total', 'Total chats', String(s.totalChats ?? 0), `${s.activeChats ?? 0} open now`),
      card('stat-resolved', 'Resolved', String(s.resolvedChats ?? 0), `${s.resolutionRate ?? 0}% resolution rate`),
      card('stat-rating', 'Average rating', s.avgRating != null ? `${Number(s.avgRating).toFixed(2)} ★` : '—',
        `${sumValues(r.ratingDistribution)} rated`),
      card('stat-response', 'First response', formatDuration(s.avgResponseTime), 'average'),
      card('stat-resolution', 'Time to resolve', formatDuration(s.avgResolutionTime), 'average'),
      card('stat-messages', 'Messages per chat', String(s.avgMessagesPerChat ?? 0), 'average')));

    const daily = Object.entries(r.dailyVolume || {}).map(([date, value]) => ({
      label: shortDate(date), value: Number(value), title: `${longDate(date)}: ${value} chat${value === 1 ? '' : 's'}`,
    }));
    const ratings = [5, 4, 3, 2, 1].map((n) => ({
      label: `${n} ★`, value: Number((r.ratingDistribution || {})[n] ?? 0), className: `r${n}`,
    }));
    this.body.appendChild(el('div', { class: 'panels' },
      el('section', { class: 'panel wide' },
        el('h2', { text: 'Daily volume' }),
        columnChart(daily, { id: 'chart-daily', ariaLabel: 'Chats per day' })),
      el('section', { class: 'panel' },
        el('h2', { text: 'Rating distribution' }),
        barRows(ratings, { id: 'chart-ratings', ariaLabel: 'Chats per rating' }))));

    const depts = Object.entries(r.departmentStats || {});
    const deptTable = el('table', { class: 'table', id: 'department-stats' },
      el('thead', null, el('tr', null, el('th', { text: 'Department' }), el('th', { text: 'Chats' }),
        el('th', { text: 'Resolved' }), el('th', { text: '' }))),
      el('tbody', null, depts.length ? depts.map(([slug, d]) => {
        const pct = d.count ? Math.round((d.resolved / d.count) * 100) : 0;
        return el('tr', null, el('td', { text: this.ctx.departmentName(slug) }), el('td', { text: String(d.count) }),
          el('td', { text: String(d.resolved) }),
          el('td', { class: 'meter-cell' }, el('span', { class: 'meter' }, el('span', { style: { width: `${pct}%` } })),
            el('small', { text: `${pct}%` })));
      }) : el('tr', null, el('td', { colspan: 4, class: 'muted', text: 'No chats in this period.' }))));
    const top = (r.topRatedChats || []);
    const topList = el('ul', { class: 'top-rated', id: 'top-rated' }, top.length ? top.map((c) => el('li', null,
      el('a', { href: `#/chats/${c.chatId}` },
        el('span', { class: 'top-head' }, el('strong', { text: c.visitorName }), stars(c.rating, 'stars small')),
        c.ratingComment ? el('span', { class: 'quote', text: `“${c.ratingComment}”` }) : null,
        el('span', { class: 'muted small', text: `${this.ctx.departmentName(c.department)} · ${dateTime(c.createdAt)}` }))))
      : el('li', { class: 'muted', text: 'No rated chats yet.' }));
    this.body.appendChild(el('div', { class: 'panels' },
      el('section', { class: 'panel' }, el('h2', { text: 'By department' }), deptTable),
      el('section', { class: 'panel' }, el('h2', { text: 'Best rated' }), topList)));
  }
}

function sumValues(map) {
  return Object.values(map || {}).reduce((s, v) => s + Number(v), 0);
}

function shortDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString([], { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function longDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' });
}
