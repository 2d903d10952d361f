'use strict';
// @zavudev/sdk: the JavaScript face of zavu-core. Each method converts its arguments, calls the
// native addon (which calls core), and turns core's tagged result into a value or a typed error.
// Defaults, validation, retries and error codes all live in core.

const native = require('../native/index.js');
const errors = require('./errors.js');

const { errorFromNative } = errors;

/**
 * The value of a native answer, or its error thrown as the matching ZavuError subclass. A value
 * arrives as its wire JSON text: one `JSON.parse` here builds it far faster than the addon could
 * property by property. An error arrives as `{ ok: false, error }`.
 */
function unwrap(answer) {
  if (typeof answer === 'string') return JSON.parse(answer);
  throw errorFromNative(answer.error);
}

/**
 * Splits per-call options into what core takes and the AbortSignal this layer listens to. The
 * names are the published SDK's: `headers`, `query` and `body` are its escape hatches (core
 * merges them, and they win over the method's own values).
 */
function splitOptions(options) {
  if (options == null) return { nativeOptions: undefined, signal: undefined };
  const { signal, timeout, maxRetries, idempotencyKey, headers, query, body } = options;
  return { nativeOptions: { timeout, maxRetries, idempotencyKey, headers, query, body }, signal };
}

/**
 * Runs one native call. With a signal, the call gets a native cancel token that the signal's
 * `abort` event flips; core then drops the request and answers with code `cancelled`. With
 * `track`, the token also records the answer's metadata, and the result is `{ data, meta, text }`.
 */
async function invoke(signal, call, track = false) {
  if (signal == null && !track) return unwrap(await call(undefined));
  const token = new native.CancelToken();
  if (track) token.trackResponse();
  const onAbort = () => token.cancel();
  if (signal != null) {
    if (signal.aborted) token.cancel();
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    const answer = await call(token);
    const data = unwrap(answer);
    return track ? { data, meta: token.response(), text: answer } : data;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A fetch `Response` carrying an answer's status, headers and (unless 204) its JSON body. */
function toResponse(meta, text) {
  const status = meta?.status ?? 200;
  const body = status === 204 || status === 205 || status === 304 ? null : text;
  return new Response(body, { status, headers: meta?.headers ?? [] });
}

/**
 * What every non-list method returns, as the published SDK's APIPromise: a promise of the parsed
 * value with `.withResponse()` (`{ data, response, requestId, rateLimit }`) and `.asResponse()`
 * (a fetch `Response`). The call starts in a microtask, so `.withResponse()` called on the promise
 * as returned asks core to record the answer's metadata; plain calls record nothing.
 */
class APIPromise extends Promise {
  static get [Symbol.species]() {
    return Promise;
  }

  #state;

  constructor(start) {
    let settle;
    super((resolve, reject) => {
      settle = { resolve, reject };
    });
    const state = { track: false, running: null, start };
    state.run = () => (state.running ??= state.start(state.track));
    this.#state = state;
    queueMicrotask(() =>
      state.run().then((value) => settle.resolve(state.track ? value.data : value), settle.reject),
    );
  }

  /** `{ data, response, requestId, rateLimit }`: the parsed value and a fetch `Response`. */
  withResponse() {
    const state = this.#state;
    if (state.running == null) state.track = true;
    // The value now travels through the returned promise; a failure is reported there.
    Promise.prototype.catch.call(this, () => {});
    return state.run().then((value) => {
      if (!state.track) return { data: value, response: toResponse(null, null), requestId: undefined };
      const { data, meta, text } = value;
      return {
        data,
        response: toResponse(meta, text),
        requestId: meta?.requestId ?? undefined,
        rateLimit: meta?.rateLimit,
        retriesTaken: meta?.retriesTaken ?? 0,
      };
    });
  }

  /** The answer as a fetch `Response` (status, headers, the JSON body). */
  asResponse() {
    return this.withResponse().then(({ response }) => response);
  }
}

/** A call as an APIPromise: `run(nativeOptions, token)` sends it; `map` shapes its value. */
function request(options, run, map) {
  const { nativeOptions, signal } = splitOptions(options);
  return new APIPromise(async (track) => {
    const value = await invoke(signal, (token) => run(nativeOptions, token), track);
    if (map == null) return value;
    return track ? { ...value, data: map(value.data) } : map(value);
  });
}

const nothing = () => undefined;
const itemsOf = (answer) => answer.items;

/** `get('inv_1')` and `get({ invitationId: 'inv_1' })` name the same invitation. */
function idOf(params, key) {
  if (typeof params === 'string') return params;
  return params == null ? undefined : params[key];
}

/** A promise of the first page that is also an async iterable over every item of every page. */
class PagePromise extends Promise {
  // `then`/`catch` of a PagePromise give plain promises.
  static get [Symbol.species]() {
    return Promise;
  }

  [Symbol.asyncIterator]() {
    const first = this;
    let walk;
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        walk ??= (await first)[Symbol.asyncIterator]();
        return walk.next();
      },
      async return(value) {
        return walk ? walk.return(value) : { done: true, value };
      },
    };
  }
}

