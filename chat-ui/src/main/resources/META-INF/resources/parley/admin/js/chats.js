// Chats: the filtered list (live), and one conversation with replies, attachments and changes.
import { api, session } from './api.js';
import { attachCannedPicker } from './canned.js';
import { announceTransfer, noteNode, openTransferDialog } from './transfer.js';
import {
  clear, dateTime, debounce, el, formatDuration, formatSize, icon, relativeTime, safeUrl, stars, time, toast,
} from './dom.js';

const STATUSES = ['ACTIVE', 'WAITING', 'RESOLVED', 'CLOSED'];
const STATUS_LABELS = { ACTIVE: 'Active', WAITING: 'Waiting', RESOLVED: 'Resolved', CLOSED: 'Closed' };
const PAGE_SIZE = 50;

export function statusPill(status) {
  return el('span', { class: `pill status-${String(status).toLowerCase()}`, text: STATUS_LABELS[status] || status });
}

function items(page) {
  if (Array.isArray(page)) return page;
  return (page && (page.items || page.content || page.chats)) || [];
}

function chatOf(item) {
  return item && item.chat ? item.chat : item;
}

function lastMessageOf(item) {
  return item && (item.lastMessage || (item.chat && item.chat.lastMessage)) || null;
}

export class ChatsView {
  constructor(root, ctx, rest) {
    this.ctx = ctx;
    this.root = root;
    this.openId = null;
    this.openChat = null;
    this.messageIds = new Set();
    this.seen = JSON.parse(sessionStorage.getItem('parley.admin.seen') || '{}');
    this.filters = { status: '', department: '', assignedTo: '', rating: '', text: '' };
    this.build();
    this.reload = debounce(() => this.loadList(), 250);
    this.unsubscribe = ctx.onEvent((type, data) => this.onEvent(type, data));
    this.loadList();
    this.update(rest);
  }

  destroy() {
    this.unsubscribe();
  }

  update(rest) {
    const id = rest && rest[0] ? Number(rest[0]) : null;
    if (id && id !== this.openId) this.openConversation(id);
    if (!id) this.showEmpty();
  }

  build() {
    const f = this.filters;
    const select = (id, label, options, key) => {
      const s = el('select', { id, 'aria-label': label, class: 'filter' },
        options.map(([value, text]) => el('option', { value, text })));
      s.addEventListener('change', () => { f[key] = s.value; this.loadList(); });
      return s;
    };
    const search = el('input', { id: 'filter-text', type: 'search', placeholder: 'Search name, email or message',
      'aria-label': 'Search chats', class: 'search' });
    search.addEventListener('input', debounce(() => { f.text = search.value.trim(); this.loadList(); }, 300));

    const me = session.admin ? session.admin.id : null;
    this.filterBar = el('div', { class: 'filters' },
      el('div', { class: 'search-wrap' }, icon('search'), search),
      el('div', { class: 'filter-row' },
        select('filter-status', 'Status', [['', 'All statuses'], ...STATUSES.map((s) => [s, STATUS_LABELS[s]])], 'status'),
        select('filter-department', 'Department', [['', 'All departments'],
          ...this.ctx.departments.map((d) => [d.slug, d.name])], 'department'),
        select('filter-assignee', 'Assignee', [['', 'Anyone'],
          ...this.ctx.admins.map((a) => [a.id, a.id === me ? `${a.name} (me)` : a.name])], 'assignedTo'),
        select('filter-rating', 'Rating', [['', 'Any rating'], ...[5, 4, 3, 2, 1].map((n) => [String(n), `${n} ★`])],
          'rating')));
    this.list = el('ul', { class: 'chat-list', id: 'chat-list', 'aria-label': 'Chats' });
    this.listFoot = el('p', { class: 'list-foot muted' });
    this.conversation = el('section', { class: 'conversation', id: 'conversation', 'aria-label': 'Conversation' });
    this.root.appendChild(el('div', { class: 'chats-layout' },
      el('section', { class: 'chat-list-pane' }, this.filterBar, this.list, this.listFoot),
      this.conversation));
  }

  async loadList() {
    const seq = (this.loadSeq = (this.loadSeq || 0) + 1);
    try {
      const page = await api.chats({ ...this.filters, page: 0, size: PAGE_SIZE });
      if (seq !== this.loadSeq) return;
      this.renderList(items(page), page && page.total);
    } catch (err) {
      if (err.status !== 401) toast(err.message, 'error');
    }
    this.updateOpenCount();
  }

