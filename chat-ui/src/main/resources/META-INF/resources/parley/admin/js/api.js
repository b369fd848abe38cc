// Parley's admin API, signed in one of two ways (the server says which in <meta name="parley-config">):
// "token": the dashboard's form posts to the host's login URL and keeps the bearer token it answers;
// "session": the host's own login and session cookie, with the CSRF token on every state-changing call.

export const config = Object.assign({
  api: '../../api/v1', signIn: 'token', loginUrl: null, logoutUrl: null, emailsUrl: null,
  csrfHeader: null, csrfToken: null,
}, readConfig());

const TOKEN_KEY = 'parley.admin.token';
const API = config.api.replace(/\/+$/, '');

let onSignedOut = () => {};
let profile = null;

function readConfig() {
  const meta = document.querySelector('meta[name="parley-config"]');
  try { return meta ? JSON.parse(meta.content) : {}; } catch { return {}; }
}

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const session = {
  get usesCookie() { return config.signIn === 'session'; },
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  /** Whether to try the API: a token in token mode, always with the host's session. */
  get active() { return this.usesCookie || !!this.token; },
  get admin() { return profile; },
  set admin(a) { profile = a; },
  save(token) { sessionStorage.setItem(TOKEN_KEY, token); },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    profile = null;
  },
  onSignedOut(fn) { onSignedOut = fn; },
};

function csrf() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  if (cookie) return ['X-XSRF-TOKEN', decodeURIComponent(cookie.substring('XSRF-TOKEN='.length))];
  if (config.csrfHeader && config.csrfToken) return [config.csrfHeader, config.csrfToken];
  return null;
}

async function call(method, url, body, { auth = true, keepalive = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (auth && session.token && !session.usesCookie) headers.Authorization = `Bearer ${session.token}`;
  if (session.usesCookie && method !== 'GET') {
    const token = csrf();
    if (token) headers[token[0]] = token[1];
  }
  const init = { method, headers, keepalive, credentials: 'same-origin' };
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
  login: (adminId, password) => call('POST', config.loginUrl, { adminId, password }, { auth: false }),
  logout: () => call('POST', config.logoutUrl, undefined, { auth: false }).catch(() => {}),
  me: () => call('GET', `${API}/admin/me`),
  emails: () => call('GET', config.emailsUrl),
  clearEmails: () => call('DELETE', config.emailsUrl),

  chats: (filters) => call('GET', `${API}/admin/chat${query(filters)}`),
  chat: (id) => call('GET', `${API}/admin/chat${query({ id })}`),
  reply: (chatId, message) => call('POST', `${API}/admin/chat`, { chatId, message }),
  updateChat: (chatId, changes) => call('PATCH', `${API}/admin/chat`, { chatId, ...changes }),
  addNote: (chatId, message) => call('POST', `${API}/admin/chat/${encodeURIComponent(chatId)}/notes`, { message }),
  transfer: (chatId, t) => call('POST', `${API}/admin/chat/${encodeURIComponent(chatId)}/transfer`, t),
  analytics: (days) => call('GET', `${API}/admin/chat/analytics${query({ days })}`),

  departments: () => call('GET', `${API}/admin/chat/departments`),
  createDepartment: (d) => call('POST', `${API}/admin/chat/departments`, d),
  updateDepartment: (d) => call('PUT', `${API}/admin/chat/departments`, d),
  deleteDepartment: (id) => call('DELETE', `${API}/admin/chat/departments${query({ id })}`),

  articles: () => call('GET', `${API}/admin/chat/knowledge-base`),
  createArticle: (a) => call('POST', `${API}/admin/chat/knowledge-base`, a),
  updateArticle: (a) => call('PUT', `${API}/admin/chat/knowledge-base`, a),
  deleteArticle: (id) => call('DELETE', `${API}/admin/chat/knowledge-base${query({ id })}`),

  cannedResponses: (q, chatId) => call('GET', `${API}/admin/chat/canned-responses${query({ q, chatId })}`),
  createCanned: (r) => call('POST', `${API}/admin/chat/canned-responses`, r),
  updateCanned: (id, r) => call('PUT', `${API}/admin/chat/canned-responses${query({ id })}`, r),
  deleteCanned: (id) => call('DELETE', `${API}/admin/chat/canned-responses${query({ id })}`),

  webhooks: () => call('GET', `${API}/admin/webhooks`),
  createWebhook: (w) => call('POST', `${API}/admin/webhooks`, w),
  updateWebhook: (id, changes) => call('PATCH', `${API}/admin/webhooks/${encodeURIComponent(id)}`, changes),
  deleteWebhook: (id) => call('DELETE', `${API}/admin/webhooks/${encodeURIComponent(id)}`),
  webhookDeliveries: (id) => call('GET', `${API}/admin/webhooks/${encodeURIComponent(id)}/deliveries`),
  resendDelivery: (deliveryId) => call('POST', `${API}/admin/webhooks/deliveries/${encodeURIComponent(deliveryId)}/resend`),

  heartbeat: (isOnline, opts = {}) => call('POST', `${API}/admin/presence`, { isOnline, ...opts.body },
    { keepalive: !!opts.keepalive }),
  presence: () => call('GET', `${API}/admin/presence`),

  // The event stream's URL. In token mode it carries a one-use ticket valid for ~30 s, never the token itself.
  streamUrl: async () => {
    if (session.usesCookie) return `${API}/admin/chat/stream`;
    const { ticket } = await call('POST', `${API}/admin/chat/stream-ticket`);
    return `${API}/admin/chat/stream${query({ ticket })}`;
  },
  // Revokes the token on the server (token mode); signing out goes on if it fails.
  signOut: () => call('POST', `${API}/admin/sign-out`, undefined, { auth: true }).catch(() => {}),
};
