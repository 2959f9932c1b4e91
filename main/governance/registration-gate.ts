// Governance in front of the registry: a draft is tested for compatibility together with its lint
// against the dictionary, and registered only when the lint has no errors, or with a reason that
// goes into the audit record. Governance orchestrates the registry; the registry knows nothing of it.
import type { CompatibilityCheck } from '../../shared/governance/governance-api';
import { AppFailure } from '../../shared/common/result';
import type { Draft, RegistryService } from '../registry/registry-service';
import type { GovernanceService } from './governance-service';

export class RegistrationGate {
  constructor(private readonly registry: RegistryService, private readonly governance: GovernanceService) {}

  #lint(draft: Draft) {
    return this.governance.lintSchema({ schemaType: draft.schemaType, schema: draft.schema, subject: draft.subject });
  }

  async check(draft: Draft): Promise<CompatibilityCheck> {
    const lint = this.#lint(draft);
    const test = await this.registry.testDraft(draft);
    return { ...test, lint, blockedByLint: lint.summary.errors > 0 };
  }

  async register(input: Draft & { overrideReason?: string }) {
    this.registry.client(); // a missing registry is reported before the lint
    const lint = this.#lint(input);
    if (lint.summary.errors > 0 && !input.overrideReason) {
      throw new AppFailure('INVALID_INPUT', `The draft has ${lint.summary.errors} naming error(s) against the standard dictionary. Fix them (each has a one-click fix where a standard term exists), or register anyway with a reason, which goes to the audit log.`, { lintErrors: lint.summary.errors, code: 'LINT_GATE' });
    }
    return this.registry.register(input, { lintErrors: lint.summary.errors, ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}) });
  }
}
