// Rules of the renderer's shape that lint does not state: pages and components name server data
// only through the domain hooks (renderer/src/api/<domain>.ts), and no effect hides its
// dependencies from the react-hooks lint.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';

const sources = import.meta.glob<string>('../../../renderer/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
const methodNames = Object.keys(contract);

describe('renderer conventions', () => {
  it('reads every source file', () => {
    expect(Object.keys(sources).some((f) => f.endsWith('/pages/groups-page.tsx'))).toBe(true);
    expect(Object.keys(sources).length).toBeGreaterThan(50);
  });

  it('pages and components name no contract method: they call the domain hooks', () => {
    const offenders = Object.entries(sources)
      .filter(([file]) => !file.includes('/renderer/src/api/'))
      .flatMap(([file, text]) => methodNames.filter((m) => text.includes(`'${m}'`) || text.includes(`"${m}"`) || text.includes(`\`${m}\``)).map((m) => `${file}: ${m}`));
    expect(offenders).toEqual([]);
  });

  it('no react-hooks/exhaustive-deps suppression anywhere', () => {
    const offenders = Object.entries(sources).filter(([, text]) => /eslint-disable[^\n]*exhaustive-deps/.test(text)).map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it('only the api layer touches the transport or the react-query cache', () => {
    const offenders = Object.entries(sources)
      .filter(([file]) => !file.includes('/renderer/src/api/') && !file.endsWith('/renderer/src/main.tsx'))
      .filter(([, text]) => /useTransport|useApi\(|useQueryClient|invalidateQueries|resetQueries|setQueryData/.test(text))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });
});
