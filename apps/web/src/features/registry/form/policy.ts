/**
 * The usage-policy editor's values and their conversion to the machine-readable policy (a closed
 * subset of ODRL: purpose, period, count, region, recipient role). Incomplete rows are left out of
 * the policy, so the ODRL preview always shows what would really be registered.
 */
import {
  POLICY_ACTIONS,
  type PolicyAction,
  type PolicyConstraint,
  type PolicyRule,
  type UsagePolicy,
} from '@shuliu/core';

/** Constraint kinds, in the order the editor offers them. */
export const CONSTRAINT_KINDS = ['purpose', 'period', 'count', 'region', 'recipient_role'] as const;
export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

/** One constraint row as the form holds it (fields of other kinds ignored). */
export interface ConstraintValues {
  kind?: ConstraintKind;
  anyOf?: string[];
  from?: string;
  to?: string;
  max?: number | null;
}

/** One permission or prohibition as the form holds it. */
export interface RuleValues {
  action?: PolicyAction;
  constraints?: (ConstraintValues | undefined)[];
}

export interface PolicyValues {
  permissions?: (RuleValues | undefined)[];
  prohibitions?: (RuleValues | undefined)[];
}

const cleanList = (list: string[] | undefined) => [
  ...new Set((list ?? []).map((s) => s.trim()).filter((s) => s.length > 0)),
];

/** The constraint a row describes, or null while it is incomplete. */
export function toConstraint(row: ConstraintValues | undefined): PolicyConstraint | null {
  switch (row?.kind) {
    case 'purpose':
    case 'region':
    case 'recipient_role': {
      const anyOf = cleanList(row.anyOf);
      return anyOf.length > 0 ? { kind: row.kind, anyOf } : null;
    }
    case 'period':
      return row.from && row.to && row.from <= row.to ? { kind: 'period', from: row.from, to: row.to } : null;
    case 'count':
      return typeof row.max === 'number' && Number.isInteger(row.max) && row.max > 0
        ? { kind: 'count', max: row.max }
        : null;
    case undefined:
      return null;
  }
}

function toRules(rows: (RuleValues | undefined)[] | undefined): PolicyRule[] {
  return (rows ?? []).flatMap((row) => {
    const action = row?.action;
    if (!action || !POLICY_ACTIONS.includes(action)) return [];
    const constraints = (row.constraints ?? []).flatMap((c) => {
      const constraint = toConstraint(c);
      return constraint ? [constraint] : [];
    });
    return [{ action, constraints }];
  });
}

/** The usage policy the editor's values describe. */
export function toUsagePolicy(values: PolicyValues | undefined): UsagePolicy {
  return { permissions: toRules(values?.permissions), prohibitions: toRules(values?.prohibitions) };
}

/** Editor values of a saved policy. */
export function policyValuesOf(policy: Partial<UsagePolicy> | undefined): PolicyValues {
  const rows = (rules: PolicyRule[] | undefined): RuleValues[] =>
    (rules ?? []).map((rule) => ({
      action: rule.action,
      constraints: rule.constraints.map((c) => ({ ...c })),
    }));
  return { permissions: rows(policy?.permissions), prohibitions: rows(policy?.prohibitions) };
}

/** A sensible start: use is allowed, redistribution is forbidden. */
export function defaultPolicyValues(): PolicyValues {
  return {
    permissions: [{ action: 'use', constraints: [] }],
    prohibitions: [{ action: 'distribute', constraints: [] }],
  };
}