  async updateOpenCount() {
    try {
      const [a, w] = await Promise.all([
        api.chats({ status: 'ACTIVE', size: 1 }), api.chats({ status: 'WAITING', size: 1 })]);
      const n = (a.total || 0) + (w.total || 0);
      const badge = document.getElementById('open-count');
      badge.hidden = n === 0;
      badge.textContent = String(n);
    } catch { /* the badge is a nicety */ }
  }

  renderList(list, total) {
    clear(this.list);
    if (!list.length) {
      this.list.appendChild(el('li', { class: 'empty-list' },
        icon('inbox'),
        el('p', { text: Object.values(this.filters).some(Boolean) ? 'No chat matches these filters.'
          : 'No chats yet. Open the sample site and start one from the widget.' })));
    }
    for (const item of list) {
      const chat = chatOf(item);
      const last = lastMessageOf(item);
      const unread = last && last.sender === 'VISITOR' && chat.id !== this.openId
        && (!this.seen[chat.id] || this.seen[chat.id] < chat.updatedAt);
      const snippet = last
        ? `${last.messageType === 'NOTE' ? 'Internal note: ' : ''}${last.message
          || (last.fileName ? `Attachment: ${last.fileName}` : '')}` : '';
      const li = el('li', {
        class: `chat-item${chat.id === this.openId ? ' selected' : ''}${unread ? ' unread' : ''}`,
        dataset: { chatId: String(chat.id), status: chat.status },
      }, el('a', { href: `#/chats/${chat.id}`, class: 'chat-link' },
        el('span', { class: 'avatar small', 'aria-hidden': 'true', text: (chat.visitorName || '?').charAt(0).toUpperCase() }),
        el('span', { class: 'chat-item-main' },
          el('span', { class: 'chat-item-top' },
            el('strong', { class: 'visitor-name', text: chat.visitorName }),
            el('span', { class: 'when', text: relativeTime(chat.updatedAt) })),
          el('span', { class: 'snippet', text: snippet }),
          el('span', { class: 'chat-item-meta' },
            statusPill(chat.status),
            el('span', { class: 'dept', text: this.ctx.departmentName(chat.department) }),
            chat.assignedTo ? el('span', { class: 'assignee', text: `→ ${this.ctx.adminName(chat.assignedTo)}` }) : null,
            chat.rating ? stars(chat.rating, 'stars small') : null))));
      this.list.appendChild(li);
    }
    this.listFoot.textContent = total != null ? `${list.length} of ${total} chats` : '';
  }

  onEvent(type, data) {
    if (type === 'presence') return;
    this.reload();
    if (type === 'chat.transferred') announceTransfer(this.ctx, session.admin && session.admin.id, data);
    if (!this.openId) return;
    if (type === 'reconnected') { this.refreshConversation(); return; }
    const chat = data && data.chat;
    const message = data && (data.message && typeof data.message === 'object' ? data.message : null);
    const chatId = chat ? chat.id : message ? message.chatId : data && data.chatId;
    if (chatId !== this.openId) return;
    if (message) this.addMessage(message);
    if (chat && chat.status) this.renderHeader(chat);
  }

  showEmpty() {
    this.openId = null;
    this.openChat = null;
    clear(this.conversation);
    this.conversation.classList.add('is-empty');
    this.conversation.appendChild(el('div', { class: 'empty-state' },
      icon('chats'),
      el('h2', { text: 'Pick a conversation' }),
      el('p', { class: 'muted', text: 'New chats appear on the left as visitors start them — no reload needed.' })));
    this.list.querySelectorAll('.chat-item.selected').forEach((n) => n.classList.remove('selected'));
  }

  async openConversation(id) {
    this.openId = id;
    this.openChat = null;
    this.messageIds = new Set();
    this.list.querySelectorAll('.chat-item').forEach((n) => {
      n.classList.toggle('selected', Number(n.dataset.chatId) === id);
      if (Number(n.dataset.chatId) === id) n.classList.remove('unread');
    });
    this.conversation.classList.remove('is-empty');
    clear(this.conversation);
    this.header = el('header', { class: 'conv-header' });
    this.messages = el('div', { class: 'conv-messages', id: 'conv-messages', role: 'log', 'aria-live': 'polite' });
    this.composer = el('div', { class: 'conv-composer' });
    this.details = el('aside', { class: 'conv-details', id: 'conv-details' });
    this.conversation.appendChild(el('div', { class: 'conv-main' }, this.header, this.messages, this.composer));
    this.conversation.appendChild(this.details);
    try {
      const data = await api.chat(id);
      if (this.openId !== id) return;
      const chat = data.chat || data;
      (data.messages || []).forEach((m) => this.addMessage(m));
      this.renderHeader(chat);
    } catch (err) {
      clear(this.conversation);
      this.conversation.appendChild(el('div', { class: 'empty-state' }, el('h2', { text: 'Chat not found' }),
        el('p', { class: 'muted', text: err.message })));
    }
  }

