/**
 * The baseline the benchmark measures Relink against: the script an admin would write first —
 * list every user, then read each inactive person's groups one call at a time, no cache, no
 * concurrency — over the same transport as Relink's scan.
 */
import { JiraClient } from '@/utils/atlassian/jira-client';

export async function naiveScan(jira: JiraClient): Promise<string[]> {
  const users = [];
  for (let startAt = 0; ; startAt += 1000) {
    const page = await jira.usersPage(startAt, 1000);
    if (page.items.length + page.rejected.count === 0) break;
    users.push(...page.items);
  }
  const hidden: string[] = [];
  for (const user of users) {
    if (user.active || user.accountType !== 'atlassian' || user.displayName === 'Former user') continue;
    const full = await jira.user(user.accountId, ['groups']);
    if ((full.groups?.items.length ?? 0) === 0) hidden.push(user.accountId);
  }
  return hidden.sort();
}
