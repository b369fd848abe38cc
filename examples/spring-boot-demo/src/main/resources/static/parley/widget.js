/*
 * Parley chat widget: one script, no dependencies, no build step.
 *
 *   <link rel="stylesheet" href="parley/widget.css">
 *   <script src="parley/widget.js" defer data-api="api/v1" data-departments="demo/api/departments"></script>
 *
 * Everything a person typed is put on the page with textContent (never as HTML). The visitor's session id (their
 * only credential) is kept in localStorage so that the chat survives reloads.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var config = {
    api: attr('data-api', 'api/v1').replace(/\/+$/, ''),
    departments: attr('data-departments', ''),  // default: <api>/chat/departments
    title: attr('data-title', 'Support'),
    subtitle: attr('data-subtitle', 'We usually reply within a few minutes'),
    storageKey: attr('data-storage-key', 'parley.sessionId')
  };

  function attr(name, fallback) {
    var v = script && script.getAttribute(name);
    return v == null || v === '' ? fallback : v;
  }

  /* ---------- tiny DOM helpers (text only, never HTML) ---------- */

  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v == null || v === false) { return; }
        if (k === 'text') { node.textContent = v; }
        else if (k === 'class') { node.className = v; }
        else if (k.indexOf('on') === 0) { node.addEventListener(k.substring(2), v); }
        else if (k in node && typeof v !== 'string') { node[k] = v; }
        else { node.setAttribute(k, v === true ? '' : v); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child == null || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }

  var ICONS = {
    chat: 'M4 5h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z',
    close: 'M6 6l12 12M18 6L6 18',
    minimise: 'M6 12h12',
    clip: 'M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9',
    send: 'M4 12l16-8-6 16-2.5-6.5L4 12z',
    info: 'M12 8h.01M11 12h1v5h1M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
    file: 'M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5zM14 3v5h5',
    star: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9L12 3z',
    headset: 'M4 14v-2a8 8 0 0 1 16 0v2M4 14a2 2 0 0 0 2 2h1v-5H6a2 2 0 0 0-2 2zm16 0a2 2 0 0 1-2 2h-1v-5h1a2 2 0 0 1 2 2zM17 16v1a3 3 0 0 1-3 3h-2'
  };

  function icon(name, filled) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', ICONS[name]);
    path.setAttribute('fill', filled ? 'currentColor' : 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', filled ? '1' : '2');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
    svg.appendChild(path);
    return svg;
  }

  function debounce(fn, ms) {
    var t;
    var debounced = function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
    debounced.cancel = function () { clearTimeout(t); };
    return debounced;
  }

  function safeUrl(url) {
    if (typeof url !== 'string') { return null; }
    return /^(https?:\/\/|\/)/i.test(url) && !/^\/\//.test(url) ? url : null;
  }

  function formatSize(bytes) {
    if (bytes == null) { return ''; }
    if (bytes < 1024) { return bytes + ' B'; }
    if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(0) + ' KB'; }
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  function formatTime(iso) {
    var d = new Date(iso);
    return isNaN(d) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  /* ---------- the API ---------- */

  function url(path) {
    return config.api + path;
  }

  function request(method, path, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' } };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (json) {
        if (!res.ok || !json || json.success === false) {
          var message = json && json.error && json.error.message ? json.error.message
            : 'Something went wrong (' + res.status + '). Please try again.';
          var err = new Error(message);
          err.status = res.status;
          err.code = json && json.error && json.error.code;
          throw err;
        }
        return json.data;
      });
    });
  }

  /* ---------- state ---------- */

  var state = {
    open: false,
    sessionId: readSession(),
    status: null,
    rated: false,
    adminOnline: null,
    department: null,
    departments: [],
    messageIds: {},
    lastMessageId: 0,
    unread: 0,
    stream: null,
    pollTimer: null
  };

  function readSession() {
    try { return localStorage.getItem(config.storageKey); } catch (e) { return null; }
  }

  function writeSession(id) {
    state.sessionId = id;
    try {
      if (id) { localStorage.setItem(config.storageKey, id); } else { localStorage.removeItem(config.storageKey); }
    } catch (e) { /* private mode: the chat lasts as long as the page */ }
  }

  /* ---------- the frame ---------- */

  var root = el('div', { class: 'parley', id: 'parley-widget', 'data-open': 'false' });
  var badge = el('span', { class: 'parley-badge', hidden: true, 'aria-label': 'unread messages' });
  var launcher = el('button', {
    class: 'parley-launcher', type: 'button', 'aria-label': 'Open the support chat', onclick: function () { open(); }
  }, icon('chat'), badge);
  var statusDot = el('span', { class: 'parley-dot', 'data-online': 'false' });
  var subtitle = el('span', { class: 'parley-subtitle-text', text: config.subtitle });
  var body = el('div', { class: 'parley-body' });
  var errorBox = el('div', { class: 'parley-error', role: 'alert', hidden: true });
  var panel = el('section', { class: 'parley-panel', role: 'dialog', 'aria-label': config.title },
    el('header', { class: 'parley-header' },
      el('div', { class: 'parley-avatar' }, icon('headset')),
      el('div', { class: 'parley-header-text' },
        el('p', { class: 'parley-title', text: config.title }),
        el('p', { class: 'parley-subtitle' }, statusDot, subtitle)),
      el('button', {
        class: 'parley-icon-button parley-minimise', type: 'button', 'aria-label': 'Minimise the chat',
        onclick: function () { close(); }
      }, icon('minimise'))),
    body, errorBox);
  root.appendChild(panel);
  root.appendChild(launcher);

  function open() {
    state.open = true;
    root.setAttribute('data-open', 'true');
    state.unread = 0;
    renderBadge();
    var focusable = panel.querySelector('textarea, input');
    if (focusable) { setTimeout(function () { focusable.focus(); }, 50); }
    scrollToEnd();
  }

  function close() {
    state.open = false;
    root.setAttribute('data-open', 'false');
  }

  function renderBadge() {
    badge.hidden = state.unread === 0;
    badge.textContent = String(state.unread);
  }

  var errorTimer;
  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(function () { errorBox.hidden = true; }, 6000);
  }

  function setOnline(online) {
    state.adminOnline = online;
    statusDot.setAttribute('data-online', online ? 'true' : 'false');
    subtitle.textContent = online === false ? 'Away right now — leave us a message' : config.subtitle;
  }

  /* ---------- knowledge-base suggestions ---------- */

  function suggestionBox(extraClass) {
    var box = el('div', { class: 'parley-suggestions' + (extraClass ? ' ' + extraClass : ''), hidden: true,
      'aria-live': 'polite' });
    var lastQuery = '';
    var search = debounce(function (query) {
      query = query.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < 3) { box.hidden = true; return; }
      request('GET', url('/chat/knowledge-base?q=' + encodeURIComponent(query)))
        .then(function (data) {
          if (query !== lastQuery) { return; }
          var articles = Array.isArray(data) ? data : (data && (data.articles || data.items)) || [];
          renderSuggestions(box, articles.slice(0, 3));
        })
        .catch(function () { box.hidden = true; });
    }, 350);
    return {
      box: box,
      search: search,
      hide: function () { search.cancel(); box.hidden = true; lastQuery = ''; }
    };
  }

  function renderSuggestions(box, articles) {
    box.textContent = '';
    if (!articles.length) { box.hidden = true; return; }
    box.appendChild(el('p', { class: 'parley-suggestions-title', text: 'Suggested articles' }));
    articles.forEach(function (a) {
      var content = el('p', { class: 'parley-suggestion-content', text: a.content || '', hidden: true });
      var head = el('button', {
        class: 'parley-suggestion-head', type: 'button', 'aria-expanded': 'false',
        onclick: function () {
          content.hidden = !content.hidden;
          head.setAttribute('aria-expanded', content.hidden ? 'false' : 'true');
        }
      }, el('span', { class: 'parley-suggestion-title', text: a.title || '' }),
        el('span', { class: 'parley-suggestion-category', text: a.category || '' }));
      box.appendChild(el('div', { class: 'parley-suggestion' }, head, content));
    });
    box.hidden = false;
  }

  /* ---------- view: start a chat ---------- */

  function renderStart() {
    stopStream();
    view = {};
    state.status = null;
    state.rated = false;
    state.messageIds = {};
    state.lastMessageId = 0;
    body.textContent = '';

    var name = el('input', { class: 'parley-input', name: 'visitorName', autocomplete: 'name', required: true,
      maxlength: '100', placeholder: 'Your name' });
    var email = el('input', { class: 'parley-input', name: 'visitorEmail', type: 'email', autocomplete: 'email',
      placeholder: 'you@example.com' });
    var message = el('textarea', { class: 'parley-textarea', name: 'message', required: true, maxlength: '5000',
      placeholder: 'How can we help?' });
    var departments = el('div', { class: 'parley-departments', role: 'group', 'aria-label': 'Department' });
    var suggestions = suggestionBox();
    var submit = el('button', { class: 'parley-primary', type: 'submit', text: 'Start chat' });

    message.addEventListener('input', function () { suggestions.search(message.value); });

    function renderDepartments() {
      departments.textContent = '';
      if (!state.department && state.departments.length) { state.department = state.departments[0].slug; }
      state.departments.forEach(function (d) {
        departments.appendChild(el('button', {
          class: 'parley-department', type: 'button', 'data-slug': d.slug,
          'aria-pressed': d.slug === state.department ? 'true' : 'false',
          onclick: function () { state.department = d.slug; renderDepartments(); }
        }, el('strong', { text: d.name }), d.description ? el('span', { text: d.description }) : null));
      });
      departments.hidden = state.departments.length === 0;
    }
    renderDepartments();
    loadDepartments().then(renderDepartments);

    var form = el('form', { class: 'parley-start', novalidate: true },
      el('p', { class: 'parley-greeting', text: 'Hi there!' }),
      el('p', { class: 'parley-intro', text: 'Ask us anything — choose a team and we will get back to you here.' }),
      el('span', { class: 'parley-label', text: 'Team' }),
      departments,
      el('div', { class: 'parley-row' },
        el('label', { class: 'parley-field' }, el('span', { class: 'parley-label', text: 'Name' }), name),
        el('label', { class: 'parley-field' }, el('span', { class: 'parley-label', text: 'Email (optional)' }), email)),
      el('label', { class: 'parley-field' }, el('span', { class: 'parley-label', text: 'Message' }), message),
      suggestions.box,
      submit,
      el('p', { class: 'parley-fineprint', text: 'Leave your email and we will write back even if you close this page.' }));

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!name.value.trim()) { showError('Please tell us your name.'); name.focus(); return; }
      if (!message.value.trim()) { showError('Please write a message.'); message.focus(); return; }
      submit.disabled = true;
      submit.textContent = 'Starting…';
      request('POST', url('/chat'), {
        visitorName: name.value.trim(),
        visitorEmail: email.value.trim() || null,
        department: state.department,
        message: message.value
      }).then(function (data) {
        writeSession(data.sessionId);
        renderConversation();
        applyStatus(statusOf(data));
        setOnline(data.adminOnline !== false);
        addMessage(messageOf(data));
        connect();
      }).catch(function (err) {
        submit.disabled = false;
        submit.textContent = 'Start chat';
        showError(err.message);
      });
    });

    body.appendChild(form);
  }

  function loadDepartments() {
    return request('GET', config.departments || url('/chat/departments')).then(function (data) {
      var list = Array.isArray(data) ? data : (data && (data.departments || data.items)) || [];
      state.departments = list.filter(function (d) { return d.active !== false && d.isActive !== false; });
    }).catch(function () { state.departments = []; });
  }

  /* ---------- view: the conversation ---------- */

  var view = {};

  function renderConversation() {
    body.textContent = '';
    view.notice = el('div', { class: 'parley-notice', role: 'status', hidden: true }, icon('info'),
      el('span', { class: 'parley-notice-text',
        text: 'No agents are online right now. Leave your message here — the team gets it by email and replies as soon as possible.' }));
    view.messages = el('div', { class: 'parley-messages', role: 'log', 'aria-live': 'polite' });
    view.rating = el('div', { class: 'parley-rating', hidden: true });
    view.footer = el('div', { class: 'parley-footer' });
    body.appendChild(view.notice);
    body.appendChild(view.messages);
    body.appendChild(view.rating);
    body.appendChild(view.footer);
    renderComposer();
  }

  function renderComposer() {
    view.footer.textContent = '';
    if (state.status === 'CLOSED') {
      view.footer.appendChild(el('div', { class: 'parley-closed' },
        el('p', { text: 'This chat is closed.' }),
        el('button', { class: 'parley-secondary parley-new-chat', type: 'button', text: 'Start a new chat',
          onclick: function () { writeSession(null); renderStart(); } })));
      return;
    }
    var suggestions = suggestionBox('parley-composer-suggestions');
    var uploading = el('p', { class: 'parley-uploading', hidden: true, text: 'Uploading…' });
    var text = el('textarea', { rows: '1', maxlength: '5000', placeholder: 'Write a message…',
      'aria-label': 'Message', class: 'parley-message-input' });
    var send = el('button', { class: 'parley-tool parley-send', type: 'submit', 'aria-label': 'Send', disabled: true },
      icon('send'));
    var file = el('input', { type: 'file', class: 'parley-file-input', tabindex: '-1', 'aria-hidden': 'true',
      accept: 'image/jpeg,image/png,image/gif,image/webp,application/pdf,.pdf,.doc,.docx' });
    var attach = el('button', { class: 'parley-tool parley-attach', type: 'button', 'aria-label': 'Attach a file',
      onclick: function () { file.click(); } }, icon('clip'));

    text.addEventListener('input', function () {
      send.disabled = !text.value.trim();
      text.style.height = 'auto';
      text.style.height = Math.min(text.scrollHeight, 120) + 'px';
      suggestions.search(text.value);
    });
    text.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
    });
    file.addEventListener('change', function () {
      if (file.files && file.files[0]) { uploadFile(file.files[0], uploading); }
      file.value = '';
    });

    var form = el('form', { class: 'parley-composer' }, attach, text, send, file);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var value = text.value;
      if (!value.trim()) { return; }
      send.disabled = true;
      suggestions.hide();
      postMessage({ message: value }).then(function () {
        text.value = '';
        text.style.height = 'auto';
        suggestions.hide();
      }).catch(function () { send.disabled = false; });
    });

    view.footer.appendChild(suggestions.box);
    view.footer.appendChild(uploading);
    view.footer.appendChild(form);
    view.footer.appendChild(el('p', { class: 'parley-powered', text: 'Powered by Parley' }));
  }

  function postMessage(fields) {
    var payload = { sessionId: state.sessionId };
    Object.keys(fields).forEach(function (k) { payload[k] = fields[k]; });
    return request('POST', url('/chat'), payload).then(function (data) {
      applyStatus(statusOf(data));
      if (data.adminOnline != null) { setOnline(data.adminOnline); }
      addMessage(messageOf(data));
      return data;
    }).catch(function (err) {
      if (err.status === 404) { writeSession(null); renderStart(); }
      showError(err.message);
      throw err;
    });
  }

  function uploadFile(f, indicator) {
    var form = new FormData();
    form.append('sessionId', state.sessionId);
    form.append('file', f, f.name);
    indicator.hidden = false;
    indicator.textContent = 'Uploading ' + f.name + '…';
    request('POST', url('/chat/upload'), form).then(function (file) {
      var isImage = /^image\//.test(file.fileType || '');
      return postMessage({
        message: '',
        messageType: isImage ? 'IMAGE' : 'FILE',
        fileUrl: file.url,
        fileName: file.fileName,
        fileSize: file.fileSize
      });
    }).catch(function (err) {
      showError(err.message);
    }).then(function () { indicator.hidden = true; });
  }

  function statusOf(data) {
    if (!data) { return null; }
    return data.status || (data.chat && data.chat.status) || null;
  }

  function messageOf(data) {
    if (!data) { return null; }
    if (data.message && typeof data.message === 'object') { return data.message; }
    if (data.sender && data.id != null) { return data; }
    return null;
  }

  function addMessage(m) {
    if (!m || m.id == null || state.messageIds[m.id]) { return; }
    state.messageIds[m.id] = true;
    state.lastMessageId = Math.max(state.lastMessageId, Number(m.id) || 0);
    var previous = view.messages.lastElementChild;
    var sameAuthor = previous && previous.getAttribute('data-sender') === m.sender;
    var node = el('div', { class: 'parley-msg', 'data-sender': m.sender, 'data-id': String(m.id) });
    if (m.sender === 'ADMIN' && !sameAuthor) {
      node.appendChild(el('span', { class: 'parley-author', text: m.senderName || 'Support team' }));
    }
    var link = safeUrl(m.fileUrl);
    if (m.messageType === 'IMAGE' && link) {
      node.appendChild(el('a', { class: 'parley-image-link', href: link, target: '_blank', rel: 'noopener' },
        el('img', { class: 'parley-image', src: link, alt: m.fileName || 'image', loading: 'lazy',
          onload: scrollToEnd })));
    } else if (m.messageType === 'FILE' && link) {
      node.appendChild(el('a', { class: 'parley-file', href: link, target: '_blank', rel: 'noopener', download: m.fileName || true },
        icon('file'),
        el('span', null, el('span', { class: 'parley-file-name', text: m.fileName || 'file' }),
          el('span', { class: 'parley-file-size', text: formatSize(m.fileSize) }))));
    }
    if (m.message) {
      node.appendChild(el('div', { class: 'parley-bubble', text: m.message }));
    }
    if (m.sender !== 'SYSTEM') {
      node.appendChild(el('span', { class: 'parley-time', text: formatTime(m.createdAt) }));
    }
    view.messages.appendChild(node);
    if (m.sender !== 'VISITOR' && !state.open) {
      state.unread++;
      renderBadge();
    }
    scrollToEnd();
  }

  function scrollToEnd() {
    if (view.messages) { view.messages.scrollTop = view.messages.scrollHeight; }
  }

  function applyStatus(status) {
    if (!status || !view.messages) { return; }
    var previous = state.status;
    state.status = status;
    root.setAttribute('data-status', status);
    view.notice.hidden = status !== 'WAITING';
    if (status === 'ACTIVE') { setOnline(true); }
    if ((previous === 'CLOSED') !== (status === 'CLOSED') || previous === null) { renderComposer(); }
    renderRating();
  }

  /* ---------- rating ---------- */

  function renderRating() {
    var box = view.rating;
    var show = (state.status === 'RESOLVED' || state.status === 'CLOSED');
    if (!show) { box.hidden = true; box.textContent = ''; box.removeAttribute('data-for'); return; }
    if (state.rated) {
      if (box.getAttribute('data-for') === 'thanks') { return; }
      box.textContent = '';
      box.setAttribute('data-for', 'thanks');
      box.appendChild(el('h3', { class: 'parley-thanks', text: 'Thanks for your feedback!' }));
      box.appendChild(el('p', { text: 'It helps us get better at helping you.' }));
      box.hidden = false;
      return;
    }
    if (box.getAttribute('data-for') === 'ask') { box.hidden = false; return; }
    box.textContent = '';
    box.setAttribute('data-for', 'ask');
    var chosen = 0;
    var stars = [];
    var comment = el('textarea', { class: 'parley-textarea parley-rating-comment', maxlength: '1000',
      placeholder: 'Anything you would like to add? (optional)' });
    var submit = el('button', { class: 'parley-primary parley-rating-submit', type: 'button', text: 'Send rating',
      disabled: true });
    function paint(n, cls) {
      stars.forEach(function (s, i) {
        if (cls) { s.classList.toggle(cls, i < n); } else { s.setAttribute('aria-checked', i < n ? 'true' : 'false'); }
      });
    }
    var group = el('div', { class: 'parley-stars', role: 'radiogroup', 'aria-label': 'Rating' });
    for (var i = 1; i <= 5; i++) {
      (function (n) {
        var s = el('button', { class: 'parley-star', type: 'button', role: 'radio', 'aria-checked': 'false',
          'aria-label': n + (n === 1 ? ' star' : ' stars'), 'data-rating': String(n),
          onclick: function () { chosen = n; paint(n); submit.disabled = false; },
          onmouseenter: function () { paint(n, 'parley-hover'); },
          onmouseleave: function () { paint(0, 'parley-hover'); } }, icon('star', true));
        stars.push(s);
        group.appendChild(s);
      })(i);
    }
    submit.addEventListener('click', function () {
      submit.disabled = true;
      request('POST', url('/chat/rate'), { sessionId: state.sessionId, rating: chosen, comment: comment.value.trim() || null })
        .then(function () { state.rated = true; renderRating(); })
        .catch(function (err) {
          if (err.status === 409) { state.rated = true; renderRating(); return; }
          submit.disabled = false;
          showError(err.message);
        });
    });
    box.appendChild(el('h3', { text: state.status === 'CLOSED' ? 'This chat is closed' : 'Did we solve your question?' }));
    box.appendChild(el('p', { text: 'Rate this conversation' }));
    box.appendChild(group);
    box.appendChild(comment);
    box.appendChild(submit);
    box.hidden = false;
    scrollToEnd();
  }

  /* ---------- live updates ---------- */

  function connect() {
    stopStream();
    if (!state.sessionId) { return; }
    if (typeof EventSource === 'undefined') { startPolling(); return; }
    var source = new EventSource(url('/chat/stream?sessionId=' + encodeURIComponent(state.sessionId)));
    state.stream = source;
    var onData = function (e) {
      var data;
      try { data = JSON.parse(e.data); } catch (x) { return; }
      handleLive(data);
    };
    source.addEventListener('message', onData);
    source.addEventListener('status', onData);
    // Events were missed and cannot be replayed: read the whole chat again (messages are de-duplicated by id).
    source.addEventListener('resync', function () { catchUp(true); });
    source.onopen = function () { catchUp(); };
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) { state.stream = null; startPolling(); }
    };
  }

  function handleLive(data) {
    if (!data || !view.messages) { return; }
    addMessage(messageOf(data));
    var status = statusOf(data);
    if (status) { applyStatus(status); }
    var chat = data.chat || data;
    if (chat.rating != null) { state.rated = true; renderRating(); }
  }

  function catchUp(everything) {
    if (!state.sessionId) { return Promise.resolve(); }
    var q = '/chat?sessionId=' + encodeURIComponent(state.sessionId)
      + (state.lastMessageId && !everything ? '&after=' + state.lastMessageId : '');
    return request('GET', url(q)).then(function (data) {
      if (!view.messages) { renderConversation(); }
      (data.messages || []).forEach(addMessage);
      var chat = data.chat || data;
      if (chat.rating != null) { state.rated = true; }
      if (data.adminOnline != null) { setOnline(data.adminOnline); }
      applyStatus(statusOf(data));
    });
  }

  function startPolling() {
    if (state.pollTimer) { return; }
    state.pollTimer = setInterval(function () { catchUp().catch(function () {}); }, 5000);
  }

  function stopStream() {
    if (state.stream) { state.stream.close(); state.stream = null; }
    if (state.pollTimer) { clearInterval(state.pollTimer); state.pollTimer = null; }
  }

  /* ---------- start ---------- */

  function boot() {
    document.body.appendChild(root);
    if (state.sessionId) {
      renderConversation();
      catchUp().then(connect).catch(function (err) {
        if (err.status === 404 || err.status === 400) { writeSession(null); }
        renderStart();
      });
    } else {
      renderStart();
    }
  }

  window.Parley = { open: open, close: close };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
})();