  async refreshConversation() {
    if (!this.openId) return;
    try {
      const data = await api.chat(this.openId);
      (data.messages || []).forEach((m) => this.addMessage(m));
      this.renderHeader(data.chat || data);
    } catch { /* shown on the next event */ }
  }

  markSeen(chat) {
    this.seen[chat.id] = chat.updatedAt;
    sessionStorage.setItem('parley.admin.seen', JSON.stringify(this.seen));
  }

  renderHeader(chat) {
    const statusChanged = !this.openChat || this.openChat.status !== chat.status;
    this.openChat = chat;
    this.markSeen(chat);
    clear(this.header);
    const contact = [chat.visitorEmail, chat.visitorPhone].filter(Boolean).join(' · ');
    const actions = el('div', { class: 'conv-actions' });
    const act = (id, label, status, cls = 'btn') => el('button', {
      id, class: cls, type: 'button', text: label, onclick: () => this.change({ status }),
    });
    if (chat.status === 'ACTIVE' || chat.status === 'WAITING') {
      actions.appendChild(act('chat-resolve', 'Resolve', 'RESOLVED', 'btn primary'));
    }
    if (chat.status === 'RESOLVED') actions.appendChild(act('chat-reopen', 'Reopen', 'ACTIVE'));
    if (chat.status !== 'CLOSED') {
      actions.appendChild(el('button', { id: 'chat-transfer', class: 'btn', type: 'button', text: 'Transfer',
        onclick: () => openTransferDialog(this.ctx, chat, (moved) => {
          if (moved && moved.id === this.openId) this.renderHeader(moved);
          this.refreshConversation();
          this.reload();
        }) }));
    }
    if (chat.status !== 'CLOSED') actions.appendChild(act('chat-close', 'Close', 'CLOSED', 'btn ghost'));
    this.header.appendChild(el('div', { class: 'conv-title' },
      el('span', { class: 'avatar', 'aria-hidden': 'true', text: (chat.visitorName || '?').charAt(0).toUpperCase() }),
      el('div', null,
        el('h2', { id: 'conv-visitor', text: chat.visitorName }),
        el('p', { class: 'muted', text: contact || 'No contact details left' })),
      el('span', { id: 'conv-status' }, statusPill(chat.status))));
    this.header.appendChild(actions);
    this.renderDetails(chat);
    if (statusChanged) this.renderComposer(chat);
  }

  renderDetails(chat) {
    clear(this.details);
    const dept = el('select', { id: 'chat-department', 'aria-label': 'Department', disabled: chat.status === 'CLOSED' },
      this.ctx.departments.map((d) => el('option', { value: d.slug, text: d.name, selected: d.slug === chat.department })));
    dept.addEventListener('change', () => this.change({ department: dept.value }));
    const assignee = el('select', { id: 'chat-assignee', 'aria-label': 'Assignee', disabled: chat.status === 'CLOSED' },
      el('option', { value: '', text: 'Unassigned', selected: !chat.assignedTo }),
      this.ctx.admins.map((a) => el('option', { value: a.id, text: a.name, selected: a.id === chat.assignedTo })));
    assignee.addEventListener('change', () => this.change(assignee.value ? { assignedTo: assignee.value } : { unassign: true }));
    const a = chat.analytics || {};
    const row = (label, value) => el('div', { class: 'detail-row' }, el('dt', { text: label }), el('dd', { text: value }));
    this.details.appendChild(el('h3', { text: 'Details' }));
    this.details.appendChild(el('label', { class: 'field' }, el('span', { text: 'Department' }), dept));
    this.details.appendChild(el('label', { class: 'field' }, el('span', { text: 'Assigned to' }), assignee));
    if (chat.rating) {
      this.details.appendChild(el('div', { class: 'rating-box', id: 'conv-rating' },
        el('span', { class: 'muted', text: 'Visitor rating' }), stars(chat.rating),
        chat.ratingComment ? el('blockquote', { text: chat.ratingComment }) : null));
    }
    this.details.appendChild(el('dl', { class: 'details' },
      row('Started', dateTime(chat.createdAt)),
      row('First response', chat.responseTime != null ? formatDuration(chat.responseTime) : 'Not yet'),
      row('Resolution time', chat.resolutionTime != null ? formatDuration(chat.resolutionTime) : '—'),
      row('Messages', `${a.totalMessages ?? '—'} (${a.visitorMessages ?? 0} visitor · ${a.adminMessages ?? 0} team)`),
      row('Avg. reply time', a.avgResponseTime != null ? formatDuration(a.avgResponseTime) : '—'),
      row('Left while offline', (chat.isOfflineMessage ?? chat.offlineMessage) ? 'Yes' : 'No'),
      row('Chat id', `#${chat.id}`)));
  }

