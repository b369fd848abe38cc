/*
 * Parley chat widget: one script tag, no dependencies, no build step.
 *
 *   <script src="https://support.example.com/parley/widget.js" defer data-title="Support"></script>
 *
 * Options, as data- attributes of the tag or as Parley.init({...}) (with data-manual on the tag, nothing starts
 * until Parley.init is called): api, departments, color, title, subtitle, greeting, position, lang, texts, fields,
 * storageKey. See docs/ui.md. The widget lives in a shadow root, so page styles and its own never mix.
 *
 * Everything a person typed is put on the page with textContent (never as HTML). The visitor's session id (their
 * only credential) is kept in localStorage so that the chat survives reloads.
 */
(function () {
  'use strict';

  if (window.Parley && window.Parley.init) { return; }

  var script = document.currentScript;
  // The server serving this file writes its versioned folder (e.g. '3f2a9c01b7de/') and the API path here.
  var VERSION = /*parley:version*/'';
  var API_PATH = /*parley:api*/'';
  var BASE = script && script.src ? script.src.replace(/[^/]*([?#].*)?$/, '') : document.baseURI;

  var QUEUE_REFRESH_MS = 5000;

  var TEXTS = {
    en: {
      launcher: 'Open the support chat', unread: '{n} unread', minimise: 'Minimise the chat',
      title: 'Support', subtitle: 'We usually reply within a few minutes', away: 'Away right now — leave us a message',
      greeting: 'Hi there!', intro: 'Ask us anything — choose a team and we will get back to you here.',
      team: 'Team', name: 'Name', namePlaceholder: 'Your name', email: 'Email (optional)',
      emailPlaceholder: 'you@example.com', phone: 'Phone (optional)', message: 'Message',
      messagePlaceholder: 'How can we help?', start: 'Start chat', starting: 'Starting…',
      fineprint: 'Leave your email and tick the box, and we will write back even if you close this page.',
      emailReplies: 'Email me the replies',
      needName: 'Please tell us your name.', needMessage: 'Please write a message.', suggested: 'Suggested articles',
      offline: 'No agents are online right now. Leave your message here — the team gets it by email and replies as soon as possible.',
      closedChat: 'This chat is closed.', newChat: 'Start a new chat', uploading: 'Uploading…',
      uploadingFile: 'Uploading {name}…', write: 'Write a message…', send: 'Send', attach: 'Attach a file',
      powered: 'Powered by Parley', supportTeam: 'Support team', image: 'image', file: 'file', visitor: 'Visitor',
      thanks: 'Thanks for your feedback!', thanksMore: 'It helps us get better at helping you.',
      closedTitle: 'This chat is closed', solved: 'Did we solve your question?', rateThis: 'Rate this conversation',
      ratingLabel: 'Rating', star: '{n} star', stars: '{n} stars', comment: 'Anything you would like to add? (optional)',
      sendRating: 'Send rating', error: 'Something went wrong ({status}). Please try again.',
      closed: "We're closed. We reopen {day} at {time}.", closedNow: "We're closed right now.",
      closedLeave: 'Leave a message: we answer as soon as we are back.', today: 'today', tomorrow: 'tomorrow',
      onWeekday: '{weekday}', onDate: 'on {date}', queue: 'You are number {n} in line',
      agentJoined: '{name} joined the chat'
    },
    de: {
      launcher: 'Support-Chat öffnen', unread: '{n} ungelesen', minimise: 'Chat minimieren',
      title: 'Support', subtitle: 'Wir antworten meist innerhalb weniger Minuten',
      away: 'Gerade nicht besetzt – hinterlassen Sie uns eine Nachricht',
      greeting: 'Hallo!', intro: 'Fragen Sie uns alles – wählen Sie ein Team, wir antworten Ihnen hier.',
      team: 'Team', name: 'Name', namePlaceholder: 'Ihr Name', email: 'E-Mail (optional)',
      emailPlaceholder: 'sie@beispiel.de', phone: 'Telefon (optional)', message: 'Nachricht',
      messagePlaceholder: 'Wie können wir helfen?', start: 'Chat starten', starting: 'Wird gestartet…',
      fineprint: 'Mit Ihrer E-Mail-Adresse und dem Häkchen antworten wir auch, wenn Sie diese Seite schließen.',
      emailReplies: 'Antworten per E-Mail senden',
      needName: 'Bitte nennen Sie Ihren Namen.', needMessage: 'Bitte schreiben Sie eine Nachricht.',
      suggested: 'Passende Artikel',
      offline: 'Gerade ist niemand online. Hinterlassen Sie Ihre Nachricht hier – das Team erhält sie per E-Mail und antwortet so bald wie möglich.',
      closedChat: 'Dieser Chat ist geschlossen.', newChat: 'Neuen Chat starten', uploading: 'Wird hochgeladen…',
      uploadingFile: '{name} wird hochgeladen…', write: 'Nachricht schreiben…', send: 'Senden',
      attach: 'Datei anhängen', powered: 'Bereitgestellt von Parley', supportTeam: 'Support-Team', image: 'Bild',
      file: 'Datei', visitor: 'Besucher', thanks: 'Danke für Ihre Bewertung!',
      thanksMore: 'Sie hilft uns, Ihnen noch besser zu helfen.', closedTitle: 'Dieser Chat ist geschlossen',
      solved: 'Konnten wir Ihre Frage beantworten?', rateThis: 'Bewerten Sie dieses Gespräch', ratingLabel: 'Bewertung',
      star: '{n} Stern', stars: '{n} Sterne', comment: 'Möchten Sie noch etwas ergänzen? (optional)',
      sendRating: 'Bewertung senden', error: 'Etwas ist schiefgegangen ({status}). Bitte versuchen Sie es noch einmal.',
      closed: 'Wir haben geschlossen. Wir sind {day} um {time} Uhr wieder da.',
      closedNow: 'Wir haben gerade geschlossen.',
      closedLeave: 'Hinterlassen Sie eine Nachricht: Wir antworten, sobald wir wieder da sind.', today: 'heute',
      tomorrow: 'morgen', onWeekday: 'am {weekday}', onDate: 'am {date}',
      queue: 'Sie sind Nummer {n} in der Warteschlange', agentJoined: '{name} ist dem Chat beigetreten'
    }
  };

  /** The options of the script tag's data- attributes. */
  function fromTag() {
    var o = {};
    if (!script) { return o; }
    ['api', 'departments', 'color', 'title', 'subtitle', 'greeting', 'position', 'lang', 'fields', 'storage-key']
      .forEach(function (name) {
        var v = script.getAttribute('data-' + name);
        if (v != null && v !== '') { o[name.replace(/-(\w)/g, function (m, c) { return c.toUpperCase(); })] = v; }
      });
    var texts = script.getAttribute('data-texts');
    if (texts) { try { o.texts = JSON.parse(texts); } catch (e) { /* ignored: not JSON */ } }
    return o;
  }

  function list(v, fallback) {
    if (v == null) { return fallback; }
    return (Array.isArray(v) ? v : String(v).split(',')).map(function (x) { return String(x).trim(); })
      .filter(Boolean);
  }

  /** The effective configuration: defaults, then the tag's attributes, then init's options. */
  function configure(options) {
    var o = {};
    [fromTag(), options || {}].forEach(function (src) {
      Object.keys(src).forEach(function (k) { o[k] = src[k]; });
    });
    var lang = String(o.lang || document.documentElement.lang || navigator.language || 'en').toLowerCase().slice(0, 2);
    if (!TEXTS[lang]) { lang = 'en'; }
    var texts = {};
    Object.keys(TEXTS.en).forEach(function (k) { texts[k] = TEXTS[lang][k] || TEXTS.en[k]; });
    Object.keys(o.texts || {}).forEach(function (k) { texts[k] = String(o.texts[k]); });
    var api = o.api ? new URL(o.api, document.baseURI) : new URL(API_PATH || '../api/v1', BASE);
    return {
      api: api.href.replace(/\/+$/, ''),
      css: new URL(VERSION + 'widget.css', BASE).href,
      departments: list(o.departments, []),
      color: o.color && /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]+)$/i.test(o.color) ? o.color : null,
      title: o.title || texts.title,
      subtitle: o.subtitle || texts.subtitle,
      greeting: o.greeting || null,
      position: o.position === 'left' ? 'left' : 'right',
      lang: lang,
      texts: texts,
      fields: list(o.fields, ['name', 'email']),
      storageKey: o.storageKey || 'parley.sessionId'
    };
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

  /* ---------- one widget on the page ---------- */

  function mount(config) {
    function t(key, values) {
      var s = config.texts[key] || key;
      Object.keys(values || {}).forEach(function (k) { s = s.split('{' + k + '}').join(String(values[k])); });
      return s;
    }

    function asks(field) {
      return config.fields.indexOf(field) >= 0;
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
              : t('error', { status: res.status });
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
      loaded: false, // the chat's history is shown: later answers count as unread while closed
      stream: null,
      pollTimer: null,
      queueTimer: null // re-reads the chat while it waits in the queue
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

    var host = el('div', { id: 'parley-widget' });
    var shadow = host.attachShadow({ mode: 'open' });
    var root = el('div', { class: 'parley', 'data-open': 'false', 'data-position': config.position, lang: config.lang,
      hidden: true });
    if (config.color) { root.style.setProperty('--parley-accent', config.color); }
    var badge = el('span', { class: 'parley-badge', hidden: true, 'aria-hidden': 'true' });
    var launcher = el('button', {
      class: 'parley-launcher', type: 'button', 'aria-label': t('launcher'), 'aria-expanded': 'false',
      'aria-controls': 'parley-panel', onclick: function () { open(); }
    }, icon('chat'), badge);
    var statusDot = el('span', { class: 'parley-dot', 'data-online': 'false' });
    var subtitle = el('span', { class: 'parley-subtitle-text', text: config.subtitle });
    var body = el('div', { class: 'parley-body' });
    var errorBox = el('div', { class: 'parley-error', role: 'alert', hidden: true });
    var minimise = el('button', {
      class: 'parley-icon-button parley-minimise', type: 'button', 'aria-label': t('minimise'),
      onclick: function () { close(); }
    }, icon('minimise'));
    var panel = el('section', { class: 'parley-panel', id: 'parley-panel', role: 'dialog',
      'aria-labelledby': 'parley-title' },
      el('header', { class: 'parley-header' },
        el('div', { class: 'parley-avatar' }, icon('headset')),
        el('div', { class: 'parley-header-text' },
          el('h2', { class: 'parley-title', id: 'parley-title', text: config.title }),
          el('p', { class: 'parley-subtitle' }, statusDot, subtitle)),
        minimise),
      body, errorBox);
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { e.preventDefault(); close(); }
    });
    root.appendChild(panel);
    root.appendChild(launcher);
    var stylesheet = el('link', { rel: 'stylesheet', href: config.css,
      onload: function () { root.hidden = false; }, onerror: function () { root.hidden = false; } });
    shadow.appendChild(stylesheet);
    shadow.appendChild(root);

    function open() {
      state.open = true;
      root.setAttribute('data-open', 'true');
      launcher.setAttribute('aria-expanded', 'true');
      state.unread = 0;
      renderBadge();
      var focusable = panel.querySelector('.parley-body input:not([type=file]), .parley-body textarea');
      (focusable || minimise).focus();
      scrollToEnd();
    }

    function close() {
      state.open = false;
      root.setAttribute('data-open', 'false');
      launcher.setAttribute('aria-expanded', 'false');
      if (panel.contains(shadow.activeElement)) { launcher.focus(); }
    }

    function renderBadge() {
      badge.hidden = state.unread === 0;
      badge.textContent = String(state.unread);
      launcher.setAttribute('aria-label', state.unread === 0 ? t('launcher')
        : t('launcher') + ' (' + t('unread', { n: state.unread }) + ')');
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
      subtitle.textContent = online === false ? t('away') : config.subtitle;
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
      box.appendChild(el('p', { class: 'parley-suggestions-title', text: t('suggested') }));
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
      state.answered = false;
      state.messageIds = {};
      state.lastMessageId = 0;
      state.loaded = false;
      body.textContent = '';

      var name = el('input', { class: 'parley-input', name: 'visitorName', autocomplete: 'name', required: true,
        maxlength: '100', placeholder: t('namePlaceholder') });
      var email = el('input', { class: 'parley-input', name: 'visitorEmail', type: 'email', autocomplete: 'email',
        placeholder: t('emailPlaceholder') });
      var emailReplies = el('input', { type: 'checkbox', name: 'emailReplies' });
      var phone = el('input', { class: 'parley-input', name: 'visitorPhone', type: 'tel', autocomplete: 'tel',
        maxlength: '40' });
      var message = el('textarea', { class: 'parley-textarea', name: 'message', required: true, maxlength: '5000',
        placeholder: t('messagePlaceholder') });
      var departments = el('div', { class: 'parley-departments', role: 'group', 'aria-labelledby': 'parley-team-label' });
      var suggestions = suggestionBox();
      var submit = el('button', { class: 'parley-primary', type: 'submit', text: t('start') });
      var closedBanner = closedBox();

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
        checkHours(closedBanner);
      }
      renderDepartments();
      loadDepartments().then(renderDepartments);

      var form = el('form', { class: 'parley-start', novalidate: true },
        el('p', { class: 'parley-greeting', text: config.greeting || t('greeting') }),
        el('p', { class: 'parley-intro', text: t('intro') }),
        closedBanner,
        el('span', { class: 'parley-label', id: 'parley-team-label', text: t('team') }),
        departments,
        el('div', { class: 'parley-row' },
          asks('name') ? el('label', { class: 'parley-field' }, el('span', { class: 'parley-label', text: t('name') }), name) : null,
          asks('email') ? el('label', { class: 'parley-field' }, el('span', { class: 'parley-label', text: t('email') }), email) : null),
        asks('email') ? el('label', { class: 'parley-check' }, emailReplies, el('span', { text: t('emailReplies') })) : null,
        asks('phone') ? el('label', { class: 'parley-field' }, el('span', { class: 'parley-label', text: t('phone') }), phone) : null,
        el('label', { class: 'parley-field' }, el('span', { class: 'parley-label', text: t('message') }), message),
        suggestions.box,
        submit,
        el('p', { class: 'parley-fineprint', text: asks('email') ? t('fineprint') : '', hidden: !asks('email') }));

      form.addEventListener('submit', function (e) {
        e.preventDefault();
        if (asks('name') && !name.value.trim()) { showError(t('needName')); name.focus(); return; }
        if (!message.value.trim()) { showError(t('needMessage')); message.focus(); return; }
        submit.disabled = true;
        submit.textContent = t('starting');
        request('POST', url('/chat'), {
          visitorName: (asks('name') && name.value.trim()) || t('visitor'),
          visitorEmail: (asks('email') && email.value.trim()) || null,
          emailReplies: asks('email') && !!email.value.trim() && emailReplies.checked,
          visitorPhone: (asks('phone') && phone.value.trim()) || null,
          department: state.department,
          message: message.value
        }).then(function (data) {
          writeSession(data.sessionId);
          state.loaded = true;
          renderConversation();
          applyStatus(statusOf(data));
          setOnline(data.adminOnline !== false);
          addMessage(messageOf(data));
          checkHours(view.closed);
          connect();
          if (view.input) { view.input.focus(); } // the start form is gone: keep the keyboard in the chat
        }).catch(function (err) {
          submit.disabled = false;
          submit.textContent = t('start');
          showError(err.message);
        });
      });

      body.appendChild(form);
    }

    function loadDepartments() {
      return request('GET', url('/chat/departments')).then(function (data) {
        var list = Array.isArray(data) ? data : (data && (data.departments || data.items)) || [];
        var offered = config.departments;
        state.departments = list.filter(function (d) {
          return d.active !== false && d.isActive !== false && (!offered.length || offered.indexOf(d.slug) >= 0);
        });
      }).catch(function () { state.departments = []; });
    }

    /* ---------- business hours: "We're closed. We reopen Monday at 09:00." ---------- */

    function closedBox() {
      return el('div', { class: 'parley-hours', role: 'status', hidden: true }, icon('info'),
        el('span', null, el('strong', { class: 'parley-hours-when' }), ' ',
          el('span', { class: 'parley-hours-leave', text: t('closedLeave') })));
    }

    /** Shows the box while the chosen department is closed, with when it reopens on the visitor's clock. */
    function checkHours(box) {
      var slug = state.department;
      if (!box || !slug) { return; }
      request('GET', url('/chat/hours?department=' + encodeURIComponent(slug))).then(function (h) {
        if (slug !== state.department) { return; }
        box.querySelector('.parley-hours-when').textContent = h.open ? '' : reopening(h.nextOpening);
        box.hidden = !!h.open || !!state.answered; // someone answered: the team is there after all
      }).catch(function () { box.hidden = true; });
    }

    function reopening(iso) {
      var at = iso ? new Date(iso) : null;
      if (!at || isNaN(at.getTime())) { return t('closedNow'); }
      var midnight = function (d) { return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(); };
      var days = Math.round((midnight(at) - midnight(new Date())) / 86400000);
      var day = days <= 0 ? t('today') : days === 1 ? t('tomorrow')
        : days < 7 ? t('onWeekday', { weekday: at.toLocaleDateString(config.lang, { weekday: 'long' }) })
          : t('onDate', { date: at.toLocaleDateString(config.lang, { day: 'numeric', month: 'long' }) });
      var time = at.toLocaleTimeString(config.lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      return t('closed', { day: day, time: time });
    }

    /* ---------- view: the conversation ---------- */

    var view = {};

    function renderConversation() {
      body.textContent = '';
      view.closed = closedBox();
      body.appendChild(view.closed);
      view.notice = el('div', { class: 'parley-notice', role: 'status', hidden: true }, icon('info'),
        el('span', { class: 'parley-notice-text',
          text: t('offline') }));
      // Always in the page (empty when there is nothing to say), so that screen readers announce each change.
      view.queue = el('p', { class: 'parley-queue', role: 'status', 'aria-live': 'polite' });
      view.messages = el('div', { class: 'parley-messages', role: 'log', 'aria-live': 'polite' });
      view.rating = el('div', { class: 'parley-rating', hidden: true });
      view.footer = el('div', { class: 'parley-footer' });
      body.appendChild(view.notice);
      body.appendChild(view.queue);
      body.appendChild(view.messages);
      body.appendChild(view.rating);
      body.appendChild(view.footer);
      renderComposer();
    }

    function renderComposer() {
      view.footer.textContent = '';
      if (state.status === 'CLOSED') {
        view.footer.appendChild(el('div', { class: 'parley-closed' },
          el('p', { text: t('closedChat') }),
          el('button', { class: 'parley-secondary parley-new-chat', type: 'button', text: t('newChat'),
            onclick: function () { writeSession(null); renderStart(); } })));
        return;
      }
      var suggestions = suggestionBox('parley-composer-suggestions');
      var uploading = el('p', { class: 'parley-uploading', hidden: true, text: t('uploading') });
      var text = view.input = el('textarea', { rows: '1', maxlength: '5000', placeholder: t('write'),
        'aria-label': t('message'), class: 'parley-message-input' });
      var send = el('button', { class: 'parley-tool parley-send', type: 'submit', 'aria-label': t('send'), disabled: true },
        icon('send'));
      var file = el('input', { type: 'file', class: 'parley-file-input', tabindex: '-1', 'aria-hidden': 'true',
        accept: 'image/jpeg,image/png,image/gif,image/webp,application/pdf,.pdf,.doc,.docx' });
      var attach = el('button', { class: 'parley-tool parley-attach', type: 'button', 'aria-label': t('attach'),
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
      view.footer.appendChild(el('p', { class: 'parley-powered', text: t('powered') }));
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
      indicator.textContent = t('uploadingFile', { name: f.name });
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
      if (m.sender === 'ADMIN') { state.answered = true; if (view.closed) { view.closed.hidden = true; } }
      state.lastMessageId = Math.max(state.lastMessageId, Number(m.id) || 0);
      var previous = view.messages.lastElementChild;
      var sameAuthor = previous && previous.getAttribute('data-sender') === m.sender;
      var node = el('div', { class: 'parley-msg', 'data-sender': m.sender, 'data-id': String(m.id) });
      if (m.sender === 'ADMIN' && !sameAuthor) {
        node.appendChild(el('span', { class: 'parley-author', text: m.senderName || t('supportTeam') }));
      }
      var link = safeUrl(m.fileUrl);
      if (link) { link = new URL(link, config.api).href; } // files are on the API's server, not the page's
      if (m.messageType === 'IMAGE' && link) {
        node.appendChild(el('a', { class: 'parley-image-link', href: link, target: '_blank', rel: 'noopener' },
          el('img', { class: 'parley-image', src: link, alt: m.fileName || t('image'), loading: 'lazy',
            onload: scrollToEnd })));
      } else if (m.messageType === 'FILE' && link) {
        node.appendChild(el('a', { class: 'parley-file', href: link, target: '_blank', rel: 'noopener', download: m.fileName || true },
          icon('file'),
          el('span', null, el('span', { class: 'parley-file-name', text: m.fileName || t('file') }),
            el('span', { class: 'parley-file-size', text: formatSize(m.fileSize) }))));
      }
      if (m.message) {
        node.appendChild(el('div', { class: 'parley-bubble', text: m.message }));
      }
      if (m.sender !== 'SYSTEM') {
        node.appendChild(el('span', { class: 'parley-time', text: formatTime(m.createdAt) }));
      }
      view.messages.appendChild(node);
      if (m.sender !== 'VISITOR' && !state.open && state.loaded) {
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
        box.appendChild(el('h3', { class: 'parley-thanks', text: t('thanks') }));
        box.appendChild(el('p', { text: t('thanksMore') }));
        box.hidden = false;
        return;
      }
      if (box.getAttribute('data-for') === 'ask') { box.hidden = false; return; }
      box.textContent = '';
      box.setAttribute('data-for', 'ask');
      var chosen = 0;
      var stars = [];
      var comment = el('textarea', { class: 'parley-textarea parley-rating-comment', maxlength: '1000',
        placeholder: t('comment'), 'aria-label': t('comment') });
      var submit = el('button', { class: 'parley-primary parley-rating-submit', type: 'button', text: t('sendRating'),
        disabled: true });
      function paint(n, cls) {
        stars.forEach(function (s, i) {
          if (cls) { s.classList.toggle(cls, i < n); } else { s.setAttribute('aria-checked', i < n ? 'true' : 'false'); }
        });
      }
      var group = el('div', { class: 'parley-stars', role: 'radiogroup', 'aria-label': t('ratingLabel') });
      for (var i = 1; i <= 5; i++) {
        (function (n) {
          var s = el('button', { class: 'parley-star', type: 'button', role: 'radio', 'aria-checked': 'false',
            'aria-label': t(n === 1 ? 'star' : 'stars', { n: n }), 'data-rating': String(n),
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
      box.appendChild(el('h3', { text: state.status === 'CLOSED' ? t('closedTitle') : t('solved') }));
      box.appendChild(el('p', { text: t('rateThis') }));
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
      var first = !state.lastMessageId;
      return request('GET', url(q)).then(function (data) {
        if (!view.messages) { renderConversation(); }
        (data.messages || []).forEach(addMessage);
        state.loaded = true;
        var chat = data.chat || data;
        if (chat.rating != null) { state.rated = true; }
        if (first && chat.department && (chat.status === 'WAITING' || chat.status === 'ACTIVE')) {
          state.department = chat.department;
          checkHours(view.closed);
        }
        if (data.adminOnline != null) { setOnline(data.adminOnline); }
        applyStatus(statusOf(data));
        applyQueue(data.position, chat.agentName, chat.status || statusOf(data));
      });
    }

    /* ---------- queue ---------- */

    /** Shows the place in the queue, or the agent's name once assigned; re-reads the chat while it waits. */
    function applyQueue(position, agentName, status) {
      if (!view.queue) { return; }
      var open = status !== 'RESOLVED' && status !== 'CLOSED';
      var text = '';
      if (open && agentName) {
        text = t('agentJoined', { name: agentName });
      } else if (open && position != null) {
        text = t('queue', { n: position });
      }
      if (view.queue.textContent !== text) { view.queue.textContent = text; }
      view.queue.setAttribute('data-position', position == null ? '' : String(position));
      clearTimeout(state.queueTimer);
      state.queueTimer = null;
      if (open && position != null && !agentName) {
        // No live event tells the visitor that the queue moved: read the chat again after a while.
        state.queueTimer = setTimeout(function () { catchUp().catch(function () {}); }, QUEUE_REFRESH_MS);
      }
    }

    function startPolling() {
      if (state.pollTimer) { return; }
      state.pollTimer = setInterval(function () { catchUp().catch(function () {}); }, 5000);
    }

    function stopStream() {
      clearTimeout(state.queueTimer);
      state.queueTimer = null;
      if (state.stream) { state.stream.close(); state.stream = null; }
      if (state.pollTimer) { clearInterval(state.pollTimer); state.pollTimer = null; }
    }

    /* ---------- start ---------- */

    function boot() {
      document.body.appendChild(host);
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

    function destroy() {
      stopStream();
      if (host.parentNode) { host.parentNode.removeChild(host); }
    }

    boot();
    return { open: open, close: close, destroy: destroy };
  }

  var current = null;

  function init(options) {
    if (current) { current.destroy(); }
    current = mount(configure(options));
    return window.Parley;
  }

  window.Parley = {
    init: init,
    open: function () { if (current) { current.open(); } },
    close: function () { if (current) { current.close(); } },
    destroy: function () { if (current) { current.destroy(); current = null; } }
  };
  if (!script || !script.hasAttribute('data-manual')) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { if (!current) { init(); } });
    } else {
      init();
    }
  }
})();
