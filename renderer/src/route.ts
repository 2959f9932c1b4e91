// The console's routes as data: the hash of the page's address parsed into a Route, and back. Pure,
// so it is tested without a browser; renderer/src/router.ts follows the address bar with it.

export type Route =
  | { page: 'groups' }
  | { page: 'group'; groupId: string }
  | { page: 'cluster' }
  | { page: 'topics' }
  | { page: 'topic'; topic: string; tab?: 'partitions' | 'configs' | 'readers' }
  | { page: 'brokers'; nodeId?: number }
  | { page: 'profiles' }
  | { page: 'audit' }
  | { page: 'replication' }
  | { page: 'mismatch'; mismatchId: string }
  | { page: 'ledger'; paymentId?: string }
  | { page: 'workspace'; file?: string; line?: number }
  | { page: 'decisions' }
  | { page: 'decision'; number: number }
  | { page: 'dictionary'; tab?: 'words' | 'domains' | 'terms'; entry?: string }
  | { page: 'ontology'; node?: string }
  | { page: 'schemas' }
  | { page: 'subject'; subject: string; tab?: string }
  | { page: 'governance' }
  /** A topic's records: from an offset of one partition when given (the incident path opens one record). */
  | { page: 'records'; topic: string; partition?: number; offset?: number }

  | { page: 'triage'; sessionId?: string };

/**
 * The text of a %-encoded route part, or the part as it is when its escapes are malformed: a hand-typed
 * or truncated address (#/groups/%E0%A4%A) must still show a page (here: that group, not found), and
 * decodeURIComponent would throw and leave the app blank.
 */
export function decodeRoutePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [first, ...rest] = path.split('/');
  if (first === 'groups' && rest.length > 0 && rest[0]) return { page: 'group', groupId: decodeRoutePart(rest.join('/')) };
  if (first === 'cluster') return { page: 'cluster' };
  if (first === 'topics') {
    if (!rest[0]) return { page: 'topics' };
    // A topic name has no '/', so a second part is the tab.
    const tab = (['partitions', 'configs', 'readers'] as const).find((t) => t === rest[1]);
    return { page: 'topic', topic: decodeRoutePart(rest[0]), ...(tab ? { tab } : {}) };
  }
  if (first === 'brokers') return rest[0] && /^\d+$/.test(rest[0]) ? { page: 'brokers', nodeId: Number(rest[0]) } : { page: 'brokers' };
  if (first === 'profiles') return { page: 'profiles' };
  if (first === 'audit') return { page: 'audit' };
  if (first === 'replication' && rest[0] === 'mismatches' && rest[1]) return { page: 'mismatch', mismatchId: decodeRoutePart(rest[1]) };
  if (first === 'replication') return { page: 'replication' };
  if (first === 'ledger') return rest[0] ? { page: 'ledger', paymentId: decodeRoutePart(rest[0]) } : { page: 'ledger' };
  if (first === 'workspace') {
    if (rest[0] !== 'file' || !rest[1]) return { page: 'workspace' };
    const [file, line] = decodeRoutePart(rest.slice(1).join('/')).split('#L');
    return { page: 'workspace', file: file!, ...(line ? { line: Number(line) } : {}) };
  }
  if (first === 'decisions') return rest[0] && /^\d+$/.test(rest[0]) ? { page: 'decision', number: Number(rest[0]) } : { page: 'decisions' };
  if (first === 'dictionary') {
    const tab = (['words', 'domains', 'terms'] as const).find((t) => t === rest[0]);
    return { page: 'dictionary', ...(tab ? { tab } : {}), ...(tab && rest[1] ? { entry: decodeRoutePart(rest[1]) } : {}) };
  }
  if (first === 'ontology') return rest[0] ? { page: 'ontology', node: decodeRoutePart(rest.join('/')) } : { page: 'ontology' };
  if (first === 'schemas') return rest[0] ? { page: 'subject', subject: decodeRoutePart(rest[0]), ...(rest[1] ? { tab: rest[1] } : {}) } : { page: 'schemas' };
  if (first === 'governance') return { page: 'governance' };
  if (first === 'records' && rest[0]) {
    const partition = rest[1] && /^\d+$/.test(rest[1]) ? Number(rest[1]) : undefined;
    const offset = partition !== undefined && rest[2] && /^\d+$/.test(rest[2]) ? Number(rest[2]) : undefined;
    return { page: 'records', topic: decodeRoutePart(rest[0]), ...(partition === undefined ? {} : { partition }), ...(offset === undefined ? {} : { offset }) };
  }
  if (first === 'triage') return rest[0] ? { page: 'triage', sessionId: decodeRoutePart(rest[0]) } : { page: 'triage' };
  return { page: 'groups' };
}

export const hrefFor = (route: Route): string => {
  switch (route.page) {
    case 'group': return `#/groups/${encodeURIComponent(route.groupId)}`;
    case 'topic': return `#/topics/${encodeURIComponent(route.topic)}${route.tab ? `/${route.tab}` : ''}`;
    case 'brokers': return route.nodeId === undefined ? '#/brokers' : `#/brokers/${route.nodeId}`;
    case 'mismatch': return `#/replication/mismatches/${encodeURIComponent(route.mismatchId)}`;
    case 'ledger': return route.paymentId ? `#/ledger/${encodeURIComponent(route.paymentId)}` : '#/ledger';
    case 'workspace': return route.file ? `#/workspace/file/${encodeURIComponent(route.file + (route.line ? `#L${route.line}` : ''))}` : '#/workspace';
    case 'decision': return `#/decisions/${route.number}`;
    case 'dictionary': return `#/dictionary${route.tab ? `/${route.tab}` : ''}${route.tab && route.entry ? `/${encodeURIComponent(route.entry)}` : ''}`;
    case 'ontology': return route.node ? `#/ontology/${encodeURIComponent(route.node)}` : '#/ontology';
    case 'records': return `#/records/${encodeURIComponent(route.topic)}${route.partition === undefined ? '' : `/${route.partition}${route.offset === undefined ? '' : `/${route.offset}`}`}`;
    case 'triage': return route.sessionId ? `#/triage/${encodeURIComponent(route.sessionId)}` : '#/triage';
    case 'subject': return `#/schemas/${encodeURIComponent(route.subject)}${route.tab ? `/${route.tab}` : ''}`;
    default: return `#/${route.page}`;
  }
};
