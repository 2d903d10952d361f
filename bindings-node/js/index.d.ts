// Types of @zavudev/sdk (hand-written; the native layer's generated types are in
// ../native/index.d.ts). Field names are the wire's camelCase; timestamps are RFC 3339 strings
// as the API sends them; models keep fields this version does not know.

// ---------------------------------------------------------------------------------------------
// Models

/** Where an invitation is in its lifecycle. Values a newer API adds arrive verbatim. */
export type InvitationStatus =
  | 'pending'
  | 'in_progress'
  | 'completed'
  | 'expired'
  | 'cancelled'
  | 'failed'
  | (string & {});

/** Which channel the client connects. */
export type ConnectionType = 'whatsapp_waba' | 'messenger' | (string & {});

/** Why an invitation failed. */
export type FailureReason =
  | 'fb_cancelled'
  | 'fb_not_authorized'
  | 'signup_abandoned'
  | 'meta_no_pages'
  | 'internal_error'
  | (string & {});

/** The account a completed invitation connected. */
export interface ConnectedAccount {
  id: string;
  channel: 'whatsapp' | 'messenger' | (string & {});
  name?: string;
  [key: string]: unknown;
}

/** A partner invitation: a link a client opens to connect their WhatsApp or Messenger account. */
export interface Invitation {
  /** Unique invitation ID. */
  id: string;
  /** Full invitation URL to share with the client. */
  url: string;
  /** URL token (part of the URL). */
  token: string;
  status: InvitationStatus;
  /** RFC 3339 timestamps. */
  createdAt: string;
  updatedAt?: string;
  expiresAt: string;
  clientName?: string;
  clientEmail?: string;
  clientPhone?: string;
  /** Pre-assigned phone number ID, if any. */
  phoneNumberId?: string;
  /** The sender created when the invitation completed. */
  senderId?: string;
  connectionType?: ConnectionType;
  allowedPhoneCountries?: string[];
  connectedAccount?: ConnectedAccount;
  viewedAt?: string;
  startedAt?: string;
  completedAt?: string;
  failedAt?: string;
  failureReason?: FailureReason;
  /** Fields a newer API sends are kept. */
  [key: string]: unknown;
}

/** What a phone number costs. */
export interface PhoneNumberPricing {
  isFreeNumber?: boolean;
  monthlyCost?: number;
  monthlyPrice?: number;
  upfrontCost?: number;
  [key: string]: unknown;
}

