// Knowledge base: the articles the widget suggests while visitors type.
import { api } from './api.js';
import { el } from './dom.js';
import { CrudView, yesNo } from './crud.js';

const published = (a) => !!(a.published ?? a.isPublished);

export class KnowledgeView {
  constructor(root) {
    this.crud = new CrudView(root, {
      id: 'articles',
      noun: 'article',
      intro: 'Published articles are suggested to visitors while they type, best match first.',
      emptyText: 'No articles yet.',
      columns: [
        { label: 'Title', value: (a) => el('span', null, el('strong', { text: a.title }),
          el('small', { class: 'muted block', text: a.keywords || '' })) },
        { label: 'Category', value: (a) => a.category || '—' },
        { label: 'Status', value: (a) => yesNo(published(a), 'Published', 'Draft') },
        { label: 'Views', value: (a) => String(a.viewCount ?? 0), className: 'num' },
        { label: 'Order', value: (a) => String(a.sortOrder ?? 0), className: 'num' },
      ],
      fields: [
        { name: 'title', label: 'Title', required: true, placeholder: 'How to change your delivery address' },
        { name: 'slug', label: 'Slug', help: 'Derived from the title when empty.' },
        { name: 'category', label: 'Category', placeholder: 'Orders' },
        { name: 'keywords', label: 'Keywords', placeholder: 'address, delivery, change', help: 'Comma-separated; they rank above words of the body.' },
        { name: 'content', label: 'Content', type: 'textarea', rows: 8, required: true },
        { name: 'sortOrder', label: 'Sort order', type: 'number' },
        { name: 'isPublished', label: 'Published (visitors can find it)', type: 'checkbox', defaultValue: false },
      ],
      load: () => api.articles(),
      toValues: (a) => ({ ...a, isPublished: published(a) }),
      create: (v) => api.createArticle({ ...v, published: v.isPublished }),
      update: (a, v) => api.updateArticle({ id: a.id, ...v, published: v.isPublished }),
      remove: (a) => api.deleteArticle(a.id),
    });
  }
}
