// Checks a field or column name against the standard dictionary (DOMAIN.md §5): invalid characters;
// an exact standard term passes with its type and length; otherwise the name is segmented into the
// longest dictionary words, left-to-right and right-to-left (disagreement is flagged, unknown pieces
// are shown); the last word must be a classifier; a declared type and length must match the
// classifier's domain; homonyms, non-standard synonyms and candidate new words are reported, with
// the standard physical name as the suggested fix where one exists.
import type { DictionaryIndex, IndexedTerm, StandardDomain, StandardWord } from './dictionary';
import { sqlTypeFamily, type TypeFamily } from './type-families';

export type Verdict = 'standard' | 'nonstandard' | 'unknown';
export type FindingCode =
  | 'invalid-characters' | 'ambiguous-segmentation' | 'unknown-word' | 'classifier-not-last' | 'homonym'
  | 'nonstandard-synonym' | 'spelled-out-word' | 'not-a-term' | 'type-mismatch' | 'length-mismatch';

export interface Finding {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface NameSegment {
  /** The piece of the name, upper case. */
  text: string;
  /** The standard word it was read as; null for an unknown piece (a candidate new word). */
  word: string | null;
  abbreviation: string | null;
}

export interface NameCheck {
  name: string;
  verdict: Verdict;
  /** The standard term the name is (or should be). */
  term: { name: string; physicalName: string; dataType: string | null; length: number | null } | null;
  words: NameSegment[];
  findings: Finding[];
  /** The standard physical name to use instead, when it differs from the name given. */
  suggestion: string | null;
}

export interface DeclaredType {
  /** An SQL type, compared with the domain's exactly (a table column). */
  dataType?: string;
  /** A schema field's type family, compared with the family of the domain's type. */
  family?: TypeFamily;
  /** Shown in messages for a family check, e.g. `long` or `string (date-time)`. */
  typeLabel?: string;
  length?: number;
}

const VALID = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;

/** `customerName`, `customer_name` and `CUSTOMER_NAME` all become CUSTOMER_NAME. */
export function toPhysicalCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toUpperCase();
}

type Piece = { text: string; words: StandardWord[] | null };

/** Greedy longest match from the left (or, reversed, from the right) over one `_`-separated token. */
function segment(token: string, index: DictionaryIndex, fromRight: boolean): Piece[] {
  const pieces: Piece[] = [];
  let unknown = '';
  let rest = token;
  const flushUnknown = () => {
    if (unknown) pieces.push({ text: unknown, words: null });
    unknown = '';
  };
  while (rest.length > 0) {
    let matched: Piece | null = null;
    for (let length = Math.min(index.longestWord, rest.length); length > 0 && !matched; length--) {
      const text = fromRight ? rest.slice(rest.length - length) : rest.slice(0, length);
      const words = index.words.get(text);
      if (words) matched = { text, words };
    }
    if (matched) {
      if (fromRight) { if (unknown) pieces.push({ text: unknown, words: null }); unknown = ''; pieces.push(matched); rest = rest.slice(0, rest.length - matched.text.length); }
      else { flushUnknown(); pieces.push(matched); rest = rest.slice(matched.text.length); }
    } else if (fromRight) { unknown = rest.slice(-1) + unknown; rest = rest.slice(0, -1); }
    else { unknown += rest[0]; rest = rest.slice(1); }
  }
  flushUnknown();
  return fromRight ? pieces.reverse() : pieces;
}

function segmentName(physical: string, index: DictionaryIndex, fromRight: boolean): Piece[] {
  // A whole token that is a word wins over splitting it (CODE is CODE, not CO + DE).
  return physical.split('_').flatMap((token) => (index.words.has(token) ? [{ text: token, words: index.words.get(token)! }] : segment(token, index, fromRight)));
}

const sameSegmentation = (a: Piece[], b: Piece[]) => a.length === b.length && a.every((p, i) => p.text === b[i]!.text);

function domainCheck(domain: StandardDomain | null, declared: DeclaredType | undefined, findings: Finding[]) {
  if (!domain || !declared) return;
  if (declared.dataType && declared.dataType.toUpperCase() !== domain.dataType.toUpperCase()) {
    findings.push({ code: 'type-mismatch', severity: 'error', message: `Declared type ${declared.dataType} differs from the domain ${domain.name} (${domain.dataType}).` });
  }
  const domainFamily = sqlTypeFamily(domain.dataType);
  if (declared.family && domainFamily && declared.family !== domainFamily) {
    findings.push({ code: 'type-mismatch', severity: 'error', message: `Declared type ${declared.typeLabel ?? declared.family} is ${declared.family}, but the domain ${domain.name} is ${domain.dataType} (${domainFamily}).` });
  }
  if (declared.length !== undefined && domain.length !== undefined && declared.length !== domain.length) {
    findings.push({ code: 'length-mismatch', severity: 'error', message: `Declared length ${declared.length} differs from the domain ${domain.name} (${domain.length}).` });
  }
}

