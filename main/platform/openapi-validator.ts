// Checks a service's response against the component schema its OpenAPI 3.1 document names. OpenAPI
// 3.1 schemas are JSON Schema 2020-12, so the document is loaded into Ajv as it is and each
// component is addressed by JSON pointer; nothing is hand-copied.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';

export interface OpenApiDocument {
  info: { title: string; version: string };
  components: { schemas: Record<string, unknown> };
}

export class OpenApiValidator {
  #ajv: Ajv2020 | null = null;
  private compiled = new Map<string, ValidateFunction>();
  private readonly id: string;

  constructor(readonly document: OpenApiDocument) {
    this.id = `${document.info.title.replace(/\W+/g, '-').toLowerCase()}-${document.info.version}.json`;
  }

  /**
   * Built on the first check, not at import: loading the document into Ajv compiles the 2020-12
   * meta-schema (about 100 ms), which every start paid before its first groups list.
   */
  private get ajv(): Ajv2020 {
    if (!this.#ajv) {
      this.#ajv = new Ajv2020({ strict: false, allErrors: false });
      this.#ajv.addSchema(this.document as object, this.id);
    }
    return this.#ajv;
  }

  /** null when `value` matches the component schema, otherwise a readable reason. */
  check(component: string, value: unknown): string | null {
    let validate = this.compiled.get(component);
    if (!validate) {
      if (!(component in this.document.components.schemas)) throw new Error(`${this.document.info.title} has no schema ${component}`);
      validate = this.ajv.getSchema(`${this.id}#/components/schemas/${component}`)!;
      this.compiled.set(component, validate);
    }
    if (validate(value)) return null;
    return (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`).join('; ');
  }
}
