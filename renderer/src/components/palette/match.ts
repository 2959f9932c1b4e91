// How the command palette matches what the user types against names, kept pure so it is tested
// and timed at 10,000 groups without a browser. A name matches in tiers, best first: the whole
// name, its start, the start of one of its words, anywhere in it, and, for typos and
// abbreviations, its letters in order ("pmtwr" finds payments-writer). Several words must each
// appear somewhere. A single letter matches only where a word starts. Within a tier, an earlier and a shorter name ranks higher.

/** An item with its searchable text lowercased once, when its source's data arrives, not per keystroke. */
export interface Prepared<T> {
  item: T;
  label: string;
  /** The label lowercased. */
  text: string;
  /** Other words that find the item, lowercased; they rank below a match on the name itself. */
  keywords: string;
}

export interface Hit<T> {
  item: T;
  label: string;
  score: number;
}

export function prepare<T>(item: T, label: string, keywords = ''): Prepared<T> {
  return { item, label, text: label.toLowerCase(), keywords: keywords.toLowerCase() };
}

/** The query as it is matched: lowercased, trimmed, inner spaces collapsed. */
export const normalizeQuery = (query: string): string => query.trim().replace(/\s+/g, ' ').toLowerCase();

const EXACT = 1000;
const PREFIX = 900;
const WORD_START = 800;
const INSIDE = 600;
const ALL_WORDS = 200;
const IN_ORDER = 100;
const KEYWORD_WEIGHT = 0.6;

/** A word starts here: the text's start, or after anything that is not a letter or a digit. */
function atWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const c = text.charCodeAt(index - 1);
  return !((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127);
}

/** Where the query occurs at the start of a word, else where it first occurs, else -1. */
function bestOccurrence(query: string, text: string): { index: number; wordStart: boolean } {
  const first = text.indexOf(query);
  if (first < 0) return { index: -1, wordStart: false };
  for (let i = first; i >= 0; i = text.indexOf(query, i + 1)) {
    if (atWordStart(text, i)) return { index: i, wordStart: true };
  }
  return { index: first, wordStart: false };
}

/**
 * Where the query's letters occur in order, or null when they do not all, or spread too far. The
 * first letter must start a word (an abbreviation does: "orders" is not in "Record architecture
 * decisions"). A later letter that also
 * starts a later word nearby is taken there ("pw" → payments-writer reads as an abbreviation),
 * unless it continues a run; if preferring word starts loses the match, plain first occurrences
 * decide.
 */
function inOrder(query: string, text: string): number[] | null {
  if (query.length < 2 || query.length > text.length) return null;
  const positions = lettersInOrder(query, text, true) ?? lettersInOrder(query, text, false);
  if (!positions) return null;
  // Letters scattered over a long name are noise, not a match.
  const span = positions[positions.length - 1]! - positions[0]! + 1;
  return span <= query.length * 3 + 6 ? positions : null;
}

function lettersInOrder(query: string, text: string, preferWordStarts: boolean): number[] | null {
  // The first letter where a word starts.
  let first = text.indexOf(query[0]!);
  while (first >= 0 && !atWordStart(text, first)) first = text.indexOf(query[0]!, first + 1);
  if (first < 0) return null;
  const positions: number[] = [first];
  let from = first + 1;
  for (const letter of query.slice(1)) {
    let at = text.indexOf(letter, from);
    if (at < 0) return null;
    const continuesRun = positions[positions.length - 1] === at - 1;
    if (preferWordStarts && !continuesRun && !atWordStart(text, at)) {
      for (let next = text.indexOf(letter, at + 1); next >= 0 && next - at < 24; next = text.indexOf(letter, next + 1)) {
        if (atWordStart(text, next)) { at = next; break; }
      }
    }
    positions.push(at);
    from = at + 1;
  }
  return positions;
}

function inOrderScore(positions: number[], text: string): number {
  let score = IN_ORDER;
  for (let i = 0; i < positions.length; i++) {
    if (atWordStart(text, positions[i]!)) score += 20;
    if (i > 0 && positions[i] === positions[i - 1]! + 1) score += 12;
  }
  score -= Math.min(60, positions[0]!);
  return Math.max(1, Math.min(ALL_WORDS - 1, score));
}

