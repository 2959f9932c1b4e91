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
  term: { name: string; physicalName: string; dataType: string | null; length: number | null; classification: string | null } | null;
  /**
   * The classification of the term the name resolves to (personal, secret…), whether or not the
   * name is spelled the standard way: `customer_name` carries CUST_NM's, so it is masked too.
   */
  classification: string | null;
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

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * `customerName`, `customer_name` and `CUSTOMER_NAME` all become CUSTOMER_NAME; `HTTPStatus`
 * becomes HTTP_STATUS. One pass over the characters: it runs for every field of every schema.
 */
export function toPhysicalCase(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (i > 0 && isUpper(c)) {
      const before = name.charCodeAt(i - 1);
      // a word starts at an upper-case letter after a lower-case letter or digit (payId → PAY_ID),
      // or at the last capital of a run that a lower-case letter follows (HTTPStatus → HTTP_STATUS)
      if (isLower(before) || isDigit(before) || (isUpper(before) && i + 1 < name.length && isLower(name.charCodeAt(i + 1)))) out += '_';
    }
    out += isLower(c) ? String.fromCharCode(c - 32) : name[i];
  }
  return out;
}

type Piece = { text: string; words: StandardWord[] | null };

/** The longest dictionary word starting at `from` (or, from the right, ending at `to`). */
function longestWord(token: string, from: number, to: number, index: DictionaryIndex, fromRight: boolean): Piece | null {
  let node = fromRight ? index.suffixes : index.prefixes;
  let bestLength = 0;
  let bestWords: StandardWord[] | null = null;
  for (let k = 0; k < to - from; k++) {
    const next = node.next.get(token.charCodeAt(fromRight ? to - 1 - k : from + k));
    if (!next) break;
    node = next;
    if (node.words) { bestLength = k + 1; bestWords = node.words; }
  }
  if (!bestWords) return null;
  return { text: fromRight ? token.slice(to - bestLength, to) : token.slice(from, from + bestLength), words: bestWords };
}

/**
 * Greedy longest match from the left (or, reversed, from the right) over one `_`-separated token,
 * walking tries instead of slicing and hashing every candidate length: it runs for every field of
 * every schema in the governance overview.
 */
function segment(token: string, index: DictionaryIndex, fromRight: boolean): Piece[] {
  const pieces: Piece[] = [];
  let unknownStart = -1;
  let unknownEnd = -1;
  const flush = () => {
    if (unknownStart >= 0) pieces.push({ text: token.slice(unknownStart, unknownEnd), words: null });
    unknownStart = -1;
  };
  // Left to right: `from` is where the next piece starts. Right to left: `to` is where it ends.
  let from = 0;
  let to = token.length;
  while (from < to) {
    const matched = longestWord(token, from, to, index, fromRight);
    if (matched) {
      flush();
      pieces.push(matched);
      if (fromRight) to -= matched.text.length; else from += matched.text.length;
    } else if (fromRight) {
      // Unknown characters grow leftwards; the piece is flushed in reading order at the end.
      if (unknownStart < 0) unknownEnd = to;
      unknownStart = to - 1;
      to--;
    } else {
      if (unknownStart < 0) unknownStart = from;
      unknownEnd = from + 1;
      from++;
    }
  }
  flush();
  return fromRight ? pieces.reverse() : pieces;
}

function segmentName(physical: string, index: DictionaryIndex, fromRight: boolean): Piece[] {
  const pieces: Piece[] = [];
  for (const token of physical.split('_')) {
    // A whole token that is a word wins over splitting it (CODE is CODE, not CO + DE).
    const whole = index.words.get(token);
    if (whole) { pieces.push({ text: token, words: whole }); continue; }
    const parts = segment(token, index, fromRight);
    // Mostly unknown (CREATED read as CR + EATED): the token itself is the candidate new word.
    let unknown = 0;
    for (const p of parts) if (!p.words) unknown += p.text.length;
    if (unknown * 2 > token.length) pieces.push({ text: token, words: null });
    else for (const piece of parts) pieces.push(piece);
  }
  return pieces;
}

const unknownCount = (pieces: Piece[]) => { let count = 0; for (const p of pieces) if (!p.words) count++; return count; };

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

const termView = (t: IndexedTerm): NameCheck['term'] => ({
  name: t.term.name, physicalName: t.physicalName, dataType: t.domain?.dataType ?? null, length: t.domain?.length ?? null, classification: t.term.classification ?? null,
});

export function checkName(name: string, index: DictionaryIndex, declared?: DeclaredType): NameCheck {
  const findings: Finding[] = [];
  if (!VALID.test(name)) {
    findings.push({ code: 'invalid-characters', severity: 'error', message: 'Use letters, digits and single underscores, starting with a letter.' });
    return { name, verdict: 'nonstandard', term: null, classification: null, words: [], findings, suggestion: null };
  }
  const physical = toPhysicalCase(name);
  const exact = index.termsByPhysicalName.get(physical);
  if (exact) {
    domainCheck(exact.domain, declared, findings);
    const parts = physical.split('_');
    const words = exact.term.words.map((w, i) => ({ text: parts[i] ?? '', word: w, abbreviation: index.wordsByName.get(w)?.abbreviation ?? null }));
    // Only the case differs from the physical name (custNm for CUST_NM): that is the schema's own convention.
    return { name, verdict: findings.length ? 'nonstandard' : 'standard', term: termView(exact), classification: exact.term.classification ?? null, words, findings, suggestion: null };
  }

  const leftToRight = segmentName(physical, index, false);
  const rightToLeft = segmentName(physical, index, true);
  if (!sameSegmentation(leftToRight, rightToLeft)) {
    findings.push({ code: 'ambiguous-segmentation', severity: 'warning', message: `Reads as ${leftToRight.map((p) => p.text).join(' + ')} or ${rightToLeft.map((p) => p.text).join(' + ')}: separate the words with _.` });
  }
  // Prefer the reading with fewer unknown pieces, then the left-to-right one.
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
  if (chosen.some((w) => w === null)) return { name, verdict: 'unknown', term: null, classification: null, words, findings, suggestion: null };

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
    name, verdict: 'nonstandard', term: term ? termView(term) : null, classification: term?.term.classification ?? null, words, findings,
    suggestion: suggestion && suggestion !== name ? suggestion : null,
  };
}
