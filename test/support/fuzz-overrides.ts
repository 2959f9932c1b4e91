// Where the fuzzer must not aim anywhere it likes: a workspace folder that exists (opening / or the
// repository would index the whole disk), a database or registry URL that something answers. Each
// override still mixes in hostile values; only reachable targets are pinned down.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { hostileString, type Overrides } from './fuzz-inputs';

const isExistingFolder = (candidate: string) => {
  try {
    return fs.statSync(path.resolve(candidate)).isDirectory();
  } catch {
    return false;
  }
};

export function fuzzOverrides(dataDir: string, upstreamUrl?: string): Overrides {
  const workspaceCopy = path.join(dataDir, 'example-workspace');
  const missing = path.join(os.tmpdir(), 'sluice-fuzz-missing');
  const url = (schemes: string[]) => fc.oneof(
    fc.constantFrom(...schemes.flatMap((s) => [`${s}://127.0.0.1:1/x`, `${s}://u:p@127.0.0.1:1/%`, `${s}://\ud800@127.0.0.1:1/db`, `${s}://127.0.0.1:1/a\u0000b`, `${s}://[::1`])),
    ...(upstreamUrl ? [fc.constant(upstreamUrl)] : []),
    hostileString(2000).filter((s) => !/^[a-z]+:\/\//i.test(s)),
  );
  return {
    'workspace.open': {
      path: fc.oneof(
        fc.constantFrom(workspaceCopy, `${workspaceCopy}/decisions`, `${missing}/a\u0000b`, `${missing}/\ud800`, `${missing}/${'d'.repeat(300)}`, '/etc/passwd', 'relative-folder-that-is-not-there'),
        hostileString(4096).filter((s) => s.trim() !== '' && !isExistingFolder(s)),
      ),
    },
    'profiles.save': { 'settings.registry.url': url(['http']) },
    'profiles.test': { 'settings.registry.url': url(['http']) },
    'profiles.activate': { id: fc.oneof(fc.constant('environment'), hostileString(100)) },
    'profiles.delete': { id: fc.oneof(fc.constant('environment'), hostileString(100)) },
    'governance.lintDatabase': { url: url(['postgres', 'mysql', 'mariadb']) },
  };
}
