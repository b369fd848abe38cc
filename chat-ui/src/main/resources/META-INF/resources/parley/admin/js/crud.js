// A table of records with an editor dialog: shared by the departments and knowledge-base pages.
import { clear, el, icon, toast } from './dom.js';

/**
 * options: { id, noun, columns: [{label, value(record) -> Node|string}], fields: [{name, label, type, required,
 * placeholder, help, rows, options (for 'choices' and 'select': [{value, label}] or a function giving them)}], load(), create(values), update(record, values), remove(record),
 * toValues(record), emptyText, intro, actions(record) -> [Node] (more buttons of a row), created(result) (after a
 * creation, e.g. to show a secret), loaded(records) }
 * A field of type 'choices' is a group of checkboxes ({value, label} options) whose value is the array checked.
 */
export class CrudView {
  constructor(root, options) {
    this.root = root;
    this.o = options;
    this.records = [];
    this.table = el('table', { class: 'table', id: `${options.id}-table` });
    this.dialog = el('dialog', { class: 'editor', id: `${options.id}-editor` });
    root.appendChild(el('div', { class: 'page-head' },
      el('p', { class: 'muted', text: options.intro }),
      el('button', { class: 'btn primary', id: `${options.id}-new`, type: 'button', onclick: () => this.edit(null) },
        icon('plus'), `New ${options.noun}`)));
    root.appendChild(el('section', { class: 'panel flush' }, this.table));
    root.appendChild(this.dialog);
    this.load();
  }

  async load() {
    try {
      const data = await this.o.load();
      this.records = Array.isArray(data) ? data : (data && (data.items || data.content)) || [];
      this.render();
      if (this.o.loaded) this.o.loaded(this.records);
    } catch (err) {
      if (err.status !== 401) toast(err.message, 'error');
    }
  }

  render() {
    clear(this.table);
    this.table.appendChild(el('thead', null, el('tr', null,
      this.o.columns.map((c) => el('th', { text: c.label })), el('th', { class: 'actions', text: '' }))));
    const body = el('tbody');
    if (!this.records.length) {
      body.appendChild(el('tr', null, el('td', { colspan: this.o.columns.length + 1, class: 'muted', text: this.o.emptyText })));
    }
    for (const r of this.records) {
      body.appendChild(el('tr', { dataset: { id: String(r.id) } },
        this.o.columns.map((c) => el('td', { class: c.className || '' }, c.value(r))),
        el('td', { class: 'actions' },
          this.o.actions ? this.o.actions(r, this) : null,
          el('button', { class: 'btn small', type: 'button', text: 'Edit', onclick: () => this.edit(r) }),
          el('button', { class: 'btn small danger-ghost', type: 'button', text: 'Delete', onclick: () => this.remove(r) }))));
    }
    this.table.appendChild(body);
  }

  edit(record) {
    const values = record ? this.o.toValues(record) : {};
    const inputs = {};
    const error = el('p', { class: 'form-error', role: 'alert', hidden: true });
    const fields = this.o.fields.map((f) => {
      let input;
      if (f.type === 'choices') {
        const chosen = new Set(values[f.name] || f.defaultValue || []);
        input = f.options.map((o) => {
          const box = el('input', { name: f.name, type: 'checkbox', value: o.value });
          box.checked = chosen.has(o.value);
          return box;
        });
        inputs[f.name] = input;
        return el('fieldset', { class: 'field choices' }, el('legend', { text: f.label }),
          input.map((box, i) => el('label', { class: 'check' }, box, el('span', { text: f.options[i].label }))),
          f.help ? el('small', { class: 'muted', text: f.help }) : null);
      }
      if (f.type === 'select') {
        input = el('select', { name: f.name },
          (typeof f.options === 'function' ? f.options() : f.options).map((o) => el('option', { value: o.value, text: o.label })));
        input.value = values[f.name] ?? f.defaultValue ?? '';
      } else if (f.type === 'textarea') {
        input = el('textarea', { name: f.name, rows: f.rows || 6, placeholder: f.placeholder || '' });
        input.value = values[f.name] ?? '';
      } else if (f.type === 'checkbox') {
        input = el('input', { name: f.name, type: 'checkbox' });
        input.checked = record ? !!values[f.name] : f.defaultValue !== false;
      } else {
        input = el('input', { name: f.name, type: f.type || 'text', placeholder: f.placeholder || '' });
        input.value = values[f.name] ?? '';
      }
      inputs[f.name] = input;
      if (f.type === 'checkbox') {
        return el('label', { class: 'check' }, input, el('span', { text: f.label }));
      }
      return el('label', { class: 'field' }, el('span', { text: f.label + (f.required ? '' : ' (optional)') }), input,
        f.help ? el('small', { class: 'muted', text: f.help }) : null);
    });
    const form = el('form', { method: 'dialog', class: 'editor-form' },
      el('h2', { text: record ? `Edit ${this.o.noun}` : `New ${this.o.noun}` }),
      fields, error,
      el('div', { class: 'editor-actions' },
        el('button', { class: 'btn ghost', type: 'button', text: 'Cancel', onclick: () => this.dialog.close() }),
        el('button', { class: 'btn primary', type: 'submit', id: `${this.o.id}-save`, text: 'Save' })));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const out = {};
      for (const f of this.o.fields) {
        const input = inputs[f.name];
        if (f.type === 'choices') out[f.name] = input.filter((b) => b.checked).map((b) => b.value);
        else if (f.type === 'checkbox') out[f.name] = input.checked;
        else if (f.type === 'number') out[f.name] = input.value === '' ? null : Number(input.value);
        else out[f.name] = input.value.trim() === '' ? null : input.value.trim();
      }
      try {
        const result = record ? await this.o.update(record, out) : await this.o.create(out);
        this.dialog.close();
        if (!record && this.o.created) this.o.created(result);
        toast(`${capitalise(this.o.noun)} saved`, 'success');
        this.load();
      } catch (err) {
        error.textContent = err.message;
        error.hidden = false;
      }
    });
    clear(this.dialog);
    this.dialog.appendChild(form);
    this.dialog.showModal();
    const first = form.querySelector('input, textarea');
    if (first) first.focus();
  }

  async remove(record) {
    if (!window.confirm(`Delete this ${this.o.noun}? This cannot be undone.`)) return;
    try {
      await this.o.remove(record);
      toast(`${capitalise(this.o.noun)} deleted`, 'success');
      this.load();
    } catch (err) {
      toast(err.message, 'error');
    }
  }
}

function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function yesNo(value, yes, no) {
  return el('span', { class: `pill ${value ? 'ok' : 'off'}`, text: value ? yes : no });
}
