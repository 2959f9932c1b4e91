// A JSON client for the services the console talks to (verification API, ledger API, Schema
// Registry): bearer or basic auth, timeouts, retries with backoff for reads and for writes that
// are safe to repeat (an idempotency key, or a registry write that is idempotent by content), and
// every response checked against the service's contract. Failures become AppFailures a person can
// act on.
//
// Every call ends: each attempt has a timeout that covers the whole body (a body that stalls after
// its headers is a timeout, a connection closed mid-body is a transient error, both retried), and
// all attempts and waits of a call share one time budget, so a hung service ends a call in about
// 12 s rather than attempts × timeout + waits. An operation that makes several calls (one after
// another, some of whose failures it tolerates) shares one more bound (within()): it ends once the
// service has not answered for the budget, while a big but answering workload runs to its end.
// Retry-After is honoured up to a bound; a longer one ends the call with the service's own request
// to wait.
import { AppFailure } from '../../shared/common/result';
import { createLogger } from './logger';

/** Checks a response body against the named part of a contract; returns what is wrong, or null. */
export interface ResponseChecker {
  check(component: string, body: unknown): string | null;
}

const log = createLogger('services-api');

export interface ServiceEndpoint {
  /** Shown in messages: "the verification API". */
  label: string;
  baseUrl: string;
  token: string | null;
  /** HTTP basic credentials (a Schema Registry behind basic auth); used instead of the token. */
  basicAuth?: { username: string; password: string } | null;
}

export interface ClientOptions {
  /** How long one attempt may take, from sending the request to the last byte of the answer. */
  timeoutMs?: number;
  /** Delays before each retry; the attempt count is one more than its length. */
  retryDelaysMs?: number[];
  /** All attempts and waits of one call together; the call ends within it. */
  budgetMs?: number;
  /** The longest Retry-After the client waits for; a longer one ends the call. */
  maxRetryAfterMs?: number;
}

/** What a call may take at most, all retries included: a person waits for it, and a page polls it. */
export const CALL_BUDGET_MS = 12_000;
const ATTEMPT_TIMEOUT_MS = 5_000;
const RETRY_DELAYS_MS = [250, 1_000, 3_000];
const MAX_RETRY_AFTER_MS = 5_000;
/** A retry that would have less time than this before the deadline is not started. */
const MIN_ATTEMPT_MS = 1_000;

/** Retry-After as delay-seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

// The company services answer { error: { code, message } }; a Schema Registry { error_code, message }.
interface ErrorBody { error?: { code?: string; message?: string }; message?: string; error_code?: number }
const errorMessage = (body: ErrorBody | undefined) => body?.error?.message ?? body?.message;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Shared by the calls of one operation: when the service last answered any of them. */
interface Operation { budgetMs: number; lastAnswerAt: number }

export class ServiceClient {
  private readonly timeoutMs: number;
  private readonly retryDelaysMs: number[];
  private readonly budgetMs: number;
  private readonly maxRetryAfterMs: number;

  /** `operation`, when set, is shared by every call of this client (within()). */
  constructor(readonly endpoint: ServiceEndpoint, private readonly contract: ResponseChecker, private readonly options: ClientOptions = {}, private readonly operation: Operation | null = null) {
    this.timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.budgetMs = options.budgetMs ?? CALL_BUDGET_MS;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS;
  }

  /**
   * The same client for one operation of several calls: none of them waits once the service has
   * given no answer for `budgetMs` (since the operation began, or since its last answer).
   */
  within(budgetMs: number = CALL_BUDGET_MS): ServiceClient {
    return new ServiceClient(this.endpoint, this.contract, this.options, { budgetMs, lastAnswerAt: Date.now() });
  }

  get<T>(path: string, component: string): Promise<T> {
    return this.request<T>('GET', path, component);
  }

  post<T>(path: string, body: unknown, idempotencyKey: string | null, component: string): Promise<T> {
    return this.request<T>('POST', path, component, body, idempotencyKey ?? undefined);
  }

  put<T>(path: string, body: unknown, component: string): Promise<T> {
    return this.request<T>('PUT', path, component, body);
  }