const termView = (t: IndexedTerm): NameCheck['term'] => ({ name: t.term.name, physicalName: t.physicalName, dataType: t.domain?.dataType ?? null, length: t.domain?.length ?? null });

export function checkName(name: string, index: DictionaryIndex, declared?: DeclaredType): NameCheck {
  const findings: Finding[] = [];
  if (!VALID.test(name)) {
    findings.push({ code: 'invalid-characters', severity: 'error', message: 'Use letters, digits and single underscores, starting with a letter.' });
    return { name, verdict: 'nonstandard', term: null, words: [], findings, suggestion: null };
  }
  const physical = toPhysicalCase(name);
  const exact = index.termsByPhysicalName.get(physical);
  if (exact) {
    domainCheck(exact.domain, declared, findings);
    const words = exact.term.words.map((w, i) => ({ text: physical.split('_')[i] ?? '', word: w, abbreviation: index.wordsByName.get(w)?.abbreviation ?? null }));
    // Only the case differs from the physical name (custNm for CUST_NM): that is the schema's own convention.
    return { name, verdict: findings.length ? 'nonstandard' : 'standard', term: termView(exact), words, findings, suggestion: null };
  }

  const leftToRight = segmentName(physical, index, false);
  const rightToLeft = segmentName(physical, index, true);
  if (!sameSegmentation(leftToRight, rightToLeft)) {
    findings.push({ code: 'ambiguous-segmentation', severity: 'warning', message: `Reads as ${leftToRight.map((p) => p.text).join(' + ')} or ${rightToLeft.map((p) => p.text).join(' + ')}: separate the words with _.` });
  }
  // Prefer the reading with fewer unknown pieces, then the left-to-right one.
  const unknownCount = (pieces: Piece[]) => pieces.filter((p) => !p.words).length;
  const pieces = unknownCount(rightToLeft) < unknownCount(leftToRight) ? rightToLeft : leftToRight;
  const chosen: (StandardWord | null)[] = [];
  for (const piece of pieces) {
    if (!piece.words) {
      findings.push({ code: 'unknown-word', severity: 'error', message: `${piece.text} is not a standard word (a candidate new word).` });
      chosen.push(null);
      continue;
    }
    if (piece.words.length > 1) {
      findings.push({ code: 'homonym', severity: 'warning', message: `${piece.text} stands for ${piece.words.map((w) => w.name).join(', ')}.` });
    }
    let word = piece.words[0]!;
    if (word.standardWord) {
      const standard = index.wordsByName.get(word.standardWord);
      findings.push({ code: 'nonstandard-synonym', severity: 'error', message: `${word.name} is not standard: use ${word.standardWord}${standard ? ` (${standard.abbreviation})` : ''}.` });
      if (standard) word = standard;
    } else if (piece.text !== word.abbreviation.toUpperCase()) {
      findings.push({ code: 'spelled-out-word', severity: 'error', message: `${piece.text} is written ${word.abbreviation.toUpperCase()} in standard names.` });
    }
    chosen.push(word);
  }
  const words: NameSegment[] = pieces.map((p, i) => ({ text: p.text, word: chosen[i]?.name ?? null, abbreviation: chosen[i]?.abbreviation.toUpperCase() ?? null }));
  if (chosen.some((w) => w === null)) return { name, verdict: 'unknown', term: null, words, findings, suggestion: null };

  const known = chosen as StandardWord[];
  const last = known[known.length - 1]!;
  if (!last.classifier) {
    findings.push({ code: 'classifier-not-last', severity: 'error', message: `A standard name ends in a classifier word (name, date, amount, code…); ${last.name} is not one.` });
  }
  const term = index.termsByWords.get(known.map((w) => w.name).join(' '));
  const composed = known.map((w) => w.abbreviation.toUpperCase()).join('_');
  if (term) {
    domainCheck(term.domain, declared, findings);
  } else if (last.classifier) {
    findings.push({ code: 'not-a-term', severity: 'info', message: `${composed} is made of standard words but is not a registered term (a candidate new term).` });
    domainCheck(index.domains.get(last.domain ?? '') ?? null, declared, findings);
  }
  const suggestion = term ? term.physicalName : last.classifier ? composed : null;
  return {
    name, verdict: 'nonstandard', term: term ? termView(term) : null, words, findings,
    suggestion: suggestion && suggestion !== name ? suggestion : null,
  };
}
