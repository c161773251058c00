/**
 * The sandbox's web chat: a small Webex client in plain browser JavaScript. It talks to the Webex
 * API emulator exactly as a Webex client does (bearer tokens, /rooms, /messages, /attachment/actions,
 * /contents, /people) and never throws at the user: failures show as one line with the trackingId.
 */
(() => {
  'use strict';

  const { render: renderMarkdown, safeUrl } = window.SandboxMarkdown;
  const POLL_MS = 700;
  const ROOMS_EVERY_MS = 5000;
  /** Webex's limit for `text`/`markdown`, in UTF-8 bytes. */
  const MAX_MESSAGE_BYTES = 7439;
  const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
  const SUGGESTIONS = [
    'temperature in Room 4 last 6 hours',
    'which room was noisiest this week?',
    'how was the Boardroom yesterday?',
    'help',
  ];

  const $ = (id) => document.getElementById(id);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const state = {
    config: undefined,
    person: undefined,
    /** Bumped on every switch of person or space; late answers of older ones are dropped. */
    generation: 0,
    rooms: [],
    room: undefined,
    rendered: new Map(),
    /** Card button presses shown ("Ingrid Berg pressed Last 7 days"), by attachment action id. */
    actions: new Map(),
    names: new Map(),
    members: new Map(),
    pollTimer: undefined,
    roomsAt: 0,
    sending: false,
    sendError: undefined,
  };

  // ---------------------------------------------------------------- Webex API

  /** One call to the emulator as the current person; resolves {ok, status, data, error}, never rejects. */
  async function webex(method, path, body, options = {}) {
    const url = /^https?:/.test(path) ? path : `${state.config.webexUrl}${path}`;
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${state.person.token}`,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      return { ok: false, status: 0, error: `Cannot reach the emulator (${error.message})` };
    }
    const trackingId = response.headers.get('TrackingID') ?? undefined;
    if (options.raw && response.ok) return { ok: true, status: response.status, response, trackingId };
    let data;
    try {
      const text = await response.text();
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (response.ok) return { ok: true, status: response.status, data, trackingId };
    const description = data?.errors?.[0]?.description ?? data?.message ?? response.statusText;
    const retry = response.headers.get('Retry-After');
    return {
      ok: false,
      status: response.status,
      error: `${response.status}: ${description}${retry ? ` (retry after ${retry} s)` : ''}${trackingId ? ` · trackingId ${trackingId}` : ''}`,
    };
  }

  function showStatus(message) {
    const status = $('status');
    status.hidden = !message;
    status.textContent = message ?? '';
  }

  // ---------------------------------------------------------------- people and time

  function initials(name) {
    const words = String(name ?? '?')
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter(Boolean);
    return ((words[0]?.[0] ?? '?') + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase();
  }

  /** A stable colour per person or space. */
  function hue(seed) {
    let h = 0;
    for (const c of String(seed)) h = (h * 31 + c.codePointAt(0)) % 360;
    return h;
  }

  function paintAvatar(node, name, seed) {
    node.textContent = initials(name);
    node.style.backgroundColor = `hsl(${hue(seed ?? name)} 55% 42%)`;
  }

  /** A person's display name: GET /people/{id}, cached; the email meanwhile. */
  function nameOf(personId, fallback) {
    if (!state.names.has(personId)) {
      state.names.set(
        personId,
        webex('GET', `/people/${encodeURIComponent(personId)}`).then((r) =>
          r.ok && r.data?.displayName ? r.data.displayName : fallback || 'Someone',
        ),
      );
    }
    return state.names.get(personId);
  }

  const timeFormat = () =>
    new Intl.DateTimeFormat('en-GB', { timeZone: state.config.timeZone, hour: '2-digit', minute: '2-digit' });
  const dayFormat = () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: state.config.timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    });
  const fullFormat = () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: state.config.timeZone,
      dateStyle: 'full',
      timeStyle: 'medium',
    });

  /** "14:05" today, "Fri 27 Nov 14:05" before; the title says the zone. */
  function timeLabel(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return { text: '', title: '' };
    const day = dayFormat().format(date);
    const today = dayFormat().format(new Date());
    const time = timeFormat().format(date);
    return {
      text: day === today ? time : `${day} ${time}`,
      title: `${fullFormat().format(date)} (${state.config.timeZone})`,
    };
  }

  // ---------------------------------------------------------------- spaces

  /** The members of a space (cached): names for the header, the other person of a 1:1. */
  async function membersOf(roomId) {
    if (!state.members.has(roomId)) {
      const result = await webex('GET', `/memberships?roomId=${encodeURIComponent(roomId)}&max=100`);
      if (!result.ok) return [];
      state.members.set(roomId, result.data.items);
    }
    return state.members.get(roomId);
  }

  /** Spaces as the person sees them; a 1:1 is named after the other person, as in Webex. */
  async function loadRooms() {
    const generation = state.generation;
    const result = await webex('GET', '/rooms?max=100');
    if (generation !== state.generation) return;
    if (!result.ok) {
      showStatus(`Could not load spaces: ${result.error} — retrying…`);
      // While no space is open nothing polls: try again on our own.
      if (!state.room) setTimeout(() => generation === state.generation && loadRooms(), 2000);
      return;
    }
    const rooms = await Promise.all(
      result.data.items.map(async (room) => {
        if (room.type !== 'direct') return { ...room, label: room.title };
        const other = (await membersOf(room.id)).find((m) => m.personId !== state.person.id);
        return { ...room, label: other?.personDisplayName || room.title, otherId: other?.personId };
      }),
    );
    if (generation !== state.generation) return;
    const hasBotChat = rooms.some((r) => r.type === 'direct' && r.otherId === state.config.botId);
    if (!hasBotChat) {
      // No 1:1 with the bot yet: offer one; the first message creates it (toPersonEmail).
      rooms.push({ id: 'new-bot-chat', type: 'direct', label: state.config.botName, pending: true });
    }
    state.rooms = rooms;
    state.roomsAt = Date.now();
    renderRooms();
    if (!state.room || !rooms.some((r) => r.id === state.room.id)) selectRoom(rooms[0]);
  }

  function renderRooms() {
    const list = $('spaces');
    list.replaceChildren(
      ...state.rooms.map((room) => {
        const item = el('li');
        const button = el('button', 'space');
        button.type = 'button';
        button.dataset.roomId = room.id;
        if (state.room?.id === room.id) button.setAttribute('aria-current', 'true');
        const avatar = el('span', 'avatar');
        paintAvatar(avatar, room.label, room.otherId ?? room.label);
        const text = el('span', 'space-text');
        text.append(
          el('span', 'space-name', room.label),
          el('span', 'space-kind', room.pending ? 'Start a 1:1' : room.type === 'group' ? 'Space' : '1:1'),
        );
        button.append(avatar, text);
        button.addEventListener('click', () => selectRoom(room));
        item.append(button);
        return item;
      }),
    );
  }

  async function selectRoom(room) {
    state.generation += 1;
    state.room = room;
    state.rendered.clear();
    state.actions.clear();
    $('messages').replaceChildren();
    showStatus();
    renderRooms();
    if (!room) {
      $('space-title').textContent = 'No spaces';
      $('space-subtitle').textContent = '';
      showEmpty(`${state.person.name} is in no spaces.`);
      updateComposer();
      return;
    }
    $('space-title').textContent = room.label;
    paintAvatar($('space-avatar'), room.label, room.otherId ?? room.label);
    $('space-subtitle').textContent =
      room.type === 'group' ? 'Group space' : `1:1 with ${room.label} · no mention needed`;
    updateComposer();
    if (room.type === 'group') {
      const generation = state.generation;
      state.members.delete(room.id); // people may have joined since
      const members = await membersOf(room.id);
      if (generation === state.generation && members.length > 0) {
        $('space-subtitle').textContent =
          `${members.length} members: ${members.map((m) => m.personDisplayName).join(', ')}`;
      }
    }
    await poll();
  }

  // ---------------------------------------------------------------- messages

  function showEmpty(text) {
    const empty = $('empty');
    empty.hidden = !text;
    empty.textContent = text ?? '';
  }

  const PAGE = 50;

  /**
   * Fetches the newest messages of the space: appends those not shown yet (oldest first),
   * re-renders edited ones in place and drops deleted ones.
   */
  async function poll() {
    clearTimeout(state.pollTimer);
    const generation = state.generation;
    const room = state.room;
    if (room && !room.pending) {
      // Only messages shown before the request can be missing from its answer because they were
      // deleted (one sent meanwhile may be newer than the answer).
      const shownBefore = new Set(state.rendered.keys());
      const result = await webex('GET', `/messages?roomId=${encodeURIComponent(room.id)}&max=${PAGE}`);
      if (generation !== state.generation) return;
      if (result.ok) {
        showStatus();
        const items = [...result.data.items].reverse();
        for (const message of items) addMessage(message);
        removeDeleted(shownBefore, result.data.items);
        await showActions(room);
        if (generation !== state.generation) return;
        regroup();
        showEmpty(
          state.rendered.size === 0
            ? `No messages yet. Ask ${state.config.botName} something, e.g. “${SUGGESTIONS[0]}”.`
            : undefined,
        );
      } else {
        showStatus(`Could not load messages: ${result.error} — retrying…`);
      }
    } else if (room?.pending) {
      showEmpty(`Send ${state.config.botName} a message to start your 1:1.`);
    }
    if (Date.now() - state.roomsAt > ROOMS_EVERY_MS) loadRooms();
    if (generation === state.generation) state.pollTimer = setTimeout(poll, POLL_MS);
  }

  function nearBottom() {
    const scroller = $('scroller');
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  }

  function scrollToBottom() {
    const scroller = $('scroller');
    scroller.scrollTop = scroller.scrollHeight;
  }

  /**
   * Removes the shown messages that the answer (newest first) no longer has. A full page may
   * not reach back to older messages, so only those inside its time span count as deleted.
   */
  function removeDeleted(shownBefore, newestFirst) {
    const present = new Set(newestFirst.map((m) => m.id));
    const oldest = newestFirst.length >= PAGE ? newestFirst.at(-1)?.created : undefined;
    let removed = false;
    for (const id of shownBefore) {
      const shown = state.rendered.get(id);
      if (!shown || present.has(id)) continue;
      if (oldest !== undefined && shown.message.created <= oldest) continue;
      shown.item.remove();
      state.rendered.delete(id);
      removed = true;
    }
    if (removed) regroup();
  }

  /**
   * A message continues the previous one (no avatar, no name) when by the same author within 3
   * minutes and in the same place: the space's main line, or the same thread.
   */
  function regroup() {
    const previousIn = new Map();
    for (const item of $('messages').children) {
      const message = state.rendered.get(item.dataset.messageId)?.message;
      if (!message) continue;
      // A reply whose parent is off screen shows its author and its "replied in a thread" note.
      const place = item.dataset.threadOf ?? (item.classList.contains('orphan-reply') ? message.id : '');
      const previous = previousIn.get(place);
      const sameAuthor =
        previous &&
        previous.personId === message.personId &&
        Date.parse(message.created) - Date.parse(previous.created) < 3 * 60_000;
      item.classList.toggle('continued', Boolean(sameAuthor));
      previousIn.set(place, message);
    }
  }

  /** The items of a thread as drawn: its parent, then its replies and button presses (oldest first). */
  function threadItems(parentItem) {
    const items = [];
    for (let next = parentItem.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.dataset.threadOf !== parentItem.dataset.messageId) break;
      items.push(next);
    }
    return items;
  }

  /**
   * Puts an item where Webex draws it: a reply (or a button press) in its parent's thread, right
   * under the parent, in order of creation; anything else in the space's main line, in order of
   * creation (a message's thread moves with it).
   */
  function place(item, created, parentId) {
    const list = $('messages');
    const parent = parentId ? state.rendered.get(parentId)?.item : undefined;
    if (parent?.isConnected) {
      item.dataset.threadOf = parentId;
      const replies = threadItems(parent);
      const later = replies.find((r) => r.dataset.created > created);
      if (later) list.insertBefore(item, later);
      else (replies.at(-1) ?? parent).after(item);
      return;
    }
    const later = [...list.children].find((r) => !r.dataset.threadOf && r.dataset.created > created);
    if (later) list.insertBefore(item, later);
    else list.append(item);
  }

  /** A reply whose parent is older than the messages shown: it says it is a reply, as Webex does. */
  function markOrphan(item) {
    item.classList.add('orphan-reply');
    item.querySelector('.meta')?.append(el('span', 'thread-note', 'replied in a thread'));
  }

  /** Shows one message (once), in order of creation; an edited one (new `updated`) is re-rendered in place. */
  function addMessage(message) {
    const shown = state.rendered.get(message.id);
    if (shown) {
      if ((shown.message.updated ?? '') !== (message.updated ?? '')) {
        const item = renderMessage(message);
        for (const name of ['continued', 'orphan-reply'])
          item.classList.toggle(name, shown.item.classList.contains(name));
        if (shown.item.dataset.threadOf) item.dataset.threadOf = shown.item.dataset.threadOf;
        if (item.classList.contains('orphan-reply')) markOrphan(item);
        shown.item.replaceWith(item);
        state.rendered.set(message.id, { item, message });
      }
      return;
    }
    const stick = nearBottom();
    const item = renderMessage(message);
    state.rendered.set(message.id, { item, message });
    place(item, message.created, message.parentId);
    if (message.parentId && !item.dataset.threadOf) markOrphan(item);
    if (stick || message.personId === state.person.id) scrollToBottom();
  }

  function renderMessage(message) {
    const item = el('li', 'message');
    item.dataset.messageId = message.id;
    item.dataset.created = message.created;
    const isBot = message.personId === state.config.botId;
    if (isBot) item.classList.add('from-bot');
    if (message.personId === state.person.id) item.classList.add('mine');

    const avatar = el('span', 'avatar');
    const provisional = String(message.personEmail ?? '').split('@')[0];
    paintAvatar(avatar, provisional, message.personId);
    const body = el('div', 'message-body');
    const meta = el('div', 'meta');
    const author = el('span', 'author', provisional);
    const time = timeLabel(message.created);
    const when = el('time', 'time', time.text);
    when.dateTime = message.created;
    when.title = time.title;
    meta.append(author, when);
    nameOf(message.personId, message.personEmail).then((name) => {
      author.textContent = name;
      paintAvatar(avatar, name, message.personId);
    });

    const bubble = el('div', 'bubble');
    const card = message.attachments?.find((a) => a.contentType === CARD_TYPE);
    const cardNode = card ? renderCard(message, card.content) : undefined;
    if (cardNode) {
      bubble.classList.add('has-card');
      bubble.append(cardNode);
    } else {
      const source = message.markdown ?? message.text ?? '';
      if (source) {
        const text = el('div', 'markdown');
        text.innerHTML = renderMarkdown(source); // escaped by construction (markdown.js)
        bubble.append(text);
      }
      if (card) bubble.append(el('p', 'subtle', '(This card could not be shown.)'));
    }
    for (const url of message.files ?? []) bubble.append(renderFile(url));
    body.append(meta, bubble);
    if (message.updated) {
      // Next to the bubble (the meta line is hidden on a continued message).
      const edited = timeLabel(message.updated);
      const mark = el('span', 'edited', 'edited');
      mark.title = `Edited ${edited.title}`;
      item.classList.add('is-edited');
      body.append(mark);
    }
    item.append(avatar, body);
    return item;
  }

  // ---------------------------------------------------------------- button presses

  /**
   * Shows who pressed which card button, in the card's thread ("Ingrid Berg pressed Last 7 days").
   * Webex keeps presses private to the presser and the card's author; the sandbox shows them to
   * everyone in the space (`GET sandbox/actions`, read from the emulator) so a shared space reads
   * like the conversation it was.
   */
  async function showActions(room) {
    let items;
    try {
      const response = await fetch(`sandbox/actions?roomId=${encodeURIComponent(room.id)}`, {
        headers: { Authorization: `Bearer ${state.person.token}` },
        cache: 'no-store',
      });
      if (!response.ok) return;
      items = (await response.json()).items;
    } catch {
      return; // the messages' status line already says when the sandbox cannot be reached
    }
    if (state.room !== room) return;
    for (const action of items) {
      const card = state.rendered.get(action.messageId);
      if (state.actions.has(action.id) || !card) continue;
      const item = renderAction(action, card.message);
      state.actions.set(action.id, item);
      place(item, action.created, action.messageId);
    }
  }

  function renderAction(action, message) {
    const item = el('li', 'action-note');
    item.dataset.actionId = action.id;
    item.dataset.created = action.created;
    const who = el('span', 'action-who', 'Someone');
    nameOf(action.personId).then((name) => {
      who.textContent = name;
    });
    const time = timeLabel(action.created);
    const when = el('time', 'time', time.text);
    when.dateTime = action.created;
    when.title = time.title;
    const title = buttonTitle(message, action.inputs);
    item.append(
      el('span', 'action-icon', '☝'),
      who,
      document.createTextNode(title ? ' pressed ' : ' answered the card'),
      ...(title ? [el('strong', 'action-button', title)] : []),
      when,
    );
    return item;
  }

  const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  /**
   * The title of the button whose data the inputs carry (a form's inputs carry its fields as
   * well): the Action.Submit of the card, its show-cards and action sets, whose every data field
   * the inputs repeat; the one repeating the most wins.
   */
  function buttonTitle(message, inputs) {
    const content = message.attachments?.find((a) => a.contentType === CARD_TYPE)?.content;
    let best;
    let bestSize = -1;
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      if (node.type === 'Action.Submit' && node.title) {
        const data = node.data && typeof node.data === 'object' ? node.data : {};
        const keys = Object.keys(data);
        if (keys.every((k) => sameJson(data[k], inputs?.[k])) && keys.length > bestSize) {
          best = node.title;
          bestSize = keys.length;
        }
      }
      for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
    };
    visit(content);
    return best;
  }

  // ---------------------------------------------------------------- Adaptive Cards

  const HOST_CONFIG = {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    spacing: { small: 4, default: 8, medium: 14, large: 20, extraLarge: 28, padding: 14 },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    containerStyles: {
      default: {
        backgroundColor: '#FFFFFF',
        foregroundColors: {
          default: { default: '#1f2328', subtle: '#646b75' },
          accent: { default: '#0a66c2', subtle: '#0a66c2' },
          good: { default: '#1a7f37', subtle: '#1a7f37' },
          warning: { default: '#9a6700', subtle: '#9a6700' },
          attention: { default: '#c62828', subtle: '#c62828' },
        },
      },
      emphasis: { backgroundColor: '#F4F6F8' },
    },
    actions: {
      maxActions: 5,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 12 },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      // On a phone a long title wraps between its words instead of being cut off.
      allowTitleToWrap: true,
    },
    imageSizes: { small: 40, medium: 80, large: 160 },
    factSet: {
      title: { weight: 'bolder', size: 'default', color: 'default', wrap: true, maxWidth: 150 },
      value: { wrap: true },
      spacing: 10,
    },
  };

  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = renderMarkdown(text);
    result.didProcess = true;
  };

  /** Renders a card; undefined when it cannot be parsed (the markdown fallback is shown instead). */
  function renderCard(message, content) {
    try {
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = new AdaptiveCards.HostConfig(HOST_CONFIG);
      const wrapper = el('div', 'card');
      const note = el('p', 'card-note');
      note.setAttribute('aria-live', 'polite');
      card.onExecuteAction = (action) => executeAction(message, action, wrapper, note);
      card.parse(content);
      const node = card.render();
      if (!node) return undefined;
      wrapper.append(node, note);
      return wrapper;
    } catch {
      return undefined;
    }
  }

  /** Action.Submit → POST /attachment/actions as the current person; Action.OpenUrl → http(s) only. */
  async function executeAction(message, action, wrapper, note) {
    if (action instanceof AdaptiveCards.OpenUrlAction) {
      const url = safeUrl(action.url ?? '');
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
      else note.textContent = 'This link is not an http(s) address, so it was not opened.';
      return;
    }
    if (!(action instanceof AdaptiveCards.SubmitAction)) return;
    const data = action.data;
    const inputs = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
    const buttons = wrapper.querySelectorAll('button');
    for (const b of buttons) b.disabled = true;
    note.className = 'card-note';
    note.textContent = `Sending “${action.title ?? 'Submit'}”…`;
    const result = await webex('POST', '/attachment/actions', {
      type: 'submit',
      messageId: message.id,
      inputs,
    });
    for (const b of buttons) b.disabled = false;
    if (result.ok) {
      note.textContent = `Sent “${action.title ?? 'Submit'}”.`;
      setTimeout(() => {
        if (note.textContent.startsWith('Sent ')) note.textContent = '';
      }, 4000);
    } else {
      note.className = 'card-note error';
      note.textContent = `Could not send: ${result.error}`;
    }
  }

  // ---------------------------------------------------------------- files

  function filenameOf(disposition) {
    if (!disposition) return undefined;
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (star) {
      try {
        return decodeURIComponent(star[1]);
      } catch {
        // fall through to the plain filename
      }
    }
    return /filename="([^"]*)"/i.exec(disposition)?.[1];
  }

  function sizeLabel(bytes) {
    const n = Number(bytes);
    if (!Number.isFinite(n) || n <= 0) return '';
    return n < 1024
      ? `${n} B`
      : n < 1024 * 1024
        ? `${(n / 1024).toFixed(1)} KB`
        : `${(n / 1048576).toFixed(1)} MB`;
  }

  /** A file of a message: its name (HEAD), and a click downloads it with the person's token. */
  function renderFile(url) {
    const button = el('button', 'file');
    button.type = 'button';
    const name = el('span', 'file-name', 'File');
    const detail = el('span', 'file-detail', 'download');
    button.append(el('span', 'file-icon', '⤓'), name, detail);
    const note = el('span', 'file-note');
    const wrap = el('div', 'file-row');
    wrap.append(button, note);
    let filename = 'download';
    webex('HEAD', url, undefined, { raw: true }).then((result) => {
      if (!result.ok) return;
      filename = filenameOf(result.response.headers.get('Content-Disposition')) ?? filename;
      name.textContent = filename;
      detail.textContent = sizeLabel(result.response.headers.get('Content-Length')) || 'download';
    });
    button.addEventListener('click', async () => {
      note.textContent = '';
      const result = await webex('GET', url, undefined, { raw: true });
      if (!result.ok) {
        note.textContent = `Could not open the file: ${result.error}`;
        return;
      }
      const blob = await result.response.blob();
      const objectUrl = URL.createObjectURL(blob);
      const link = el('a');
      link.href = objectUrl;
      link.download = filenameOf(result.response.headers.get('Content-Disposition')) ?? filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    });
    return wrap;
  }

  // ---------------------------------------------------------------- composer

  const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /**
   * In a group space the bot hears only messages that mention it: as Webex clients do, the
   * mention goes into the markdown as <@personEmail:…|Name>. A typed "@RoomBot" becomes that
   * mention; one already in the markup is kept.
   */
  function withMention(text, room) {
    if (room.type !== 'group') return text;
    const { botEmail, botId, botName } = state.config;
    const mention = `<@personEmail:${botEmail}|${botName}>`;
    const markup = new RegExp(
      `<@(?:personEmail:${escapeRegExp(botEmail)}|personId:${escapeRegExp(botId)})(?:\\|[^>]*)?>`,
      'i',
    );
    if (markup.test(text)) return text;
    const typed = new RegExp(`(^|\\s)@${escapeRegExp(botName)}(?=$|[\\s,.:;!?])`, 'i');
    if (typed.test(text)) return text.replace(typed, (_, before) => `${before}${mention}`);
    return `${mention} ${text}`;
  }

  const byteLength = (s) => new TextEncoder().encode(s).length;

  function updateComposer() {
    const room = state.room;
    const text = $('text');
    const trimmed = text.value.trim();
    let problem;
    if (room && trimmed) {
      const bytes = byteLength(withMention(trimmed, room));
      if (bytes > MAX_MESSAGE_BYTES) {
        problem = `Too long: ${bytes.toLocaleString('en')} bytes; Webex allows ${MAX_MESSAGE_BYTES.toLocaleString('en')} per message.`;
      }
    }
    const hint = !room
      ? ''
      : room.type === 'group'
        ? `${state.config.botName} is mentioned for you. Enter sends, Shift+Enter adds a line.`
        : 'Enter sends, Shift+Enter adds a line.';
    const error = problem ?? state.sendError;
    const note = $('composer-note');
    note.className = error ? 'composer-note error' : 'composer-note';
    note.textContent = error ?? hint;
    $('send').disabled = !room || !trimmed || Boolean(problem) || state.sending;
    text.disabled = !room;
    text.placeholder = room
      ? room.type === 'group'
        ? `Ask ${state.config.botName} in ${room.label}…`
        : `Message ${room.label}…`
      : '';
    text.style.height = 'auto';
    text.style.height = `${Math.min(text.scrollHeight, 200)}px`;
  }

  async function send() {
    const room = state.room;
    const text = $('text');
    const trimmed = text.value.trim();
    updateComposer();
    if (!room || !trimmed || state.sending || $('send').disabled) return;
    const markdown = withMention(trimmed, room);
    state.sending = true;
    updateComposer();
    const target = room.pending ? { toPersonEmail: state.config.botEmail } : { roomId: room.id };
    const result = await webex('POST', '/messages', { ...target, markdown });
    state.sending = false;
    if (!result.ok) {
      state.sendError = `Not sent: ${result.error}`;
      updateComposer();
      return;
    }
    text.value = '';
    state.sendError = undefined;
    if (room.pending) {
      state.roomsAt = 0;
      state.room = { ...room, id: result.data.roomId, pending: false };
      await loadRooms();
      const created = state.rooms.find((r) => r.id === result.data.roomId);
      if (created) await selectRoom(created);
    } else if (state.room === room) {
      addMessage(result.data);
      regroup();
    }
    updateComposer();
    text.focus();
  }

  function renderSuggestions() {
    $('suggestions').replaceChildren(
      ...SUGGESTIONS.map((s) => {
        const chip = el('button', 'chip', s);
        chip.type = 'button';
        chip.addEventListener('click', () => {
          $('text').value = s;
          updateComposer();
          $('text').focus();
        });
        return chip;
      }),
    );
  }

  // ---------------------------------------------------------------- people

  async function switchPerson(key) {
    const person = state.config.people.find((p) => p.key === key) ?? state.config.people[0];
    state.person = person;
    const url = new URL(window.location.href);
    url.searchParams.set('as', person.key);
    window.history.replaceState(null, '', url);
    $('person').value = person.key;
    paintAvatar($('person-avatar'), person.name, person.id);
    const keep = state.room?.id;
    state.generation += 1;
    state.room = undefined;
    state.rooms = [];
    await loadRooms();
    const same = state.rooms.find((r) => r.id === keep);
    if (same && same !== state.room) await selectRoom(same);
  }

  // ---------------------------------------------------------------- start

  async function start() {
    let config;
    try {
      const response = await fetch('sandbox/config.json', { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      config = await response.json();
    } catch (error) {
      showStatus(`Could not load the sandbox settings (${error.message}). Is the sandbox still running?`);
      $('space-title').textContent = 'Not connected';
      return;
    }
    state.config = config;
    for (const p of config.people) state.names.set(p.id, Promise.resolve(p.name));
    state.names.set(config.botId, Promise.resolve(config.botName));
    $('zone-note').textContent = `Times in ${config.timeZone}`;
    $('person').replaceChildren(
      ...config.people.map((p) => {
        const option = el('option', '', `${p.name}${p.email.endsWith('@nordlys.example') ? '' : ' (guest)'}`);
        option.value = p.key;
        return option;
      }),
    );
    $('person').addEventListener('change', (event) => switchPerson(event.target.value));
    $('text').addEventListener('input', () => {
      state.sendError = undefined;
      updateComposer();
    });
    $('text').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send();
      }
    });
    $('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      send();
    });
    renderSuggestions();
    const requested = new URL(window.location.href).searchParams.get('as');
    await switchPerson(requested ?? config.people[0].key);
  }

  start();
})();
