// The dashboard's shell: sign-in, navigation, presence heartbeats and the live stream.
import { api, config, session } from './api.js';
import { clear, el, icon, toast } from './dom.js';
import { ChatsView } from './chats.js';
import { AnalyticsView } from './analytics.js';
import { DepartmentsView } from './departments.js';
import { KnowledgeView } from './knowledge.js';
import { EmailsView } from './emails.js';
import { WebhooksView } from './webhooks.js';
import { CannedView } from './canned.js';

const HEARTBEAT_MS = 30_000;

const routes = {
  chats: { title: 'Chats', view: ChatsView },
  analytics: { title: 'Analytics', view: AnalyticsView },
  departments: { title: 'Departments', view: DepartmentsView },
  'knowledge-base': { title: 'Knowledge base', view: KnowledgeView },
  'canned-responses': { title: 'Canned responses', view: CannedView },
  webhooks: { title: 'Webhooks', view: WebhooksView },
  emails: { title: 'Emails', view: EmailsView },
};

const ctx = {
  admins: [],
  departments: [],
  listeners: new Set(),
  onEvent(fn) { this.listeners.add(fn); return () => this.listeners.delete(fn); },
  adminName(id) {
    const a = this.admins.find((x) => x.id === id);
    return a ? a.name : id;
  },
  departmentName(slug) {
    const d = this.departments.find((x) => x.slug === slug);
    return d ? d.name : slug;
  },
  async reloadDepartments() {
    try { this.departments = await api.departments(); } catch { /* keep the old list */ }
  },
};

let current = null;
let heartbeatTimer = null;
let stream = null;
let streamAttempt = 0; // bumped by each connect and by stopLive, so a late stream ticket opens nothing
let online = true;

document.querySelectorAll('[data-icon]').forEach((n) => n.replaceWith(icon(n.dataset.icon)));

session.onSignedOut((message) => showLogin(message));

if (!config.emailsUrl) document.getElementById('nav-emails').hidden = true;
document.getElementById('sign-out').hidden = session.usesCookie && !config.logoutUrl;

/** Shows the sign-in form, or in session mode why the dashboard cannot start; a refusal (403) is shown as it is. */
function showLogin(message, refused = false) {
  stopLive();
  if (session.usesCookie && config.loginUrl && !refused) {
    // The host signs its staff in: go there, and come back here afterwards.
    location.assign(`${config.loginUrl}${config.loginUrl.includes('?') ? '&' : '?'}continue=${encodeURIComponent(location.href)}`);
    return;
  }
  document.getElementById('app').hidden = true;
  document.getElementById('login').hidden = false;
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  if (session.usesCookie || !config.loginUrl) {
    form.querySelectorAll('.field, #login-submit').forEach((n) => { n.hidden = true; });
    if (!refused) message = session.usesCookie ? 'Sign in to the application first, then reload this page.'
      : 'No sign-in is configured: set parley.ui.admin.login-url to the endpoint that issues admin tokens.';
  }
  error.hidden = !message;
  error.textContent = message || '';
  if (!form.querySelector('#login-admin').hidden) document.getElementById('login-admin').focus();
}

document.getElementById('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const id = document.getElementById('login-admin').value.trim();
  const password = document.getElementById('login-password').value;
  const button = document.getElementById('login-submit');
  const error = document.getElementById('login-error');
  error.hidden = true;
  button.disabled = true;
  try {
    const data = await api.login(id, password);
    session.save(data.token);
    document.getElementById('login-password').value = '';
    await start();
  } catch (err) {
    error.textContent = err.message;
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
});

document.getElementById('sign-out').addEventListener('click', async () => {
  try { await api.heartbeat(false); } catch { /* signing out anyway */ }
  if (session.usesCookie) {
    await api.logout();
    session.clear();
    location.assign(config.loginUrl || '../../');
    return;
  }
  stopLive();
  await api.signOut();
  session.clear();
  showLogin();
});

document.getElementById('availability').addEventListener('change', async (e) => {
  online = e.target.checked;
  renderAvailability();
  await sendHeartbeat();
});

function renderAvailability() {
  document.getElementById('availability').checked = online;
  document.getElementById('availability-label').textContent = online ? 'Online' : 'Away';
}

async function sendHeartbeat() {
  try {
    await api.heartbeat(online);
    renderTeam();
  } catch (err) {
    if (err.status !== 401) toast(`Presence: ${err.message}`, 'error');
  }
}

