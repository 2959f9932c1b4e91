// A JSON client for the services the console talks to (verification API, ledger API, Schema
// Registry): bearer or basic auth, timeouts, retries with backoff for reads and for writes that
// are safe to repeat (an idempotency key, or a registry write that is idempotent by content), and
// every response checked against the service's contract. Failures become AppFailures a person can
// act on.
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
  timeoutMs?: number;
  /** Delays before each retry; the attempt count is one more than its length. */
  retryDelaysMs?: number[];
}

// The company services answer { error: { code, message } }; a Schema Registry { error_code, message }.
interface ErrorBody { error?: { code?: string; message?: string }; message?: string; error_code?: number }
const errorMessage = (body: ErrorBody | undefined) => body?.error?.message ?? body?.message;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ServiceClient {
  private readonly timeoutMs: number;
  private readonly retryDelaysMs: number[];

  constructor(readonly endpoint: ServiceEndpoint, private readonly contract: ResponseChecker, options: ClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [250, 1000, 3000];
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
    let lastFailure: AppFailure | null = null;
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await sleep(this.retryDelaysMs[attempt - 1]!);
      let response: Response;
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
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        lastFailure = new AppFailure('SERVICE_UNREACHABLE', timedOut
          ? `The ${label} did not answer within ${this.timeoutMs / 1000} s (${this.endpoint.baseUrl}).`
          : `The ${label} is unreachable at ${this.endpoint.baseUrl}: ${describeNetworkError(error)}.`, { url: this.endpoint.baseUrl, attempts: attempt + 1 });
        continue;
      }
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      if (response.status >= 500 || response.status === 429) {
        const message = errorMessage(parsed as ErrorBody | undefined) ?? text.slice(0, 200);
        lastFailure = new AppFailure('SERVICE_ERROR', `The ${label} failed (HTTP ${response.status}): ${message || 'no details'}.`, { status: response.status, attempts: attempt + 1 });
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
    throw lastFailure!;
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
