import type { Rule } from 'eslint';

export const boundariesRule: Rule.RuleModule;
export const sqlInDbRule: Rule.RuleModule;
export const boundariesPlugin: { rules: Record<string, Rule.RuleModule> };
export function violations(file: string, spec: string): string[];
