// Transfer and internal notes: the dialog that hands a chat to another admin or department (optionally with a
// note only admins see), and how notes look in the conversation.
import { api } from './api.js';
import { el, time, toast } from './dom.js';

/** Opens the transfer dialog for a chat; calls done(chat) with the transferred chat. */
export function openTransferDialog(ctx, chat, done) {
  const old = document.getElementById('transfer-dialog');
  if (old) old.remove();
  const dialog = el('dialog', { class: 'editor', id: 'transfer-dialog', 'aria-labelledby': 'transfer-title' });
  const department = el('select', { id: 'transfer-department', name: 'department' },
    el('option', { value: '', text: `Keep ${ctx.departmentName(chat.department)}` }),
    ctx.departments.filter((d) => d.active !== false && d.slug !== chat.department)
      .map((d) => el('option', { value: d.slug, text: d.name })));
  const admin = el('select', { id: 'transfer-admin', name: 'adminId' },
    el('option', { value: '', text: 'Anyone in the department' }),
    ctx.admins.filter((a) => a.id !== chat.assignedTo).map((a) => el('option', { value: a.id, text: a.name })));
  const note = el('textarea', { id: 'transfer-note', name: 'note', rows: 3, maxlength: 5000 });
  const error = el('p', { class: 'form-error', role: 'alert', hidden: true });
  const form = el('form', { method: 'dialog', class: 'editor-form' },
    el('h2', { id: 'transfer-title', text: `Transfer the chat with ${chat.visitorName}` }),
    el('label', { class: 'field' }, el('span', { text: 'To department' }), department),
    el('label', { class: 'field' }, el('span', { text: 'To admin' }), admin),
    el('label', { class: 'field' }, el('span', { text: 'Internal note (optional)' }), note,
      el('small', { class: 'muted', text: 'Only admins see the note; the visitor sees that the chat was transferred.' })),
    error,
    el('div', { class: 'editor-actions' },
      el('button', { class: 'btn ghost', type: 'button', text: 'Cancel', onclick: () => dialog.close() }),
      el('button', { class: 'btn primary', type: 'submit', id: 'transfer-submit', text: 'Transfer' })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!department.value && !admin.value) {
      error.textContent = 'Choose a department, an admin or both.';
      error.hidden = false;
      return;
    }
    try {
      const result = await api.transfer(chat.id, {
        department: department.value || null, adminId: admin.value || null, note: note.value.trim() || null,
      });
      dialog.close();
      toast('Chat transferred', 'success');
      done(result && result.chat ? result.chat : result);
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.appendChild(form);
  document.body.appendChild(dialog);
  dialog.showModal();
  department.focus();
}

/** The node of an internal note in the conversation: labelled, and styled unlike any reply. */
export function noteNode(m, who) {
  return el('div', { class: 'msg note', dataset: { id: String(m.id) } },
    el('span', { class: 'msg-meta' }, el('strong', { class: 'note-label', text: 'Internal note' }),
      ` · ${who} · ${time(m.createdAt)}`),
    el('div', { class: 'msg-text', text: m.message || '' }));
}

/** Says so when a chat was transferred to this admin by someone else. */
export function announceTransfer(ctx, me, data) {
  const chat = data && data.chat;
  if (!chat || !me || chat.assignedTo !== me || data.transferredBy === me) return;
  toast(`${ctx.adminName(data.transferredBy)} transferred the chat with ${chat.visitorName} to you`, 'info');
}
