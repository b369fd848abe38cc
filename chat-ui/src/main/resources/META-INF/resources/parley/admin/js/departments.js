// Departments: what visitors choose from, and where department emails go.
import { api } from './api.js';
import { el } from './dom.js';
import { CrudView, yesNo } from './crud.js';

const active = (d) => (d.active ?? d.isActive) !== false;

export class DepartmentsView {
  constructor(root, ctx) {
    const refresh = () => ctx.reloadDepartments();
    this.crud = new CrudView(root, {
      id: 'departments',
      noun: 'department',
      intro: 'Visitors pick one of the active departments when they start a chat. A department email gets its new-chat alerts.',
      emptyText: 'No departments.',
      columns: [
        { label: 'Name', value: (d) => el('span', null, el('strong', { text: d.name }),
          d.description ? el('small', { class: 'muted block', text: d.description }) : null) },
        { label: 'Slug', value: (d) => el('code', { text: d.slug }) },
        { label: 'Email', value: (d) => d.email || '—' },
        { label: 'Status', value: (d) => yesNo(active(d), 'Active', 'Inactive') },
        { label: 'Order', value: (d) => String(d.sortOrder ?? 0), className: 'num' },
      ],
      fields: [
        { name: 'name', label: 'Name', required: true, placeholder: 'Returns' },
        { name: 'slug', label: 'Slug', placeholder: 'returns', help: 'Lower-case letters, digits and hyphens. Derived from the name when empty.' },
        { name: 'description', label: 'Description', type: 'textarea', rows: 2, placeholder: 'Shown to visitors' },
        { name: 'email', label: 'Notification email', type: 'email', placeholder: 'returns@example.com' },
        { name: 'sortOrder', label: 'Sort order', type: 'number' },
        { name: 'isActive', label: 'Active (visitors can choose it)', type: 'checkbox' },
      ],
      load: () => api.departments(),
      toValues: (d) => ({ ...d, isActive: active(d) }),
      create: async (v) => { await api.createDepartment({ ...v, active: v.isActive }); await refresh(); },
      update: async (d, v) => { await api.updateDepartment({ id: d.id, ...v, active: v.isActive }); await refresh(); },
      remove: async (d) => { await api.deleteDepartment(d.id); await refresh(); },
    });
  }
}
