// Parley's admin API with the signed-in admin's token, and the demo's own endpoints.

const TOKEN_KEY = 'parley.admin.token';
const ADMIN_KEY = 'parley.admin.profile';
const API = '../api/v1';
const DEMO = '../demo/api';

let onSignedOut = () => {};

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get admin() {
    try { return JSON.parse(sessionStorage.getItem(ADMIN_KEY)); } catch { return null; }
  },
  save(token, admin) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(ADMIN_KEY, JSON.stringify(admin));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ADMIN_KEY);
  },
  onSignedOut(fn) { onSignedOut = fn; },
};

async function call(method, url, body, { auth = true, keepalive = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (auth && session.token) headers.Authorization = `Bearer ${session.token}`;
  const init = { method, headers, keepalive };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  let json = null;
  try { json = await res.json(); } catch { /* not JSON */ }
  if (!res.ok || !json || json.success === false) {
    const err = json && json.error;
    if (res.status === 401 && auth) {
      session.clear();
      onSignedOut('Your sign-in has expired. Please sign in again.');
    }
    throw new ApiError(err && err.message ? err.message : `Request failed (${res.status})`, res.status, err && err.code);
  }
  return json.data;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v != null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  login: (adminId, password) => call('POST', `${DEMO}/login`, { adminId, password }, { auth: false }),
  admins: () => call('GET', `${DEMO}/admins`),
  emails: () => call('GET', `${DEMO}/emails`),
  clearEmails: () => call('DELETE', `${DEMO}/emails`),

  chats: (filters) => call('GET', `${API}/admin/chat${query(filters)}`),
  chat: (id) => call('GET', `${API}/admin/chat${query({ id })}`),
  reply: (chatId, message) => call('POST', `${API}/admin/chat`, { chatId, message }),
  updateChat: (chatId, changes) => call('PATCH', `${API}/admin/chat`, { chatId, ...changes }),
  analytics: (days) => call('GET', `${API}/admin/chat/analytics${query({ days })}`),

  departments: () => call('GET', `${API}/admin/chat/departments`),
  createDepartment: (d) => call('POST', `${API}/admin/chat/departments`, d),
  updateDepartment: (d) => call('PUT', `${API}/admin/chat/departments`, d),
  deleteDepartment: (id) => call('DELETE', `${API}/admin/chat/departments${query({ id })}`),

  articles: () => call('GET', `${API}/admin/chat/knowledge-base`),
  createArticle: (a) => call('POST', `${API}/admin/chat/knowledge-base`, a),
  updateArticle: (a) => call('PUT', `${API}/admin/chat/knowledge-base`, a),
  deleteArticle: (id) => call('DELETE', `${API}/admin/chat/knowledge-base${query({ id })}`),

  heartbeat: (isOnline, opts = {}) => call('POST', `${API}/admin/presence`, { isOnline, ...opts.body },
    { keepalive: !!opts.keepalive }),
  presence: () => call('GET', `${API}/admin/presence`),

  streamUrl: () => `${API}/admin/chat/stream${query({ access_token: session.token })}`,
};
