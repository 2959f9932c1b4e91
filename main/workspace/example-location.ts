// Where the example workspace ships: assets/example-workspace in a checkout (main runs from out/main
// or, under tsx, from main/), or resources/example-workspace in a packaged app.
import fs from 'node:fs';
import path from 'node:path';

export function findExampleWorkspace(here: string, packagedResources?: string): string | null {
  const candidates = [
    process.env.SLUICE_EXAMPLE_WORKSPACE,
    packagedResources ? path.join(packagedResources, 'example-workspace') : undefined,
    path.resolve(here, '../../assets/example-workspace'),
    path.resolve(here, '../../../assets/example-workspace'),
  ];
  return candidates.find((dir): dir is string => !!dir && fs.existsSync(path.join(dir, 'sluice-workspace.yaml'))) ?? null;
}