// The words of the last query, split once per keystroke rather than once per item.
let lastQuery = '';
let lastWords: string[] = [];
function wordsOf(query: string): string[] {
  if (query !== lastQuery) { lastQuery = query; lastWords = query.split(' '); }
  return lastWords;
}

/** How well a (normalized) query matches a lowercased text: 0 when it does not, higher is better. */
export function scoreText(query: string, text: string): number {
  if (query.length === 0) return 1;
  if (text === query) return EXACT;
  if (text.startsWith(query)) return PREFIX;
  const { index, wordStart } = bestOccurrence(query, text);
  // One letter inside a word matches nearly everything; as a word's initial it still says something.
  if (index >= 0 && (wordStart || query.length > 1)) return (wordStart ? WORD_START : INSIDE) - Math.min(100, index);
  if (query.includes(' ')) {
    // Every word somewhere in the text ("orders stable"), ranked by the worst placed word.
    let worst = Infinity;
    for (const word of wordsOf(query)) {
      const occurrence = bestOccurrence(word, text);
      if (occurrence.index < 0) return 0;
      worst = Math.min(worst, (occurrence.wordStart ? 300 : 200) - Math.min(100, occurrence.index));
    }
    return ALL_WORDS + worst;
  }
  // Letters in order contain no space, so the query's own spaces never reach here.
  const positions = inOrder(query, text);
  return positions ? inOrderScore(positions, text) : 0;
}

/** Keywords find an item by whole words only (no letters in order): they are a second name, not a fuzzy one. */
function keywordScore(query: string, prepared: Prepared<unknown>): number {
  if (prepared.keywords.length === 0) return 0;
  if (prepared.keywords.includes(query)) return scoreText(query, prepared.keywords) * KEYWORD_WEIGHT;
  if (query.includes(' ') && wordsOf(query).every((word) => prepared.text.includes(word) || prepared.keywords.includes(word))) return ALL_WORDS;
  return 0;
}

/** The item's score: by its name, or (lower) by its keywords. */
export function scoreItem(query: string, prepared: Prepared<unknown>): number {
  const byName = scoreText(query, prepared.text);
  return byName >= INSIDE - 100 ? byName : Math.max(byName, keywordScore(query, prepared));
}

/** a before b: higher score, then shorter name, then alphabetical. */
const before = (a: Hit<unknown>, b: Hit<unknown>): boolean =>
  a.score !== b.score ? a.score > b.score : a.label.length !== b.label.length ? a.label.length < b.label.length : a.label < b.label;

/**
 * The best `limit` matches, best first, and how many matched in all. One pass with a small sorted
 * buffer: 10,000 items are scored, but only the few shown are ever sorted.
 */
export function rank<T>(query: string, items: readonly Prepared<T>[], limit: number): { total: number; hits: Hit<T>[] } {
  // Nothing typed: everything matches, in the order it came.
  if (query === '') return { total: items.length, hits: items.slice(0, limit).map(({ item, label }) => ({ item, label, score: 1 })) };
  const hits: Hit<T>[] = [];
  let total = 0;
  for (const prepared of items) {
    const score = scoreItem(query, prepared);
    if (score <= 0) continue;
    total += 1;
    const hit = { item: prepared.item, label: prepared.label, score };
    if (hits.length === limit && !before(hit, hits[limit - 1]!)) continue;
    let at = hits.length === limit ? limit - 1 : hits.length;
    while (at > 0 && before(hit, hits[at - 1]!)) at -= 1;
    hits.splice(at, 0, hit);
    if (hits.length > limit) hits.pop();
  }
  return { total, hits };
}

/**
 * The parts of a label to mark as matched, as [start, end) ranges: recomputed for the handful of
 * results on screen only. Empty when the item matched by its keywords.
 */
export function matchedRanges(query: string, label: string): Array<[number, number]> {
  const text = label.toLowerCase();
  if (query.length === 0) return [];
  const whole = bestOccurrence(query, text);
  if (whole.index >= 0 && (whole.wordStart || query.length > 1)) return [[whole.index, whole.index + query.length]];
  if (query.includes(' ')) {
    const ranges = query.split(' ').map((word) => [bestOccurrence(word, text).index, word.length] as const)
      .filter(([index]) => index >= 0).map(([index, length]): [number, number] => [index, index + length]);
    return mergeRanges(ranges);
  }
  const positions = inOrder(query, text);
  return positions ? mergeRanges(positions.map((p): [number, number] => [p, p + 1])) : [];
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