async function renderTeam() {
  const box = document.getElementById('team');
  try {
    const data = await api.presence();
    const people = data.onlineAdmins || [];
    clear(box);
    box.appendChild(el('p', { class: 'team-title', text: `Online now · ${data.count ?? people.length}` }));
    const list = el('ul', { class: 'team-list', id: 'online-admins' });
    for (const p of people) {
      const name = p.name || (p.admin && p.admin.name) || p.userId || p.id;
      list.appendChild(el('li', null, el('span', { class: 'dot on', 'aria-hidden': 'true' }), el('span', { text: name })));
    }
    if (!people.length) list.appendChild(el('li', { class: 'muted', text: 'Nobody — visitors see “away”' }));
    box.appendChild(list);
  } catch { /* shown on the next heartbeat */ }
}

function startLive() {
  stopLive();
  sendHeartbeat();
  heartbeatTimer = setInterval(sendHeartbeat, HEARTBEAT_MS);
  connectStream();
}

function stopLive() {
  clearInterval(heartbeatTimer);
  heartbeatTimer = null;
  streamAttempt++;
  if (stream) { stream.close(); stream = null; }
}

function setStreamState(state, text) {
  const s = document.getElementById('stream-state');
  s.dataset.state = state;
  s.textContent = text;
}

async function connectStream() {
  if (!session.active) return;
  const attempt = ++streamAttempt;
  let url;
  try {
    url = await api.streamUrl();
  } catch (err) {
    setStreamState('connecting', 'Reconnecting…');
    if (err.status !== 401) setTimeout(() => { if (session.active && !stream) connectStream(); }, 3000);
    return;
  }
  // signed out, or another connect started, while the ticket was on its way
  if (attempt !== streamAttempt || !session.active || stream) return;
  stream = new EventSource(url);
  const dispatch = (type) => (e) => {
    let data = null;
    try { data = JSON.parse(e.data); } catch { return; }
    for (const fn of ctx.listeners) {
      try { fn(type, data); } catch (err) { console.error(err); }
    }
    if (type === 'presence') renderTeam();
  };
  for (const type of ['chat.started', 'message', 'chat.updated', 'chat.rated', 'chat.transferred', 'presence']) {
    stream.addEventListener(type, dispatch(type));
  }
  // Events were missed and cannot be replayed: every view reloads what it shows.
  stream.addEventListener('resync', () => { for (const fn of ctx.listeners) fn('reconnected', null); });
  stream.onopen = () => {
    setStreamState('live', 'Live');
    for (const fn of ctx.listeners) fn('reconnected', null);
  };
  stream.onerror = () => {
    setStreamState('connecting', 'Reconnecting…');
    // A ticket opens the stream once: in token mode reconnect with a new one instead of the browser's retry.
    if (stream && (stream.readyState === EventSource.CLOSED || !session.usesCookie)) {
      stream.close();
      stream = null;
      setTimeout(() => { if (session.active && !stream) connectStream(); }, session.usesCookie ? 3000 : 1000);
    }
  };
}

window.addEventListener('pagehide', () => {
  if (session.active && session.admin) api.heartbeat(false, { keepalive: true }).catch(() => {});
});

async function start() {
  try {
    const me = await api.me();
    session.admin = me.admin;
    ctx.admins = me.admins;
  } catch (err) {
    if (err.status !== 401) showLogin(err.message, err.status === 403);
    return;
  }
  const admin = session.admin;
  document.getElementById('login').hidden = true;
  document.getElementById('app').hidden = false;
  document.getElementById('me-name').textContent = admin ? admin.name : '';
  document.getElementById('me-role').textContent = admin ? admin.role : '';
  document.getElementById('me-avatar').textContent = admin && admin.name ? admin.name.charAt(0) : '?';
  online = true;
  renderAvailability();
  try {
    await ctx.reloadDepartments();
  } catch (err) {
    if (err.status === 401) return;
    toast(err.message, 'error');
  }
  startLive();
  route();
}

function route() {
  if (!session.admin) return;
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, ...rest] = hash.split('/');
  const r = routes[name] || routes.chats;
  const key = routes[name] ? name : 'chats';
  document.querySelectorAll('.nav a').forEach((a) => a.classList.toggle('active', a.dataset.route === key));
  document.getElementById('page-title').textContent = r.title;
  if (current && current.key === key && current.view.update) {
    current.view.update(rest);
    return;
  }
  if (current && current.view.destroy) current.view.destroy();
  const root = clear(document.getElementById('view'));
  root.dataset.view = key;
  current = { key, view: new r.view(root, ctx, rest) };
}

window.addEventListener('hashchange', route);

if (session.active) start(); else showLogin();
