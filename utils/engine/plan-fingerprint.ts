/**
 * A short, stable fingerprint of what a plan would do: its action, subject and every call in
 * order. The admin confirms a plan by its fingerprint; if the plan Relink would run by then
 * differs (the user's groups changed, another tab acted), the fingerprints differ.
 */
import type { Plan } from './plan';

export function planFingerprint(plan: Plan): string {
  const what =
    plan.kind === 'plan'
      ? [
          plan.action,
          plan.subject.site,
          plan.subject.accountId,
          ...plan.steps.map((s) => s.call + '\n' + JSON.stringify(s.step)),
        ]
      : [plan.kind, plan.subject.site, plan.subject.accountId];
  // FNV-1a, 2 × 32 bits: enough to tell two plans apart, not a secret.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const char of what.join('\u0000')) {
    const code = char.codePointAt(0) ?? 0;
    a = Math.imul(a ^ code, 16777619);
    b = Math.imul(b ^ code, 2246822519);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
