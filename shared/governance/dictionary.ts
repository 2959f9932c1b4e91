// The standard dictionary (DOMAIN.md §5, after the Korean public-data standard model): standard
// words with their English abbreviations (some are classifier words: name, date, amount, code…),
// standard domains (a classifier's data type and length) and standard terms (words ending in a
// classifier; the physical name joins the abbreviations with `_`). Indexed once for the checker.

export interface StandardWord {
  /** The logical name, in the organisation's language (e.g. 고객, or "customer"). */
  name: string;
  /** The standard English abbreviation used in physical names, e.g. CUST. */
  abbreviation: string;
  /** The English word in full, e.g. CUSTOMER: a name spelled out is recognised and corrected. */
  english?: string;
  classifier?: boolean;
  /** For a classifier word: the domain a term ending in it takes unless the term says otherwise. */
  domain?: string;
  /** A non-standard word names the standard word to use instead. */
  standardWord?: string;
  description?: string;
}

export interface StandardDomain {
  name: string;
  dataType: string;
  length?: number;
  scale?: number;
  description?: string;
}

export interface StandardTerm {
  name: string;
  /** Word names in order; the last is a classifier word. */
  words: string[];
  domain?: string;
  /** The ontology concept or property the term means, as a prefixed name (pay:paymentAmount). */
  concept?: string;
  /**
   * How sensitive a value under this term is (`personal`, `secret`, … as the workspace config
   * allows): fields whose names resolve to a classified term are masked where records are shown.
   */
  classification?: string;
  description?: string;
}

export interface Dictionary {
  words: StandardWord[];
  domains: StandardDomain[];
  terms: StandardTerm[];
}

export interface IndexedTerm {
  term: StandardTerm;
  physicalName: string;
  domain: StandardDomain | null;
}

export interface DictionaryIndex {
  /** By upper-case abbreviation or English word: more than one word is a homonym. */
  words: Map<string, StandardWord[]>;
  wordsByName: Map<string, StandardWord>;
  domains: Map<string, StandardDomain>;
  /** By physical name, e.g. CUST_NM. */
  termsByPhysicalName: Map<string, IndexedTerm>;
  /** By the word names joined with a space, to find the standard term for a sequence of words. */
  termsByWords: Map<string, IndexedTerm>;
  /** Longest abbreviation or English word, bounding the segmentation search. */
  longestWord: number;
  /** The same spellings as tries, for longest-match segmentation from the left and from the right. */
  prefixes: TrieNode;
  suffixes: TrieNode;
}

/** A trie over upper-case spellings; `words` is set where a spelling ends. */
export interface TrieNode { next: Map<number, TrieNode>; words: StandardWord[] | null }
const trieNode = (): TrieNode => ({ next: new Map(), words: null });

function addToTrie(root: TrieNode, spelling: string, words: StandardWord[], reversed: boolean) {
  let node = root;
  for (let i = 0; i < spelling.length; i++) {
    const code = spelling.charCodeAt(reversed ? spelling.length - 1 - i : i);
    let child = node.next.get(code);
    if (!child) { child = trieNode(); node.next.set(code, child); }
    node = child;
  }
  node.words = words;
}

export function indexDictionary(dictionary: Dictionary): DictionaryIndex {
  const words = new Map<string, StandardWord[]>();
  const wordsByName = new Map<string, StandardWord>();
  let longestWord = 1;
  const add = (spelling: string, word: StandardWord) => {
    const key = spelling.toUpperCase();
    const list = words.get(key);
    if (list) { if (!list.includes(word)) list.push(word); } else words.set(key, [word]);
    longestWord = Math.max(longestWord, key.length);
  };
  for (const word of dictionary.words) {
    wordsByName.set(word.name, word);
    add(word.abbreviation, word);
    if (word.english) add(word.english.replace(/[\s_-]+/g, ''), word);
  }
  const domains = new Map(dictionary.domains.map((d) => [d.name, d]));
  const termsByPhysicalName = new Map<string, IndexedTerm>();
  const termsByWords = new Map<string, IndexedTerm>();
  for (const term of dictionary.terms) {
    const parts = term.words.map((name) => wordsByName.get(name));
    if (parts.some((w) => !w)) continue; // a term naming an unknown word is a dictionary finding, not a checker input
    const last = parts[parts.length - 1]!;
    const indexed: IndexedTerm = {
      term,
      physicalName: parts.map((w) => w!.abbreviation.toUpperCase()).join('_'),
      domain: domains.get(term.domain ?? last.domain ?? '') ?? null,
    };
    termsByPhysicalName.set(indexed.physicalName, indexed);
    termsByWords.set(term.words.join(' '), indexed);
  }
  const prefixes = trieNode();
  const suffixes = trieNode();
  for (const [spelling, list] of words) {
    addToTrie(prefixes, spelling, list, false);
    addToTrie(suffixes, spelling, list, true);
  }
  return { words, wordsByName, domains, termsByPhysicalName, termsByWords, longestWord, prefixes, suffixes };
}