/**
 * The items of a page, then of every later page through core's pager (one native crossing per
 * page). Written as a plain iterator, not an async generator, so a failed page fetch throws and
 * the next `next()` fetches the same page again (core's rule) instead of ending the walk.
 */
class ItemWalk {
  #items;
  #index = 0;
  #openPager;
  #pager;
  #signal;
  #done = false;

  constructor(items, openPager, signal) {
    this.#items = items;
    this.#openPager = openPager;
    this.#signal = signal;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  async next() {
    for (;;) {
      if (this.#index < this.#items.length) {
        return { done: false, value: this.#items[this.#index++] };
      }
      if (this.#done) return { done: true, value: undefined };
      this.#pager ??= this.#openPager();
      if (this.#pager === null) {
        this.#finish();
        continue;
      }
      const batch = await invoke(this.#signal, (token) => this.#pager.nextBatch(token));
      if (batch === null) {
        this.#finish();
        continue;
      }
      this.#items = batch;
      this.#index = 0;
    }
  }

  async return(value) {
    this.#finish();
    return { done: true, value };
  }

  #finish() {
    this.#done = true;
    this.#items = [];
    this.#index = 0;
    this.#pager?.return();
  }
}

/**
 * One page of a list: `items`, `nextCursor`, `hasNextPage()`, `getNextPage()`. Iterating it with
 * `for await` walks every item from this page on; later pages are fetched by core's pager, one
 * at a time, only when the previous one is used up.
 */
class Page {
  #list;
  #params;
  #options;

  constructor(data, list, params, options) {
    this.items = data.items;
    this.nextCursor = data.nextCursor ?? null;
    this.#list = list;
    this.#params = params;
    this.#options = options;
  }

  /** Whether another page follows this one. */
  hasNextPage() {
    return this.nextCursor != null;
  }

  /** The next page, or `null` after the last one. */
  async getNextPage() {
    if (!this.hasNextPage()) return null;
    return this.#list.page({ ...this.#params, cursor: this.nextCursor }, this.#options);
  }

  [Symbol.asyncIterator]() {
    const { nativeOptions, signal } = splitOptions(this.#options);
    const params = { ...this.#params, cursor: this.nextCursor };
    const open = () => (this.hasNextPage() ? this.#list.openPager(params, nativeOptions) : null);
    return new ItemWalk(this.items, open, signal);
  }
}

/**
 * How a resource lists: one page through `listX`, every item through a native pager, which hands
 * over a page of items per call.
 */
class Lister {
  constructor(fetchPage, openPager) {
    this.fetchPage = fetchPage;
    this.openPager = openPager;
  }

  async page(params, options) {
    const { nativeOptions, signal } = splitOptions(options);
    const data = await invoke(signal, (token) => this.fetchPage(params, nativeOptions, token));
    return new Page(data, this, params, options);
  }

  list(params, options) {
    return new PagePromise((resolve, reject) => {
      this.page(params, options).then(resolve, reject);
    });
  }
}

/** `zavu.invitations`: partner invitations and the project webhook that reports on them. */
class Invitations {
  #client;
  #lister;

  constructor(client) {
    this.#client = client;
    this.#lister = new Lister(
      (params, options, token) => client.listInvitations(params, options, token),
      (params, options) => client.invitationPager(params, options),
    );
  }

  /** Creates an invitation; resolves to the invitation. */
  create(params, options) {
    return request(options, (nativeOptions, token) =>
      this.#client.createInvitation(params, nativeOptions, token),
    );
  }

  /** One page of invitations, newest first; also async-iterable over every invitation. */
  list(params, options) {
    return this.#lister.list(params, options);
  }

  /** One invitation: `get({ invitationId })`. */
  get(params, options) {
    const id = idOf(params, 'invitationId');
    return request(options, (nativeOptions, token) =>
      this.#client.getInvitation(id, nativeOptions, token),
    );
  }

  /** One invitation by id: `retrieve(invitationId)`. */
  retrieve(invitationId, options) {
    return this.get(invitationId, options);
  }

  /** Cancels a pending or in-progress invitation; resolves to the cancelled invitation. */
  cancel(params, options) {
    const id = idOf(params, 'invitationId');
    return request(options, (nativeOptions, token) =>
      this.#client.cancelInvitation(id, nativeOptions, token),
    );
  }

  /**
   * Polls until the invitation is final (`completed`, `expired`, `cancelled`) and resolves to it;
   * past `timeout` (ms) it rejects with code `wait_timeout`.
   */
  waitForCompletion(params, options) {
    const id = idOf(params, 'invitationId');
    // `timeout` bounds the whole wait in every language; whether it sits beside the id
    // (`{ invitationId, timeout }`) or in the options (`(id, { timeout })`). One request's
    // timeout is `requestTimeout`.
    const fields = params != null && typeof params === 'object' ? { ...options, ...params } : (options ?? {});
    const wait = {
      timeout: fields.timeout,
      pollInterval: fields.pollInterval,
      maxPollInterval: fields.maxPollInterval,
    };
    return request({ ...options, timeout: options?.requestTimeout }, (nativeOptions, token) =>
      this.#client.waitForCompletion(id, wait, nativeOptions, token),
    );
  }

  /** Sets the project webhook for invitation events; the answer carries the signing `secret`. */
  createWebhook(params, options) {
    return request(options, (nativeOptions, token) =>
      this.#client.createWebhook(params, nativeOptions, token),
    );
  }

  /** The project webhook (without its secret). */
  getWebhook(options) {
    return request(options, (nativeOptions, token) =>
      this.#client.getWebhook(nativeOptions, token),
    );
  }

  /** Changes the given fields of the project webhook. */
  updateWebhook(params, options) {
    return request(options, (nativeOptions, token) =>
      this.#client.updateWebhook(params, nativeOptions, token),
    );
  }

  /** Removes the project webhook. */
  deleteWebhook(options) {
    return request(
      options,
      (nativeOptions, token) => this.#client.deleteWebhook(nativeOptions, token),
      nothing,
    );
  }
}

/** `zavu.phoneNumbers`: the onboarding steps around buying a number. */
class PhoneNumbers {
  #client;
  #lister;

  constructor(client) {
    this.#client = client;
    this.#lister = new Lister(
      (params, options, token) => client.listPhoneNumbers(params, options, token),
      (params, options) => client.phoneNumberPager(params, options),
    );
  }

  /** Numbers the team can buy (an array): `searchAvailable({ countryCode, type?, contains?, capabilities?, limit? })`. */
  searchAvailable(params, options) {
    return request(
      options,
      (nativeOptions, token) => this.#client.searchAvailablePhoneNumbers(params, nativeOptions, token),
      itemsOf,
    );
  }

  /** What buying a number needs (an array; empty when nothing): `requirements({ phoneNumber })` or `({ countryCode, type? })`. */
  requirements(params, options) {
    return request(
      options,
      (nativeOptions, token) => this.#client.phoneNumberRequirements(params, nativeOptions, token),
      itemsOf,
    );
  }

  /** One page of the team's numbers, newest first; also async-iterable over every number. */
  list(params, options) {
    return this.#lister.list(params, options);
  }

  /** One of the team's numbers: `retrieve(phoneNumberId)`. */
  retrieve(phoneNumberId, options) {
    return request(options, (nativeOptions, token) =>
      this.#client.getPhoneNumber(phoneNumberId, nativeOptions, token),
    );
  }

  /** Renames a number or (un)assigns its sender: `update(id, { name?, senderId? })`; `null` clears. */
  update(phoneNumberId, params, options) {
    return request(options, (nativeOptions, token) =>
      this.#client.updatePhoneNumber(phoneNumberId, params ?? {}, nativeOptions, token),
    );
  }

  /** Releases a number (it must not be assigned to a sender). */
  release(phoneNumberId, options) {
    return request(
      options,
      (nativeOptions, token) => this.#client.releasePhoneNumber(phoneNumberId, nativeOptions, token),
      nothing,
    );
  }

  /** Buys a phone number for the team; resolves to the phone number. */
  purchase(params, options) {
    return request(options, (nativeOptions, token) =>
      this.#client.purchasePhoneNumber(params, nativeOptions, token),
    );
  }
}

/** `zavu.senders`. */
class Senders {
  #client;
  #lister;

  constructor(client) {
    this.#client = client;
    this.#lister = new Lister(
      (params, options, token) => client.listSenders(params, options, token),
      (params, options) => client.senderPager(params, options),
    );
  }

  /** One sender: `get({ senderId })` or `get(senderId)`. */
  get(params, options) {
    const id = idOf(params, 'senderId');
    return request(options, (nativeOptions, token) =>
      this.#client.getSender(id, nativeOptions, token),
    );
  }

  /** One sender by id. */
  retrieve(senderId, options) {
    return this.get(senderId, options);
  }

  /** One page of senders; also async-iterable over every sender. */
  list(params, options) {
    return this.#lister.list(params, options);
  }
}

/**
 * Request headers as `[name, value]` pairs: a signature header value (string), a plain object
 * (Node's `req.headers`), a fetch `Headers`, or pairs already.
 */
function headerPairs(headers) {
  if (typeof headers === 'string') return [['X-Zavu-Signature', headers]];
  if (headers == null) return [];
  const entries =
    typeof headers.entries === 'function' && !Array.isArray(headers)
      ? Array.from(headers.entries())
      : Array.isArray(headers)
        ? headers
        : Object.entries(headers);
  const pairs = [];
  for (const [name, value] of entries) {
    if (Array.isArray(value)) for (const v of value) pairs.push([String(name), String(v)]);
    else if (value != null) pairs.push([String(name), String(value)]);
  }
  return pairs;
}

/** `{ now }` (a Date or unix seconds) as unix seconds. */
function nowSeconds(options) {
  const now = options?.now;
  if (now == null) return undefined;
  return now instanceof Date ? Math.floor(now.getTime() / 1000) : now;
}

const EMPTY_BODY = new Uint8Array(0);

/**
 * The body as the native verifier takes it: the raw string or bytes, and separately anything
 * else (a parsed object), which core refuses with a message that asks for the raw body.
 */
function rawBody(body) {
  if (typeof body === 'string' || body instanceof Uint8Array) return [body, undefined];
  return [EMPTY_BODY, body ?? null];
}

/** `zavu.webhooks`: verify and parse Zavu's signed deliveries. */
class Webhooks {
  /**
   * Verifies a delivery's `X-Zavu-Signature` against the raw body and returns the parsed event.
   * Throws a WebhookVerificationError (`invalid_signature`, `stale_signature`, `invalid_payload`).
   */
  unwrap(body, headers, secret, options) {
    const [raw, parsed] = rawBody(body);
    return unwrap(native.webhooksUnwrap(raw, parsed, headerPairs(headers), secret, nowSeconds(options)));
  }

  /** Verifies a delivery's signature; throws a WebhookVerificationError when it is not valid. */
  verify(body, headers, secret, options) {
    const [raw, parsed] = rawBody(body);
    unwrap(native.webhooksVerify(raw, parsed, headerPairs(headers), secret, nowSeconds(options)));
  }

  /** Signs a payload as Zavu does, for tests: the `X-Zavu-Signature` header value. */
  sign(payload, secret, options) {
    return unwrap(native.webhooksSign(rawBody(payload)[0], secret, options?.timestamp, options?.scheme));
  }
}

const webhooks = new Webhooks();

/** A native client made by `withOptions`, handed to the constructor. */
class Derived {
  constructor(client) {
    this.client = client;
  }
}

/** The Zavu client. One instance holds one connection pool; share it. */
class Zavudev {
  #client;

  /**
   * `new Zavudev({ apiKey, baseURL, timeout, maxRetries, defaultHeaders })`. Unset options come
   * from `ZAVUDEV_API_KEY`, `ZAVUDEV_BASE_URL` and `ZAVUDEV_CUSTOM_HEADERS`, then the defaults.
   * Durations are milliseconds.
   */
  constructor(options = {}) {
    if (options instanceof Derived) {
      this.#attach(options.client);
      return;
    }
    const opened = native.openClient({
      apiKey: options.apiKey ?? undefined,
      baseUrl: options.baseURL ?? undefined,
      timeout: options.timeout ?? undefined,
      connectTimeout: options.connectTimeout ?? undefined,
      maxRetries: options.maxRetries ?? undefined,
      defaultHeaders: options.defaultHeaders ?? undefined,
      maxResponseBytes: options.maxResponseBytes ?? undefined,
      allowInsecureHttp: options.allowInsecureHttp ?? undefined,
      disableRateLimitWait: options.disableRateLimitWait ?? undefined,
      binding: `node/${process.versions.node}`,
    });
    if (!(opened instanceof native.NativeClient)) throw errorFromNative(opened.error);
    this.#attach(opened);
  }

  #attach(opened) {
    this.#client = opened;
    /** Partner invitations. */
    this.invitations = new Invitations(opened);
    /** Phone numbers. */
    this.phoneNumbers = new PhoneNumbers(opened);
    /** Senders. */
    this.senders = new Senders(opened);
    /** Webhook verification. */
    this.webhooks = webhooks;
  }

  /**
   * A new client with some options changed (`apiKey`, `baseURL`, `timeout`, `maxRetries`,
   * `defaultHeaders`); the rest are this client's. It shares this client's connection pool.
   */
  withOptions(options = {}) {
    const derived = this.#client.derive({
      apiKey: options.apiKey ?? undefined,
      baseUrl: options.baseURL ?? undefined,
      timeout: options.timeout ?? undefined,
      maxRetries: options.maxRetries ?? undefined,
      defaultHeaders: options.defaultHeaders ?? undefined,
    });
    if (!(derived instanceof native.NativeClient)) throw errorFromNative(derived.error);
    return new Zavudev(new Derived(derived));
  }

  /** The base URL calls go to. */
  get baseURL() {
    return this.#client.baseUrl;
  }

  /** The per-attempt timeout, in milliseconds. */
  get timeout() {
    return this.#client.timeout;
  }

  /** Retries after a first attempt. */
  get maxRetries() {
    return this.#client.maxRetries;
  }

  /** What this client (one connection pool) has sent: `{ requests, retries }`. */
  stats() {
    return this.#client.stats();
  }

  // The API key lives only in native memory; inspecting the client shows where it talks to.
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Zavudev { baseURL: '${this.baseURL}', timeout: ${this.timeout}, maxRetries: ${this.maxRetries} }`;
  }
}

/** The SDK's version (the same for every crate and package). */
const VERSION = native.version();

const { errorFromNative: _internal, ...publicErrors } = errors;

// CommonJS: `require('@zavudev/sdk')` is the client class, carrying the named exports, so both
// `const Zavudev = require(...)` and `const { ZavuError } = require(...)` work.
module.exports = Zavudev;
Object.assign(module.exports, publicErrors, {
  default: Zavudev,
  Zavudev,
  Page,
  PagePromise,
  APIPromise,
  Webhooks,
  VERSION,
});