  renderComposer(chat) {
    clear(this.composer);
    if (chat.status === 'CLOSED') {
      this.composer.appendChild(el('p', { class: 'closed-note', text: 'This chat is closed: it takes no more messages.' }));
      return;
    }
    const text = el('textarea', { id: 'reply-text', rows: 2, maxlength: 5000, 'aria-label': 'Reply',
      placeholder: chat.status === 'RESOLVED' ? 'Reply (reopens the chat)…' : 'Write a reply… (Enter to send, Shift+Enter for a new line)' });
    const sendLabel = el('span', { text: 'Send' });
    const send = el('button', { id: 'reply-send', class: 'btn primary', type: 'submit' }, icon('send'), sendLabel);
    const picker = attachCannedPicker(text, () => this.openId);
    // Note mode: what is written becomes an internal note only admins see, never a reply to the visitor.
    const noteMode = el('input', { type: 'checkbox', id: 'reply-note' });
    const replyPlaceholder = text.placeholder;
    noteMode.addEventListener('change', () => {
      form.classList.toggle('is-note', noteMode.checked);
      text.setAttribute('aria-label', noteMode.checked ? 'Internal note' : 'Reply');
      text.placeholder = noteMode.checked ? 'Write an internal note — only admins see it' : replyPlaceholder;
      sendLabel.textContent = noteMode.checked ? 'Add note' : 'Send';
      text.focus();
    });
    const form = el('form', { class: 'reply-form' }, el('div', { class: 'reply-box' }, text, picker),
      el('div', { class: 'reply-side' }, send,
        el('label', { class: 'check note-toggle' }, noteMode, el('span', { text: 'Internal note' }))));
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const value = text.value;
      if (!value.trim()) return;
      send.disabled = true;
      try {
        const m = noteMode.checked ? await api.addNote(this.openId, value) : await api.reply(this.openId, value);
        this.addMessage(m && m.message && typeof m.message === 'object' ? m.message : m);
        text.value = '';
      } catch (err) {
        toast(err.message, 'error');
      } finally {
        send.disabled = false;
        text.focus();
      }
    });
    this.composer.appendChild(form);
  }

  async change(changes) {
    try {
      const chat = await api.updateChat(this.openId, changes);
      if (chat && chat.id) this.renderHeader(chat.chat || chat);
      this.reload();
    } catch (err) {
      toast(err.message, 'error');
      this.refreshConversation();
    }
  }

  addMessage(m) {
    if (!m || m.id == null || this.messageIds.has(m.id) || (m.chatId != null && m.chatId !== this.openId)) return;
    this.messageIds.add(m.id);
    const who = m.sender === 'ADMIN' ? (m.senderName || this.ctx.adminName(m.senderId))
      : m.sender === 'VISITOR' ? (this.openChat ? this.openChat.visitorName : 'Visitor') : 'Parley';
    if (m.messageType === 'NOTE') {
      this.messages.appendChild(noteNode(m, who));
      this.scroll();
      return;
    }
    const node = el('div', { class: `msg from-${String(m.sender).toLowerCase()}`, dataset: { id: String(m.id) } });
    if (m.sender !== 'SYSTEM') node.appendChild(el('span', { class: 'msg-meta', text: `${who} · ${time(m.createdAt)}` }));
    const link = safeUrl(m.fileUrl);
    if (m.messageType === 'IMAGE' && link) {
      node.appendChild(el('a', { class: 'msg-image-link', href: link, target: '_blank', rel: 'noopener' },
        el('img', { class: 'msg-image', src: link, alt: m.fileName || 'image', onload: () => this.scroll() })));
    } else if (m.messageType === 'FILE' && link) {
      node.appendChild(el('a', { class: 'msg-file', href: link, target: '_blank', rel: 'noopener' },
        icon('file'), el('span', null, el('strong', { text: m.fileName || 'file' }),
          el('small', { text: formatSize(m.fileSize) }))));
    }
    if (m.message) node.appendChild(el('div', { class: 'msg-text', text: m.message }));
    this.messages.appendChild(node);
    this.scroll();
  }

  scroll() {
    this.messages.scrollTop = this.messages.scrollHeight;
  }
}
