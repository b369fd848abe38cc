// Webhooks: endpoints (the secret is shown once, when created), their deliveries with every attempt, and re-sending.
import { api } from './api.js';
import { clear, dateTime, el, icon, toast } from './dom.js';
import { CrudView } from './crud.js';

const EVENTS = [
  { value: 'chat.started', label: 'Chat started' },
  { value: 'message.created', label: 'Message created' },
  { value: 'chat.updated', label: 'Chat updated (status, department, assignee)' },
  { value: 'chat.rated', label: 'Chat rated' },
  { value: 'chat.transferred', label: 'Chat transferred' },
  { value: 'transcript.sent', label: 'Transcript sent' },
];

export class WebhooksView {
  constructor(root) {
    this.root = root;
    this.selected = null;
    this.secretDialog = el('dialog', { class: 'editor', id: 'webhook-secret-dialog', 'aria-labelledby': 'webhook-secret-title' });
    this.deliveries = el('section', { class: 'panel', id: 'webhook-deliveries', hidden: true, 'aria-live': 'polite' });
    this.crud = new CrudView(root, {
      id: 'webhooks',
      noun: 'webhook',
      intro: 'Parley posts signed JSON (Standard Webhooks) to these URLs when chats change, and retries until they answer 2xx.',
      emptyText: 'No webhooks yet.',
      columns: [
        { label: 'Endpoint', value: (w) => el('span', null, el('strong', { class: 'webhook-url', text: w.url }),
          w.description ? el('small', { class: 'muted block', text: w.description }) : null) },
        { label: 'Events', value: (w) => el('span', { class: 'events' }, w.events.map((e) => el('code', { text: e }))) },
        { label: 'Status', value: (w) => status(w) },
      ],
      fields: [
        { name: 'url', label: 'URL', type: 'url', required: true, placeholder: 'https://tickets.example.com/hooks/parley' },
        { name: 'description', label: 'Description', placeholder: 'Opens a ticket for every new chat' },
        { name: 'events', label: 'Events', type: 'choices', options: EVENTS, defaultValue: ['chat.started'] },
        { name: 'enabled', label: 'Enabled', type: 'checkbox' },
      ],
      load: () => api.webhooks(),
      toValues: (w) => ({ ...w }),
      create: (v) => api.createWebhook(v),
      update: (w, v) => api.updateWebhook(w.id, v),
      remove: (w) => api.deleteWebhook(w.id),
      created: (result) => this.showSecret(result),
      loaded: (records) => {
        const still = this.selected && records.find((w) => w.id === this.selected.id);
        if (still) this.showDeliveries(still); else this.hideDeliveries();
      },
      actions: (w, crud) => [
        el('button', { class: 'btn small', type: 'button', text: 'Deliveries', dataset: { action: 'deliveries' },
          'aria-label': `Deliveries to ${w.url}`, onclick: () => this.showDeliveries(w) }),
        el('button', { class: 'btn small', type: 'button', text: w.enabled ? 'Disable' : 'Enable',
          dataset: { action: 'toggle' }, onclick: () => this.toggle(w, crud) }),
      ],
    });
    root.appendChild(this.deliveries);
    root.appendChild(this.secretDialog);
  }

  showSecret(result) {
    clear(this.secretDialog);
    const done = el('button', { class: 'btn primary', type: 'button', id: 'webhook-secret-done', text: 'I have copied it',
      onclick: () => this.secretDialog.close() });
    this.secretDialog.appendChild(el('div', { class: 'editor-form' },
      el('h2', { id: 'webhook-secret-title', text: 'The signing secret' }),
      el('p', { text: `Receivers of ${result.endpoint.url} verify each delivery's webhook-signature with this secret.` }),
      el('p', null, el('code', { id: 'webhook-secret', class: 'secret', text: result.secret })),
      el('p', { class: 'form-error', text: 'Copy it now: it is not shown again.' }),
      el('div', { class: 'editor-actions' }, done)));
    this.secretDialog.showModal();
    done.focus();
  }

  async toggle(w, crud) {
    try {
      await api.updateWebhook(w.id, { enabled: !w.enabled });
      toast(w.enabled ? 'Webhook disabled' : 'Webhook enabled', 'success');
      crud.load();
    } catch (err) {
      toast(err.message, 'error');
    }
  }

  hideDeliveries() {
    this.selected = null;
    this.deliveries.hidden = true;
  }

  async showDeliveries(w) {
    this.selected = w;
    this.deliveries.hidden = false;
    clear(this.deliveries);
    const body = el('div', { class: 'deliveries-body' }, el('p', { class: 'muted', text: 'Loading…' }));
    this.deliveries.appendChild(el('div', { class: 'panel-head' },
      el('h2', { text: `Deliveries to ${w.url}` }),
      el('button', { class: 'btn small', type: 'button', id: 'deliveries-refresh', onclick: () => this.showDeliveries(w) },
        icon('refresh'), 'Refresh')));
    this.deliveries.appendChild(body);
    try {
      const list = await api.webhookDeliveries(w.id);
      if (this.selected !== w) return;
      clear(body);
      if (!list.length) {
        body.appendChild(el('p', { class: 'muted', text: 'Nothing sent yet: deliveries appear when a subscribed event happens.' }));
        return;
      }
      body.appendChild(el('table', { class: 'table', id: 'deliveries-table' },
        el('thead', null, el('tr', null, ['Created', 'Event', 'Status', 'Attempts', ''].map((h) => el('th', { text: h })))),
        el('tbody', null, list.map((d) => this.deliveryRow(w, d)))));
    } catch (err) {
      if (err.status !== 401) toast(err.message, 'error');
    }
  }

  deliveryRow(w, d) {
    const resend = el('button', { class: 'btn small', type: 'button', text: 'Re-send', dataset: { action: 'resend' },
      onclick: async () => {
        resend.disabled = true;
        try {
          await api.resendDelivery(d.id);
          toast('Queued to be sent again', 'success');
          this.showDeliveries(w);
        } catch (err) {
          resend.disabled = false;
          toast(err.message, 'error');
        }
      } });
    return el('tr', { class: 'delivery', dataset: { id: String(d.id), webhookId: d.webhookId } },
      el('td', null, el('span', { text: dateTime(d.createdAt) }), el('small', { class: 'muted block', text: d.webhookId })),
      el('td', null, el('code', { text: d.type })),
      el('td', null, el('span', { class: `pill delivery-${d.status.toLowerCase()}`, text: d.status })),
      el('td', null, el('ol', { class: 'attempts' }, d.attemptLog.map(attempt))),
      el('td', { class: 'actions' }, resend));
  }
}

function status(w) {
  if (w.enabled) {
    return el('span', { class: `pill ${w.failingSince ? 'warn' : 'ok'}`, text: w.failingSince ? 'Failing' : 'Enabled' });
  }
  return el('span', null, el('span', { class: 'pill off', text: 'Disabled' }),
    w.disabledReason ? el('small', { class: 'muted block', text: w.disabledReason }) : null);
}

function attempt(a) {
  return el('li', { class: 'attempt' },
    el('span', { class: 'attempt-at', text: dateTime(a.at) }), ' · ',
    el('strong', { class: 'attempt-status', text: a.statusCode == null ? 'no answer' : String(a.statusCode) }), ' · ',
    el('span', { class: 'attempt-duration', text: `${a.durationMillis} ms` }),
    a.response ? el('code', { class: 'attempt-response block', text: a.response }) : null);
}
