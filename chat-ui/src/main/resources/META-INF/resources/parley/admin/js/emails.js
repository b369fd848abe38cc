// Emails: what Parley sent, as captured by the demo's embedded SMTP server. HTML is shown in a sandboxed iframe.
import { api } from './api.js';
import { clear, dateTime, el, icon, relativeTime, toast } from './dom.js';

const POLL_MS = 4000;

export class EmailsView {
  constructor(root) {
    this.root = root;
    this.selectedId = null;
    this.emails = [];
    this.list = el('ul', { class: 'mail-list', id: 'email-list', 'aria-label': 'Captured emails' });
    this.reader = el('section', { class: 'mail-reader', id: 'email-reader' });
    this.note = el('p', { class: 'muted', id: 'email-note' });
    root.appendChild(el('div', { class: 'page-head' }, this.note,
      el('div', { class: 'head-actions' },
        el('button', { class: 'btn', id: 'emails-refresh', type: 'button', onclick: () => this.load() }, icon('refresh'), 'Refresh'),
        el('button', { class: 'btn ghost', id: 'emails-clear', type: 'button', onclick: () => this.clearAll() }, 'Clear all'))));
    root.appendChild(el('div', { class: 'mail-layout' }, el('section', { class: 'panel flush mail-list-pane' }, this.list), this.reader));
    this.renderReader(null);
    this.load();
    this.timer = setInterval(() => this.load(), POLL_MS);
  }

  destroy() {
    clearInterval(this.timer);
  }

  async load() {
    try {
      const data = await api.emails();
      this.emails = data.emails || [];
      this.note.textContent = data.capturing
        ? 'Every email Parley sends is caught by the demo’s embedded SMTP server and shown here — nothing leaves this machine.'
        : 'SMTP is configured, so emails go to real inboxes and are not captured here.';
      this.renderList();
    } catch (err) {
      if (err.status !== 401) toast(err.message, 'error');
    }
  }

  async clearAll() {
    try {
      await api.clearEmails();
      this.selectedId = null;
      this.renderReader(null);
      this.load();
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  renderList() {
    clear(this.list);
    if (!this.emails.length) {
      this.list.appendChild(el('li', { class: 'empty-list' }, icon('mail'),
        el('p', { text: 'No emails yet. Start a chat in the widget: every admin gets a new-chat email.' })));
      return;
    }
    for (const m of this.emails) {
      this.list.appendChild(el('li', { class: `mail-item${m.id === this.selectedId ? ' selected' : ''}` },
        el('button', { type: 'button', class: 'mail-link', onclick: () => this.select(m.id) },
          el('span', { class: 'mail-top' }, el('strong', { class: 'mail-subject', text: m.subject }),
            el('span', { class: 'when', text: relativeTime(m.receivedAt) })),
          el('span', { class: 'mail-to muted', text: `To ${m.to.join(', ')}` }))));
    }
  }

  select(id) {
    this.selectedId = id;
    this.renderList();
    this.renderReader(this.emails.find((m) => m.id === id) || null);
  }

  renderReader(m) {
    clear(this.reader);
    if (!m) {
      this.reader.appendChild(el('div', { class: 'empty-state' }, icon('mail'), el('h2', { text: 'Select an email' }),
        el('p', { class: 'muted', text: 'New-chat alerts, batched offline messages and “an agent is available” emails show up here.' })));
      return;
    }
    const head = el('dl', { class: 'mail-head' },
      el('dt', { text: 'Subject' }), el('dd', { class: 'mail-subject', text: m.subject }),
      el('dt', { text: 'From' }), el('dd', { text: m.from }),
      el('dt', { text: 'To' }), el('dd', { text: m.to.join(', ') }),
      el('dt', { text: 'Sent' }), el('dd', { text: dateTime(m.receivedAt) }));
    const tabs = el('div', { class: 'segmented' });
    const body = el('div', { class: 'mail-body' });
    const show = (kind) => {
      clear(body);
      tabs.querySelectorAll('button').forEach((b) => b.classList.toggle('active', b.dataset.kind === kind));
      if (kind === 'html') {
        // No allow-scripts, no allow-same-origin: the email cannot run code or reach the dashboard.
        const frame = el('iframe', { class: 'mail-frame', id: 'email-frame', sandbox: '', referrerpolicy: 'no-referrer',
          title: 'Email preview' });
        frame.srcdoc = m.html;
        body.appendChild(frame);
      } else {
        body.appendChild(el('pre', { class: 'mail-text', id: 'email-text', text: m.text || '' }));
      }
    };
    if (m.html) tabs.appendChild(el('button', { type: 'button', text: 'HTML', dataset: { kind: 'html' }, onclick: () => show('html') }));
    if (m.text) tabs.appendChild(el('button', { type: 'button', text: 'Plain text', dataset: { kind: 'text' }, onclick: () => show('text') }));
    this.reader.appendChild(el('div', { class: 'panel' }, head, tabs, body));
    show(m.html ? 'html' : 'text');
  }
}