/** A Zavu phone number owned by the team. */
export interface PhoneNumber {
  id: string;
  /** E.164. */
  phoneNumber: string;
  capabilities: string[];
  status: 'active' | 'suspended' | 'pending' | (string & {});
  pricing: PhoneNumberPricing;
  createdAt: string;
  name?: string;
  senderId?: string;
  nextRenewalDate?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/** A sender: a connected WhatsApp or Messenger identity that sends messages. */
export interface Sender {
  id: string;
  name: string;
  phoneNumber: string;
  channels?: string[];
  createdAt?: string;
  updatedAt?: string;
  isDefault?: boolean;
  webhook?: unknown;
  whatsapp?: unknown;
  [key: string]: unknown;
}

/** The project webhook that receives invitation events. `secret` is only returned on create. */
export interface WebhookConfig {
  url: string;
  events: string[];
  /** The signing secret (`whsec_...`); present only in the answer to create. */
  secret?: string;
  active: boolean;
  [key: string]: unknown;
}

/** `data` of `invitation.status_changed`. */
export interface InvitationStatusChangedData {
  invitationId: string;
  clientName?: string;
  clientEmail?: string;
  connectionType?: ConnectionType;
  previousStatus?: InvitationStatus;
  currentStatus: InvitationStatus;
  senderId?: string;
  connectedAccount?: ConnectedAccount;
  wabaAccountId?: string;
  failureReason?: FailureReason;
  [key: string]: unknown;
}

interface WebhookEventBase {
  id: string;
  /** When the event happened, unix milliseconds. */
  timestamp: number;
  projectId?: string;
  senderId?: string;
  [key: string]: unknown;
}

/** An invitation moved from one status to another. */
export interface InvitationStatusChangedEvent extends WebhookEventBase {
  type: 'invitation.status_changed';
  data: InvitationStatusChangedData;
}

/** A sender was created (the guide's example event); `data` is the sender. */
export interface SenderCreatedEvent extends WebhookEventBase {
  type: 'sender.created';
  data: Sender;
}

/**
 * A verified webhook event, as Zavu delivers it; narrow on `type`. Events of types this version
 * does not know are delivered too, with their `data` as sent: compare `event.type as string`
 * to handle them (TypeScript cannot narrow a union whose last member's `type` is any string).
 */
export type WebhookEvent = InvitationStatusChangedEvent | SenderCreatedEvent;

// ---------------------------------------------------------------------------------------------
// Parameters and options

export interface InvitationCreateParams {
  /** Name to identify the client (at most 100 characters). */
  clientName?: string;
  /** The client's email address. */
  clientEmail?: string;
  /** The client's phone number (E.164). */
  clientPhone?: string;
  /** Pre-assign a Zavu phone number (WhatsApp only). */
  phoneNumberId?: string;
  /** Link validity in days, 1 to 30 (default 7). */
  expiresInDays?: number;
  /** `whatsapp_waba` (default) or `messenger`. */
  connectionType?: ConnectionType;
  /** ISO 3166 alpha-2 codes the client may pick a number from (WhatsApp only). */
  allowedPhoneCountries?: string[];
}

export interface InvitationListParams {
  /** Only invitations with this status. */
  status?: InvitationStatus;
  /** Results per page, 1 to 100 (default 50). */
  limit?: number;
  /** Where to start: the `nextCursor` of an earlier page. */
  cursor?: string;
}

export interface InvitationGetParams {
  invitationId: string;
}

export interface InvitationCancelParams {
  invitationId: string;
}

export interface WaitForCompletionParams {
  invitationId: string;
  /** Give up after this many milliseconds with `wait_timeout` (default 10 minutes). */
  timeout?: number;
  /** The first pause between polls in milliseconds (default 2000); it grows by half each time. */
  pollInterval?: number;
  /** The longest pause between polls in milliseconds (default 30000). */
  maxPollInterval?: number;
}

/**
 * Options of `waitForCompletion`: `timeout` (and the poll intervals) bound the whole wait, as in
 * every language; `requestTimeout` is one request's timeout.
 */
export interface WaitOptions extends Omit<RequestOptions, 'timeout'> {
  /** Give up after this many milliseconds with `wait_timeout` (default 10 minutes). */
  timeout?: number;
  /** The first pause between polls in milliseconds (default 2000). */
  pollInterval?: number;
  /** The longest pause between polls in milliseconds (default 30000). */
  maxPollInterval?: number;
  /** One request's timeout in milliseconds (default: the client's). */
  requestTimeout?: number;
}

export interface WebhookCreateParams {
  /** Where deliveries go: an absolute http(s) URL. */
  url: string;
  /** Event types to deliver (default `['invitation.status_changed']`). */
  events?: string[];
}

export interface WebhookUpdateParams {
  url?: string;
  events?: string[];
  active?: boolean;
}

export interface PhoneNumberPurchaseParams {
  /** The number to buy, E.164. */
  phoneNumber: string;
  /** A label for the number. */
  name?: string;
}

/** The kind of a phone number. */
export type PhoneNumberType = 'local' | 'national' | 'mobile' | 'tollFree' | (string & {});

/** What an available number can do. */
export interface PhoneNumberCapabilities {
  sms?: boolean;
  voice?: boolean;
  mms?: boolean;
  [key: string]: unknown;
}

/** A number the team can buy (`phoneNumbers.searchAvailable`). */
export interface AvailablePhoneNumber {
  /** E.164: pass it to `purchase`. */
  phoneNumber: string;
  capabilities: PhoneNumberCapabilities;
  pricing: {
    /** The one number a paid plan includes: a +1 number at $20 a month or less. */
    isFreeEligible?: boolean;
    monthlyPrice?: number;
    upfrontPrice?: number;
    [key: string]: unknown;
  };
  friendlyName?: string;
  locality?: string;
  region?: string;
  [key: string]: unknown;
}

/** One piece of regulatory information a requirement group asks for. */
export interface RequirementType {
  id: string;
  name: string;
  description: string;
  /** `textual`, `address`, `document` or `action`. */
  type: string;
  acceptanceCriteria?: unknown;
  example?: string;
  [key: string]: unknown;
}

/** The regulatory information buying a number needs, for one country and number type. */
export interface Requirement {
  id: string;
  action: string;
  countryCode: string;
  phoneNumberType: string;
  requirementTypes: RequirementType[];
  [key: string]: unknown;
}

export interface PhoneNumberSearchAvailableParams {
  /** ISO 3166 alpha-2 country code. */
  countryCode: string;
  type?: PhoneNumberType;
  /** Digits the number must contain. */
  contains?: string;
  /** Comma-separated: `sms`, `voice`, `mms`. */
  capabilities?: string;
  /** At most this many results, 1 to 100. */
  limit?: number;
}

export interface PhoneNumberRequirementsParams {
  /** The number you mean to buy (preferred). */
  phoneNumber?: string;
  /** Or a country; required without `phoneNumber`. */
  countryCode?: string;
  type?: PhoneNumberType;
}

export interface PhoneNumberListParams {
  status?: 'active' | 'suspended' | 'pending' | (string & {});
  limit?: number;
  cursor?: string;
}

export interface PhoneNumberUpdateParams {
  /** A new label; `null` clears it. */
  name?: string | null;
  /** The sender to assign the number to; `null` unassigns it. */
  senderId?: string | null;
}

export interface SenderGetParams {
  senderId: string;
}

export interface SenderListParams {
  limit?: number;
  cursor?: string;
}

/** Options of `new Zavudev(...)`. Durations are milliseconds. */
export interface ClientOptions {
  /** The API key; `ZAVUDEV_API_KEY` when unset. */
  apiKey?: string | null | undefined;
  /** The API's base URL; `ZAVUDEV_BASE_URL`, then `https://api.zavu.dev`. */
  baseURL?: string | null | undefined;
  /** Per-attempt timeout in milliseconds (default 60000). */
  timeout?: number;
  /** Connect timeout in milliseconds (default 5000). */
  connectTimeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Headers sent with every request (after those of `ZAVUDEV_CUSTOM_HEADERS`). */
  defaultHeaders?: Record<string, string>;
  /** Largest response body accepted, in bytes (default 8 MiB). */
  maxResponseBytes?: number;
  /** Allow `http://` to hosts other than loopback (the key would travel in clear). */
  allowInsecureHttp?: boolean;
  /** Do not wait for `X-RateLimit-Reset` after a response says no requests remain. */
  disableRateLimitWait?: boolean;
}

/** Options of one call. */
export interface RequestOptions {
  /** Per-attempt timeout in milliseconds. */
  timeout?: number;
  /** Retries for this call. */
  maxRetries?: number;
  /** Cancels the call; it then rejects with an `APIUserAbortError` (code `cancelled`). */
  signal?: AbortSignal;
  /** The `Idempotency-Key` of a POST (a fresh one per call by default, reused across retries). */
  idempotencyKey?: string;
  /** Extra headers for this call; they replace the client's headers of the same name. */
  headers?: Record<string, string>;
  /** Extra query parameters; they replace the method's parameters of the same name. */
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Extra top-level JSON body fields (POST and PATCH only); they replace the method's fields. */
  body?: Record<string, unknown>;
}

/** What `.withResponse()` resolves to. */
export interface WithResponse<T> {
  /** The parsed value, as the plain call resolves. */
  data: T;
  /** The answer as a fetch `Response` (status, headers, the JSON body). */
  response: Response;
  /** `X-Request-Id`, when sent. */
  requestId: string | undefined;
  /** The endpoint's rate-limit window (`X-RateLimit-Limit`, `-Remaining`, `-Reset` unix seconds). */
  rateLimit?: { limit: number | null; remaining: number | null; reset: number | null };
  /** Retries the call needed. */
  retriesTaken?: number;
}

/**
 * What every method but `list` returns: a promise of the value, with the answer's metadata on
 * request. Call `.withResponse()` / `.asResponse()` on the promise as returned (before awaiting it).
 */
export declare class APIPromise<T> extends Promise<T> {
  /** The value with the answer's `Response`, request id and rate limit. */
  withResponse(): Promise<WithResponse<T>>;
  /** The answer as a fetch `Response`. */
  asResponse(): Promise<Response>;
}

// ---------------------------------------------------------------------------------------------
// Pages

/**
 * One page of a list. `for await` over a page walks every item from this page on, fetching
 * later pages lazily, one at a time.
 */
export declare class Page<Item> implements AsyncIterable<Item> {
  private constructor();
  /** The items of this page, in the API's order. */
  readonly items: Item[];
  /** The cursor of the next page; `null` on the last page. */
  readonly nextCursor: string | null;
  /** Whether another page follows this one. */
  hasNextPage(): boolean;
  /** The next page, or `null` after the last one. */
  getNextPage(): Promise<Page<Item> | null>;
  [Symbol.asyncIterator](): AsyncIterator<Item>;
}

/**
 * What `list()` returns: a promise of the first page that is also async-iterable over every item
 * of every page (`for await (const inv of zavu.invitations.list())`).
 */
export declare class PagePromise<Item> extends Promise<Page<Item>> implements AsyncIterable<Item> {
  [Symbol.asyncIterator](): AsyncIterator<Item>;
}

// ---------------------------------------------------------------------------------------------
// Resources

/** Partner invitations and the project webhook that reports on them. */
export declare class Invitations {
  private constructor();
  /** Creates an invitation; resolves to it. */
  create(params?: InvitationCreateParams, options?: RequestOptions): APIPromise<Invitation>;
  /** One page of invitations, newest first; also async-iterable over every invitation. */
  list(params?: InvitationListParams, options?: RequestOptions): PagePromise<Invitation>;
  /** One invitation. */
  get(params: InvitationGetParams | string, options?: RequestOptions): APIPromise<Invitation>;
  /** One invitation by id. */
  retrieve(invitationId: string, options?: RequestOptions): APIPromise<Invitation>;
  /** Cancels a pending or in-progress invitation; a completed one is refused (`already_completed`). */
  cancel(params: InvitationCancelParams | string, options?: RequestOptions): APIPromise<Invitation>;
  /**
   * Polls, with growing pauses, until the invitation is final (`completed`, `expired`,
   * `cancelled`) and resolves to it; past `timeout` it rejects with code `wait_timeout`.
   */
  waitForCompletion(
    params: WaitForCompletionParams | string,
    options?: WaitOptions,
  ): APIPromise<Invitation>;
  /** Sets the project webhook for invitation events; only this answer carries the `secret`. */
  createWebhook(params: WebhookCreateParams, options?: RequestOptions): APIPromise<WebhookConfig>;
  /** The project webhook (without its secret). */
  getWebhook(options?: RequestOptions): APIPromise<WebhookConfig>;
  /** Changes the given fields of the project webhook. */
  updateWebhook(params: WebhookUpdateParams, options?: RequestOptions): APIPromise<WebhookConfig>;
  /** Removes the project webhook. */
  deleteWebhook(options?: RequestOptions): APIPromise<void>;
}

/** Phone numbers. */
export declare class PhoneNumbers {
  private constructor();
  /** Buys a phone number for the team; a free-plan team gets `paid_plan_required`. */
  purchase(params: PhoneNumberPurchaseParams, options?: RequestOptions): APIPromise<PhoneNumber>;
  /** Numbers the team can buy in a country (the step before `purchase`). */
  searchAvailable(
    params: PhoneNumberSearchAvailableParams,
    options?: RequestOptions,
  ): APIPromise<AvailablePhoneNumber[]>;
  /** What buying a number needs; empty when nothing is. */
  requirements(
    params: PhoneNumberRequirementsParams,
    options?: RequestOptions,
  ): APIPromise<Requirement[]>;
  /** One page of the team's numbers; also async-iterable over every number. */
  list(params?: PhoneNumberListParams, options?: RequestOptions): PagePromise<PhoneNumber>;
  /** One of the team's numbers; another team's is `NotFoundError`. */
  retrieve(phoneNumberId: string, options?: RequestOptions): APIPromise<PhoneNumber>;
  /** Renames a number or (un)assigns its sender; `null` clears. */
  update(
    phoneNumberId: string,
    params?: PhoneNumberUpdateParams,
    options?: RequestOptions,
  ): APIPromise<PhoneNumber>;
  /** Releases a number (it must not be assigned to a sender). */
  release(phoneNumberId: string, options?: RequestOptions): APIPromise<void>;
}

/** Senders. */
export declare class Senders {
  private constructor();
  /** One sender. */
  get(params: SenderGetParams | string, options?: RequestOptions): APIPromise<Sender>;
  /** One sender by id. */
  retrieve(senderId: string, options?: RequestOptions): APIPromise<Sender>;
  /** One page of senders; also async-iterable over every sender. */
  list(params?: SenderListParams, options?: RequestOptions): PagePromise<Sender>;
}

/**
 * The request headers of a webhook delivery: Node's `req.headers`, a fetch `Headers`, header
 * pairs, or the `X-Zavu-Signature` value itself.
 */
export type WebhookHeaders =
  | string
  | Headers
  | Record<string, string | string[] | undefined>
  | ReadonlyArray<readonly [string, string]>;

export interface VerifyOptions {
  /** The time to check the signature's timestamp against (a Date or unix seconds); now by default. */
  now?: Date | number;
}

export interface SignOptions {
  /** Unix seconds; now by default. */
  timestamp?: number;
  /** Which signatures to write (default `both`). */
  scheme?: 'v1' | 'v2' | 'both';
}

/** Verifies and parses Zavu's signed webhook deliveries. */
export declare class Webhooks {
  private constructor();
  /**
   * Verifies the delivery's `X-Zavu-Signature` against the raw body (exactly as received), then
   * returns the event. Throws a `WebhookVerificationError` (`invalid_signature`,
   * `stale_signature`, `invalid_payload`).
   */
  unwrap(
    body: string | Uint8Array,
    headers: WebhookHeaders,
    secret: string,
    options?: VerifyOptions,
  ): WebhookEvent;
  /** Verifies the delivery's signature; throws a `WebhookVerificationError` when it is not valid. */
  verify(
    body: string | Uint8Array,
    headers: WebhookHeaders,
    secret: string,
    options?: VerifyOptions,
  ): void;
  /** Signs a payload the way Zavu does (for tests): the `X-Zavu-Signature` header value. */
  sign(payload: string | Uint8Array, secret: string, options?: SignOptions): string;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** Every error code core knows. Codes the API adds later still arrive verbatim in `code`. */
export type ErrorCode =
  | 'invalid_request'
  | 'not_found'
  | 'phone_number_wrong_team'
  | 'already_completed'
  | 'paid_plan_required'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'conflict'
  | 'internal_error'
  | 'payment_required'
  | 'server_error'
  | 'missing_api_key'
  | 'connection_error'
  | 'timeout'
  | 'invalid_response'
  | 'invalid_signature'
  | 'stale_signature'
  | 'invalid_payload'
  | 'wait_timeout'
  | 'cancelled'
  | 'internal_panic'
  | 'client_closed';

/** The family of an error, as core names it; each maps to one error class. */
export type ErrorKind =
  | 'invalid_request'
  | 'authentication'
  | 'permission_denied'
  | 'payment_required'
  | 'not_found'
  | 'conflict'
  | 'rate_limit'
  | 'server'
  | 'connection'
  | 'timeout'
  | 'invalid_response'
  | 'webhook_verification'
  | 'wait_timeout'
  | 'client_closed'
  | 'unprocessable_entity'
  | 'cancelled'
  | 'internal'
  | 'api';

/** An error from the Zavu SDK. Every error the SDK throws is one (or a subclass). */
export declare class ZavudevError extends Error {
  /** The stable code, for example `not_found` or `invalid_request`. */
  readonly code: ErrorCode | (string & {});
  /** The HTTP status, when the error came from a response. */
  readonly status: number | undefined;
  /** The HTTP status; the published SDK's name for `status`. */
  readonly statusCode: number | undefined;
  /** The raw response body, when there was one. */
  readonly body: string | undefined;
  /** The refused parameter, camelCase as you wrote it (local validation). */
  readonly param: string | undefined;
  /** Seconds the server asked to wait before retrying (429, 503). */
  readonly retryAfter: number | undefined;
  /** The server's `X-Request-Id`, when it sent one. */
  readonly requestId: string | undefined;
  /** The error's family. */
  readonly kind: ErrorKind | (string & {});
  toJSON(): Record<string, unknown>;
}
/** An error of a call to the API (any status, or none). */
export declare class APIError extends ZavudevError {}
/** The API answered with an error status this SDK has no narrower class for. */
export declare class APIStatusError extends APIError {}
/** The request was refused as malformed (400). */
export declare class BadRequestError extends APIStatusError {}
/** Bad parameters, refused locally (`param` names the argument) or by the API (400). */
export declare class InvalidRequestError extends BadRequestError {}
/** Parameters the API understood but refused (422). */
export declare class UnprocessableEntityError extends InvalidRequestError {}
/** A missing or refused API key (401, `missing_api_key`). */
export declare class AuthenticationError extends APIStatusError {}
/** The team's plan does not allow this (402). */
export declare class PaymentRequiredError extends APIStatusError {}
/** The key may not do this (403). */
export declare class PermissionDeniedError extends APIStatusError {}
/** The resource does not exist (404). */
export declare class NotFoundError extends APIStatusError {}
/** The resource is not in a state that allows this (409). */
export declare class ConflictError extends APIStatusError {}
/** Too many requests (429). */
export declare class RateLimitError extends APIStatusError {}
/** The server failed (5xx). */
export declare class InternalServerError extends APIStatusError {}
/** The request never got an answer. */
export declare class APIConnectionError extends APIError {}
/** An attempt ran out of time (`timeout`). */
export declare class APITimeoutError extends APIConnectionError {}
/** A 2xx answer that is not what the API promises. */
export declare class APIResponseValidationError extends APIError {}
/** The call was cancelled through its `AbortSignal` (code `cancelled`). */
export declare class APIUserAbortError extends APIError {}
/** A webhook whose signature, timestamp or payload was refused. */
export declare class WebhookVerificationError extends ZavudevError {}
/** `waitForCompletion` gave up before the invitation was final (`wait_timeout`). */
export declare class WaitTimeoutError extends ZavudevError {}
/** The client was closed (`client_closed`). */
export declare class ClientClosedError extends ZavudevError {}
/** A bug inside the SDK, caught before it could crash the process. */
export declare class InternalError extends ZavudevError {}
/** Earlier names, kept as aliases. */
export declare const ZavuError: typeof ZavudevError;
export type ZavuError = ZavudevError;
export declare const ServerError: typeof InternalServerError;
export type ServerError = InternalServerError;
export declare const InvalidResponseError: typeof APIResponseValidationError;
export type InvalidResponseError = APIResponseValidationError;
export declare const RequestCancelledError: typeof APIUserAbortError;
export type RequestCancelledError = APIUserAbortError;

/** Every error code core knows, in core's order. */
export declare const ERROR_CODES: readonly ErrorCode[];
/** Every error class by name (core's table), aliases included. */
export declare const CLASSES: Readonly<Record<string, typeof ZavudevError>>;
/** The SDK's version. */
export declare const VERSION: string;

// ---------------------------------------------------------------------------------------------
// The client

/** The Zavu client. One instance holds one connection pool; share it across calls. */
declare class Zavudev {
  /**
   * Unset options come from `ZAVUDEV_API_KEY`, `ZAVUDEV_BASE_URL` and
   * `ZAVUDEV_CUSTOM_HEADERS`, then the defaults. Throws an `AuthenticationError`
   * (`missing_api_key`) when there is no key.
   */
  constructor(options?: ClientOptions);
  readonly invitations: Invitations;
  readonly phoneNumbers: PhoneNumbers;
  readonly senders: Senders;
  readonly webhooks: Webhooks;
  /** The base URL calls go to. */
  readonly baseURL: string;
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number;
  /** Retries after a first attempt. */
  readonly maxRetries: number;
  /** What this client (one connection pool) has sent. */
  stats(): { requests: number; retries: number };
  /**
   * A new client with these options changed (the rest are this client's), on the same
   * connection pool, as the published SDK's `withOptions`.
   */
  withOptions(
    options?: Pick<ClientOptions, 'apiKey' | 'baseURL' | 'timeout' | 'maxRetries' | 'defaultHeaders'>,
  ): Zavudev;
}

export { Zavudev };
export default Zavudev;