  private authorization(): Record<string, string> {
    const { basicAuth, token } = this.endpoint;
    if (basicAuth) return { authorization: `Basic ${Buffer.from(`${basicAuth.username}:${basicAuth.password}`).toString('base64')}` };
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  private async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, component: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const { label } = this.endpoint;
    const started = Date.now();
    const operation = this.operation;
    // Read afresh before each attempt: another call of the operation may have had an answer since.
    const deadlineNow = () => Math.min(started + this.budgetMs, operation ? operation.lastAnswerAt + operation.budgetMs : Infinity);
    let lastFailure: AppFailure | null = null;
    let wantsWaitMs = 0;
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      if (attempt > 0) {
        const waitMs = Math.max(this.retryDelaysMs[attempt - 1]!, wantsWaitMs);
        // A retry that could not finish before the deadline would only make the caller wait longer.
        if (Date.now() + waitMs + Math.min(this.timeoutMs, MIN_ATTEMPT_MS) > deadlineNow()) break;
        await sleep(waitMs);
      }
      const attemptTimeoutMs = Math.min(this.timeoutMs, deadlineNow() - Date.now());
      if (attemptTimeoutMs <= 0) break;
      const failed = (code: 'SERVICE_UNREACHABLE' | 'SERVICE_ERROR', message: string, details: Record<string, unknown> = {}) =>
        new AppFailure(code, message, { url: this.endpoint.baseUrl, attempts: attempt + 1, elapsedMs: Date.now() - started, ...details });
      let response: Response | null = null;
      let text: string;
      try {
        response = await fetch(new URL(path, this.endpoint.baseUrl), {
          method,
          headers: {
            accept: 'application/json',
            ...this.authorization(),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          // Covers the body too: a body that stalls after its headers times out like a silent service.
          signal: AbortSignal.timeout(attemptTimeoutMs),
        });
        text = await response.text();
        if (operation) operation.lastAnswerAt = Date.now();
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const url = this.endpoint.baseUrl;
        lastFailure = failed('SERVICE_UNREACHABLE', timedOut
          ? `The ${label} did not ${response ? 'finish its answer' : 'answer'} within ${seconds(attemptTimeoutMs)} (${url}).`
          : response
            ? `The ${label} closed the connection in the middle of its answer (${url}): ${describeNetworkError(error)}.`
            : `The ${label} is unreachable at ${url}: ${describeNetworkError(error)}.`);
        wantsWaitMs = 0;
        continue;
      }
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      if (response.status >= 500 || response.status === 429) {
        const message = errorMessage(parsed as ErrorBody | undefined) ?? text.slice(0, 200);
        const asked = retryAfterMs(response.headers.get('retry-after'));
        lastFailure = failed('SERVICE_ERROR', `The ${label} failed (HTTP ${response.status}): ${message || 'no details'}.`, { status: response.status });
        if (asked !== null && (asked > this.maxRetryAfterMs || Date.now() + asked > deadlineNow())) {
          // Never sooner than the service asked: a wait longer than the bound ends the call, saying so.
          throw failed('SERVICE_ERROR', `The ${label} failed (HTTP ${response.status}): ${message || 'no details'}, and asked to be retried in ${Math.ceil(asked / 1000)} s.`, { status: response.status, retryAfterMs: asked });
        }
        wantsWaitMs = asked ?? 0;
        continue;
      }
      if (!response.ok) throw this.clientError(response.status, parsed as ErrorBody | undefined);
      // "No content" is an answer where the contract allows null (Apicurio answers a subject's mode
      // so); anywhere else it is checked like any other body, never handed on as a surprise null.
      if (response.status === 204) parsed = null;
      const violation = parsed === undefined ? 'the body is not JSON' : this.contract.check(component, parsed);
      if (violation) {
        log.warn(`${label} ${method} ${path} broke its contract: ${violation}`);
        throw new AppFailure('CONTRACT_VIOLATION', `The ${label} answered with data its contract does not allow (${component}: ${violation}). Nothing was shown or changed from it.`, { component, violation });
      }
      return parsed as T;
    }
    throw lastFailure ?? new AppFailure('SERVICE_UNREACHABLE', `The ${label} was not asked: it has not answered this operation's earlier calls for ${seconds(operation?.budgetMs ?? this.budgetMs)} (${this.endpoint.baseUrl}).`, { url: this.endpoint.baseUrl, attempts: 0 });
  }

  private clientError(status: number, body: ErrorBody | undefined): AppFailure {
    const message = errorMessage(body) ?? `HTTP ${status}`;
    const { label } = this.endpoint;
    switch (status) {
      case 401:
      case 403: return new AppFailure('SERVICE_ERROR', `The ${label} refused Sluice's ${this.endpoint.basicAuth ? 'credentials' : 'token'} (HTTP ${status}): check its ${this.endpoint.basicAuth ? 'user name and password' : 'token setting'}.`, { status });
      case 404: return new AppFailure('NOT_FOUND', message, { status, code: body?.error?.code ?? body?.error_code });
      case 409: return new AppFailure('CONFLICT', message, { status, code: body?.error?.code ?? body?.error_code });
      default: return new AppFailure('INVALID_INPUT', `The ${label} rejected the request: ${message}`, { status, code: body?.error?.code ?? body?.error_code });
    }
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused (is it running?)';
  // fetch refuses to dial ports on the WHATWG "bad port" list (1, 22, 25, 6000…) and says only this.
  if (cause?.message === 'bad port') return 'fetch refuses to connect to this port (it is on the blocked "bad port" list); serve the API on another port';
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** The error of a service with no URL configured: which variable to set, or run the demo. */
export const notConfigured = (service: string, variable: string) => new AppFailure('SERVICE_NOT_CONFIGURED',
  `No ${service} is configured: set ${variable} (and its token), or run \`npm run demo\`, which starts the sandbox's reference services and connects them.`, { variable });
