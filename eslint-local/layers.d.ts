import type { Rule } from 'eslint';

export const layers: Record<string, string[]>;
export function layerOf(relative: string): string | null;
declare const rule: Rule.RuleModule;
export default rule;
