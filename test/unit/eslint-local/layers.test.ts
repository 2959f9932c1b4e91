// The layer map is enforced by lint: a planted import that goes the wrong way is an error, and the
// directions the architecture allows are not.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerOf } from '../../../eslint-local/layers.js';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

describe('local/layers', () => {
  // The first lint loads the whole config and its parsers: seconds on a busy machine, more than a
  // unit test's 5 s (a fresh-clone run beside a soak timed out here). Pay it once, outside the tests.
  beforeAll(() => layerErrors('main/kafka/warm-up.ts', 'export {};\n'), 60_000);

  it.each([
    ['the registry importing governance', 'main/registry/planted.ts', "import { RegistrationGate } from '../governance/registration-gate';\nexport const x = RegistrationGate;\n"],
    ['the workspace importing governance', 'main/workspace/planted.ts', "import { GovernanceService } from '../governance/governance-service';\nexport const x = GovernanceService;\n"],
    ['shared governance importing the workspace', 'shared/governance/planted.ts', "import { parseAdr } from '../workspace/adr';\nexport const x = parseAdr;\n"],
    ['a domain importing the router', 'main/kafka/planted.ts', "import { createRouter } from '../rpc/router';\nexport const x = createRouter;\n"],
    ['the platform importing a domain', 'main/platform/planted.ts', "export { AuditLog } from '../audit/audit-log';\n"],
    ['the ledger importing replication', 'shared/ledger/planted.ts', "export * from '../replication/verification';\n"],
  ])('refuses %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([expect.stringContaining('must not import')]);
  });

  it.each([
    ['governance orchestrating the registry', 'main/governance/planted.ts', "import { RegistryService } from '../registry/registry-service';\nexport const x = RegistryService;\n"],
    ['a domain using the platform', 'main/kafka/planted.ts', "import { createLogger } from '../platform/logger';\nexport const x = createLogger;\n"],
    ['main importing shared', 'main/ledger/planted.ts', "import { ledgerContract } from '../../shared/ledger/contract';\nexport const x = ledgerContract;\n"],
  ])('allows %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('asks for a layer for a new folder', async () => {
    expect(await layerErrors('main/newdomain/planted.ts', 'export const x = 1;\n')).toEqual([expect.stringContaining('no layer')]);
    expect(layerOf('main/kafka/monitor/sweep.ts')).toBe('main/kafka');
    expect(layerOf('main/services.ts')).toBe('main/services.ts');
    expect(layerOf('renderer/src/app.tsx')).toBeNull();
  });
});
