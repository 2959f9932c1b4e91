// The classifier masking uses: a field name is checked with the name checker against the open
// workspace's dictionary, and the term it resolves to gives its classification (`personal`,
// `secret`…). Without a workspace, or for a name that is no classified term, nothing is masked.
import { checkName } from '../../shared/governance/name-checker';
import type { DictionaryIndex } from '../../shared/governance/dictionary';
import type { Classifier } from '../../shared/records/masking';

/**
 * Names resolve as the name checker reads them: an exact standard term (CUST_NM, custNm), or the
 * term its standard words make; the checker answers the term's classification.
 */
export function classifierOf(index: DictionaryIndex): Classifier {
  return (fieldName) => checkName(fieldName, index).classification;
}

/**
 * A classifier over whatever dictionary is open now: the index is read per call (it is cached by the
 * workspace until a file changes) and each index's answers are remembered by name.
 */
export function workspaceClassifier(index: () => DictionaryIndex | null): Classifier {
  let current: { index: DictionaryIndex; classify: Classifier; cache: Map<string, string | null> } | null = null;
  return (fieldName) => {
    let now: DictionaryIndex | null;
    try {
      now = index();
    } catch {
      return null;
    }
    if (!now) return null;
    if (current?.index !== now) current = { index: now, classify: classifierOf(now), cache: new Map() };
    const hit = current.cache.get(fieldName);
    if (hit !== undefined) return hit;
    const classification = current.classify(fieldName);
    if (current.cache.size < 50_000) current.cache.set(fieldName, classification);
    return classification;
  };
}
