// Name lint at the size of the public standard: 1,000 subjects × 50 fields checked against a
// dictionary of 13,000 standard terms (target ≤ 500 ms for all 50,000 names).
import { indexDictionary, type Dictionary, type StandardWord } from '../../shared/governance/dictionary';
import { checkName } from '../../shared/governance/name-checker';

/** A deterministic pseudo-random source, so every run lints the same names. */
function random(seed: number) {
  let state = seed >>> 0;
  // mulberry32: 32-bit integer arithmetic only, so no precision is lost and no short cycle appears.
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function syntheticDictionary(termCount: number): Dictionary {
  const next = random(42);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const used = new Set<string>();
  const word = (classifier: boolean, i: number): StandardWord => {
    let abbreviation = '';
    while (!abbreviation || used.has(abbreviation)) abbreviation = Array.from({ length: 2 + Math.floor(next() * 4) }, () => letters[Math.floor(next() * 26)]).join('');
    used.add(abbreviation);
    return { name: `${classifier ? 'classifier' : 'word'}-${i}`, abbreviation, english: `${classifier ? 'kind' : 'thing'}${i}`, classifier, domain: classifier ? `domain-${i}` : undefined };
  };
  const classifiers = Array.from({ length: 40 }, (_, i) => word(true, i));
  const plain = Array.from({ length: 3000 }, (_, i) => word(false, i));
  const terms = new Map<string, string[]>();
  while (terms.size < termCount) {
    const parts = Array.from({ length: 1 + Math.floor(next() * 3) }, () => plain[Math.floor(next() * plain.length)]!.name);
    parts.push(classifiers[Math.floor(next() * classifiers.length)]!.name);
    terms.set(parts.join(' '), parts);
  }
  return {
    words: [...classifiers, ...plain],
    domains: classifiers.map((_, i) => ({ name: `domain-${i}`, dataType: 'VARCHAR', length: 10 + i })),
    terms: [...terms].map(([name, words]) => ({ name, words })),
  };
}

export function governanceBench(log: (line: string) => void) {
  const dictionary = syntheticDictionary(13_000);
  const t0 = performance.now();
  const index = indexDictionary(dictionary);
  const indexMs = performance.now() - t0;
  const next = random(7);
  const byName = new Map(dictionary.words.map((w) => [w.name, w]));
  const physical = [...index.termsByPhysicalName.keys()];
  // Fields as schemas have them: standard terms in camelCase, spelled-out words, unknown pieces.
  const names = Array.from({ length: 1000 * 50 }, (_, i) => {
    const term = dictionary.terms[Math.floor(next() * dictionary.terms.length)]!;
    switch (i % 5) {
      case 0: case 1: return physical[Math.floor(next() * physical.length)]!.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      case 2: return term.words.map((w) => byName.get(w)!.english!).join('_');
      case 3: return `${physical[Math.floor(next() * physical.length)]!}_XQZ`;
      default: return term.words.map((w) => byName.get(w)!.abbreviation).join('');
    }
  });
  for (const name of names.slice(0, 2000)) checkName(name, index); // warm-up, not timed
  const runs: number[] = [];
  const verdicts = { standard: 0, nonstandard: 0, unknown: 0 };
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    for (const name of names) verdicts[checkName(name, index).verdict] += run === 0 ? 1 : 0;
    runs.push(performance.now() - t);
  }
  const median = [...runs].sort((a, b) => a - b)[2]!;
  log(`\n== Name lint: 1,000 subjects × 50 fields against ${dictionary.terms.length.toLocaleString('en-US')} terms (${dictionary.words.length.toLocaleString('en-US')} words)`);
  log(`   index built in ${indexMs.toFixed(1)} ms; 50,000 names checked in median ${median.toFixed(1)} ms (runs ${runs.map((r) => r.toFixed(0)).join(', ')}; target ≤ 500 ms)`);
  log(`   verdicts: ${verdicts.standard} standard, ${verdicts.nonstandard} nonstandard, ${verdicts.unknown} unknown`);
  return { terms: dictionary.terms.length, names: names.length, indexMs: Number(indexMs.toFixed(1)), medianMs: Number(median.toFixed(1)), runsMs: runs.map((r) => Math.round(r)), verdicts };
}
