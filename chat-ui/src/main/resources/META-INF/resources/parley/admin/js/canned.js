// Canned responses: the management page, and the "/" picker of the reply box (an ARIA combobox with a listbox).
import { api } from './api.js';
import { clear, debounce, el } from './dom.js';
import { CrudView } from './crud.js';

const SCOPES = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'department', label: 'One department' },
  { value: 'personal', label: 'Only me (personal)' },
];

export class CannedView {
  constructor(root, ctx) {
    this.crud = new CrudView(root, {
      id: 'canned',
      noun: 'canned response',
      intro: 'Type / and part of a shortcut in the reply box to insert one. {{visitor.name}}, {{agent.name}} and '
        + '{{department.name}} are filled in, with a fallback after a bar: {{visitor.name | "there"}}.',
      emptyText: 'No canned responses yet.',
      columns: [
        { label: 'Shortcut', value: (r) => el('code', { class: 'canned-shortcut', text: `/${r.shortcut}` }) },
        { label: 'Response', value: (r) => el('span', null, el('strong', { text: r.title }),
          el('small', { class: 'muted block canned-text', text: r.text })) },
        { label: 'Scope', value: (r) => el('span', { class: 'pill off', text: scopeLabel(r, ctx) }) },
      ],
      fields: [
        { name: 'shortcut', label: 'Shortcut', required: true, placeholder: 'refund',
          help: 'Lower-case letters, digits, - and _; typed after / in the reply box.' },
        { name: 'title', label: 'Title', required: true, placeholder: 'Refund policy' },
        { name: 'text', label: 'Text', type: 'textarea', rows: 5, required: true,
          placeholder: 'Hi {{visitor.name | "there"}}, refunds take 3 to 5 days.' },
        { name: 'scope', label: 'Who may use it', type: 'select', options: SCOPES, defaultValue: 'everyone' },
        { name: 'department', label: 'Department (for one department)', type: 'select',
          options: () => [{ value: '', label: '—' }, ...ctx.departments.map((d) => ({ value: d.slug, label: d.name }))] },
      ],
      load: () => api.cannedResponses(),
      toValues: (r) => ({ ...r, department: r.department || '' }),
      create: (v) => api.createCanned(body(v)),
      update: (r, v) => api.updateCanned(r.id, body(v)),
      remove: (r) => api.deleteCanned(r.id),
    });
  }
}

function body(v) {
  return { ...v, department: v.scope === 'department' ? v.department : null };
}

function scopeLabel(r, ctx) {
  if (r.scope === 'department') return `Department: ${ctx.departmentName(r.department)}`;
  if (r.scope === 'personal') return 'Personal';
  return 'Everyone';
}

/** The "/" token just before the caret ("/ref" at the start or after a space), or null. */
function tokenAt(textarea) {
  const before = textarea.value.substring(0, textarea.selectionStart);
  const m = /(^|\s)\/([\w-]{0,30})$/.exec(before);
  return m ? { start: before.length - m[2].length - 1, query: m[2] } : null;
}

/**
 * Makes the textarea offer canned responses while the admin types "/" and part of a shortcut: ArrowUp/ArrowDown move,
 * Enter or Tab inserts the chosen one (its text filled with the chat's values by the server, inserted as plain
 * text), Escape closes. Attach it before the textarea's own Enter handler: it stops Enter while the list is open.
 */
export function attachCannedPicker(textarea, chatId) {
  const list = el('ul', { id: 'canned-list', class: 'canned-list', role: 'listbox', 'aria-label': 'Canned responses', hidden: true });
  let options = [];
  let active = -1;
  let token = null;
  let asked = 0;
  textarea.setAttribute('role', 'combobox');
  textarea.setAttribute('aria-autocomplete', 'list');
  textarea.setAttribute('aria-controls', 'canned-list');
  textarea.setAttribute('aria-expanded', 'false');

  const close = () => {
    options = [];
    active = -1;
    list.hidden = true;
    clear(list);
    textarea.setAttribute('aria-expanded', 'false');
    textarea.removeAttribute('aria-activedescendant');
  };

  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, n) => li.setAttribute('aria-selected', n === i ? 'true' : 'false'));
    const li = list.children[i];
    if (li) {
      textarea.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  };

  const choose = (i) => {
    const r = options[i];
    if (!r || !token) return;
    const insert = r.filled ?? r.text;
    const end = textarea.selectionStart;
    textarea.value = textarea.value.substring(0, token.start) + insert + textarea.value.substring(end);
    const caret = token.start + insert.length;
    textarea.setSelectionRange(caret, caret);
    close();
    textarea.focus();
  };

  const render = (found) => {
    options = found.slice(0, 8);
    clear(list);
    if (!options.length) { close(); return; }
    options.forEach((r, i) => {
      list.appendChild(el('li', { id: `canned-option-${i}`, class: 'canned-option', role: 'option', 'aria-selected': 'false',
        dataset: { shortcut: r.shortcut },
        onmousedown: (e) => { e.preventDefault(); choose(i); } },
        el('span', { class: 'canned-option-head' }, el('code', { text: `/${r.shortcut}` }), ' ', el('strong', { text: r.title })),
        el('span', { class: 'canned-option-text', text: r.filled ?? r.text })));
    });
    list.hidden = false;
    textarea.setAttribute('aria-expanded', 'true');
    highlight(0);
  };

  const search = debounce(async () => {
    token = tokenAt(textarea);
    if (!token) { close(); return; }
    const n = ++asked;
    try {
      const found = await api.cannedResponses(token.query, chatId());
      if (n === asked && tokenAt(textarea)) render(found);
    } catch {
      close();
    }
  }, 120);

  textarea.addEventListener('input', () => {
    if (tokenAt(textarea)) search(); else { asked++; close(); }
  });
  textarea.addEventListener('keydown', (e) => {
    if (list.hidden || !options.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      highlight((active + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      choose(active < 0 ? 0 : active);
    } else if (e.key === 'Escape') {
      close();
    } else {
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
  });
  textarea.addEventListener('blur', () => setTimeout(close, 150));
  return list;
}
