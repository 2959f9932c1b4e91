// The console's client of a Confluent-compatible Schema Registry (Confluent's own, or Apicurio's
// /apis/ccompat/v7). Every answer is checked against the shape the Confluent REST API documents.
import { z } from 'zod';
import type { SchemaType } from '../../shared/governance/schema-fields';
import { AppFailure } from '../../shared/common/result';
import { CALL_BUDGET_MS, ServiceClient, type ClientOptions, type ResponseChecker } from '../platform/service-client';

const reference = z.object({ name: z.string(), subject: z.string(), version: z.number() });
const shapes = {
  Subjects: z.array(z.string()),
  Versions: z.array(z.number()),
  Ids: z.array(z.number()),
  Version: z.object({ subject: z.string(), version: z.number(), id: z.number(), schema: z.string(), schemaType: z.string().optional(), references: z.array(reference).optional() }),
  SubjectVersions: z.array(z.object({ subject: z.string(), version: z.number() })),
  Config: z.object({ compatibilityLevel: z.string().optional(), compatibility: z.string().optional() }),
  Mode: z.object({ mode: z.string() }).nullable(),
  Compatibility: z.object({ is_compatible: z.boolean(), messages: z.array(z.string()).optional() }),
  Registered: z.object({ id: z.number() }),
  Lookup: z.object({ subject: z.string(), version: z.number(), id: z.number() }),
};
type Shapes = { [K in keyof typeof shapes]: z.infer<(typeof shapes)[K]> };

const checker: ResponseChecker = {
  check(component, body) {
    const result = shapes[component as keyof typeof shapes].safeParse(body);
    if (result.success) return null;
    const issue = result.error.issues[0]!;
    return `${issue.path.join('.') || 'body'}: ${issue.message}`;
  },
};

export interface RegistryEndpoint {
  url: string;
  username?: string | null;
  password?: string | null;
}

const segment = encodeURIComponent;

export class RegistryClient {
  private http: ServiceClient;

  constructor(endpoint: RegistryEndpoint | ServiceClient, options?: ClientOptions) {
    if (endpoint instanceof ServiceClient) {
      this.http = endpoint;
      return;
    }
    const basicAuth = endpoint.username ? { username: endpoint.username, password: endpoint.password ?? '' } : null;
    this.http = new ServiceClient({ label: 'schema registry', baseUrl: endpoint.url.replace(/\/+$/, '') + '/', token: null, basicAuth }, checker, options);
  }

  /**
   * This client for one operation (a page's answer, a registration): all its calls together end
   * within `budgetMs`, however many it makes one after another.
   */
  within(budgetMs: number = CALL_BUDGET_MS): RegistryClient {
    return new RegistryClient(this.http.within(budgetMs));
  }

  get url(): string {
    return this.http.endpoint.baseUrl;
  }

  private get<K extends keyof Shapes>(path: string, shape: K): Promise<Shapes[K]> {
    return this.http.get(path, shape);
  }

  subjects(): Promise<string[]> {
    return this.get('subjects', 'Subjects');
  }

  versions(subject: string): Promise<number[]> {
    return this.get(`subjects/${segment(subject)}/versions`, 'Versions');
  }

  version(subject: string, version: number | 'latest'): Promise<Shapes['Version']> {
    return this.get(`subjects/${segment(subject)}/versions/${version}`, 'Version');
  }

  referencedBy(subject: string, version: number): Promise<number[]> {
    return this.get(`subjects/${segment(subject)}/versions/${version}/referencedby`, 'Ids');
  }

  subjectVersionsOfId(id: number): Promise<Shapes['SubjectVersions']> {
    return this.get(`schemas/ids/${id}/versions`, 'SubjectVersions');
  }

  /**
   * The subject's compatibility level, falling back to the registry's default: for a subject with
   * no versions yet, Apicurio answers 404 where Confluent answers the default.
   */
  async compatibility(subject: string): Promise<string | null> {
    let config: Shapes['Config'];
    try {
      config = await this.get(`config/${segment(subject)}?defaultToGlobal=true`, 'Config');
    } catch (error) {
      if (!(error instanceof AppFailure && error.code === 'NOT_FOUND')) throw error;
      config = await this.get('config', 'Config');
    }
    return config.compatibilityLevel ?? config.compatibility ?? null;
  }

  /** Null where the registry does not report modes. */
  async mode(subject: string): Promise<string | null> {
    try {
      return (await this.get(`mode/${segment(subject)}`, 'Mode'))?.mode ?? null;
    } catch (error) {
      if (error instanceof AppFailure && (error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT')) return null;
      throw error;
    }
  }

  async setCompatibility(subject: string, level: string): Promise<string> {
    const config = await this.http.put<Shapes['Config']>(`config/${segment(subject)}`, { compatibility: level }, 'Config');
    return config.compatibility ?? config.compatibilityLevel ?? level;
  }

  async testCompatibility(subject: string, schemaType: SchemaType, schema: string, references: Shapes['Version']['references'] = []): Promise<{ compatible: boolean; messages: string[] }> {
    const answer = await this.http.post<Shapes['Compatibility']>(`compatibility/subjects/${segment(subject)}/versions/latest?verbose=true`, { schema, schemaType, references }, null, 'Compatibility');
    return { compatible: answer.is_compatible, messages: answer.messages ?? [] };
  }

  register(subject: string, schemaType: SchemaType, schema: string, references: Shapes['Version']['references'] = []): Promise<Shapes['Registered']> {
    return this.http.post(`subjects/${segment(subject)}/versions`, { schema, schemaType, references }, null, 'Registered');
  }

  /** The version this exact schema already has under the subject, or null. */
  async lookup(subject: string, schemaType: SchemaType, schema: string, references: Shapes['Version']['references'] = []): Promise<Shapes['Lookup'] | null> {
    try {
      return await this.http.post<Shapes['Lookup']>(`subjects/${segment(subject)}?normalize=false`, { schema, schemaType, references }, null, 'Lookup');
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
