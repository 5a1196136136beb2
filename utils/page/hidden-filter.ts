/**
 * Which of Relink's hidden users to show alongside the page's list, so the page's own search,
 * status filter and pagination keep their meaning: they show on the first page of the list,
 * under the Active (default) or All filter, and match the search text like the page does.
 */
export interface ListView {
  search: string;
  status: string | null;
  page: number;
}

export interface Searchable {
  displayName: string;
  email: string | null;
}

export function hiddenUsersVisible(view: ListView): boolean {
  return (
    view.page === 1 &&
    (view.status === null || view.status === 'active' || view.status === 'all' || view.status === 'removed')
  );
}

export function matchesSearch(user: Searchable, search: string): boolean {
  const q = search.trim().toLowerCase();
  return !q || user.displayName.toLowerCase().includes(q) || (user.email?.toLowerCase().includes(q) ?? false);
}
