// The names of the navigation's icons (drawn in ./nav-icons.tsx), apart from their drawings so
// that plain modules (the navigation entries, the palette's sources) can name one.
export const navIconNames = [
  'overview', 'groups', 'topics', 'brokers', 'replication', 'ledger', 'schemas', 'governance', 'decisions', 'dictionary',
  'ontology', 'workspace', 'audit', 'triage', 'connections', 'mismatch', 'search', 'collapse', 'expand',
] as const;

export type NavIconName = (typeof navIconNames)[number];
