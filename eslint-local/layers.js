// Lint rule `local/layers`: which folder may import which. Each folder of main/ and shared/ is a
// layer with the layers it may depend on; an import that goes the wrong way (a cycle between
// folders, a domain reaching into another it must not know) is an error, and a new folder must be
// given its place here before it lints. The map is the architecture: ADR 0010 explains it.
import path from 'node:path';

/** Layer → the layers it may import (itself always). Keys are folders relative to the repository root. */
export const layers = {
  // Environment-neutral: the contract, domain schemas and pure logic.
  'shared/common': [],
  'shared/openapi': [],
  'shared/app': ['shared/common'],
  'shared/audit': ['shared/common'],
  'shared/profiles': ['shared/common'],
  'shared/kafka': ['shared/common'],
  // Topics and brokers show Kafka configs and group types (shared/kafka).
  'shared/topics': ['shared/common', 'shared/kafka'],
  'shared/brokers': ['shared/common', 'shared/kafka', 'shared/topics'],
  'shared/registry': ['shared/common'],
  'shared/replication': ['shared/common'],
  'shared/ledger': ['shared/common'],
  'shared/records': ['shared/common'],
  // Governance reads schemas (registry) but never the workspace's files.
  'shared/governance': ['shared/common', 'shared/registry'],
  'shared/workspace': ['shared/common', 'shared/governance', 'shared/registry'],
  // Triage reads what the other domains show (groups, pipelines, audit records) and drafts decisions.
  'shared/triage': ['shared/common', 'shared/audit', 'shared/kafka', 'shared/replication', 'shared/workspace', 'shared/profiles'],
  'shared/contract.ts': ['shared/*'],
  // main: cross-cutting helpers first, then domains, then what hosts them.
  'main/platform': ['shared/*'],
  'main/audit': ['shared/*', 'main/platform'],
  'main/settings': ['shared/*', 'main/platform'],
  'main/app': ['shared/*', 'main/platform'],
  // The admin port beyond groups (topics, configs, log dirs, quorum, ACLs, quotas) sits below the
  // domains that use it: main/kafka reads group configs through it.
  'main/kafka-admin': ['shared/*', 'main/platform', 'main/audit'],
  'main/kafka': ['shared/*', 'main/platform', 'main/audit', 'main/settings', 'main/kafka-admin'],
  // Topics read which groups commit to them through the groups session, and a topic's subjects from the registry.
  'main/topics': ['shared/*', 'main/platform', 'main/audit', 'main/settings', 'main/kafka', 'main/kafka-admin', 'main/registry'],
  'main/brokers': ['shared/*', 'main/platform', 'main/kafka-admin'],
  'main/registry': ['shared/*', 'main/platform', 'main/audit', 'main/settings'],
  'main/replication': ['shared/*', 'main/platform', 'main/audit'],
  'main/ledger': ['shared/*', 'main/platform'],
  'main/workspace': ['shared/*', 'main/platform'],
  // Governance orchestrates the registry, the workspace and the cluster; none of them knows it.
  'main/governance': ['shared/*', 'main/platform', 'main/audit', 'main/settings', 'main/registry', 'main/workspace', 'main/kafka'],
  // Records decode with the registry's schemas, read with the cluster's settings and mask with the dictionary (through governance).
  'main/records': ['shared/*', 'main/platform', 'main/audit', 'main/settings', 'main/kafka', 'main/registry', 'main/governance', 'main/workspace'],
  // Triage watches the cluster and the pipelines, guards audited actions and drafts decisions.
  'main/triage': ['shared/*', 'main/platform', 'main/audit', 'main/settings', 'main/kafka', 'main/replication', 'main/workspace'],
  // Profiles test connections to a cluster and a registry.
  'main/profiles': ['shared/*', 'main/platform', 'main/settings', 'main/kafka', 'main/registry'],
  // The router merges every domain's handlers.
  'main/rpc': ['shared/*', 'main/platform', 'main/app', 'main/audit', 'main/settings', 'main/kafka', 'main/kafka-admin', 'main/topics', 'main/brokers', 'main/registry', 'main/replication', 'main/ledger', 'main/workspace', 'main/governance', 'main/profiles', 'main/records', 'main/triage'],
  'main/services.ts': ['shared/*', 'main/*'],
  'main/bridge': ['shared/*', 'main/platform', 'main/rpc', 'main/services.ts'],
  'main/serve.ts': ['shared/*', 'main/*'],
  'main/shell': ['shared/*', 'main/*'],
};

const keys = Object.keys(layers).sort((a, b) => b.length - a.length);

/** The layer a repository-relative path belongs to, or null outside main/ and shared/. */
export function layerOf(relative) {
  const normalized = relative.split(path.sep).join('/');
  if (!/^(main|shared)\//.test(normalized)) return null;
  for (const key of keys) {
    if (normalized === key || normalized.startsWith(`${key}/`) || normalized.replace(/\.(ts|tsx|js|mjs)$/, '.ts') === key) return key;
  }
  return 'undeclared';
}

const allows = (from, to) => from === to || layers[from].some((allowed) =>
  allowed.endsWith('/*') ? to.startsWith(allowed.slice(0, -1)) : allowed === to);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between folders follow the layer map (no cycles, governance orchestrates, never the reverse).' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename);
    const from = layerOf(file);
    if (from === null) return {};
    if (from === 'undeclared') {
      return { Program: (node) => context.report({ node, message: `${file} is in a folder with no layer: add it to eslint-local/layers.js with what it may import.` }) };
    }
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), source));
      const to = layerOf(target);
      if (to === null || to === 'undeclared' || allows(from, to)) return;
      context.report({ node, message: `${from} must not import ${to} (${source}): see the layer map in eslint-local/layers.js.` });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: (node) => { if (node.source) check(node); },
      ExportAllDeclaration: check,
      ImportExpression: (node) => { if (node.source.type === 'Literal') check(node); },
    };
  },
};
