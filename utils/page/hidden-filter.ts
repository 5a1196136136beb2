/**
 * Which hidden users to show alongside the page's list, so the page's own search, filters and
 * paging keep their meaning: on the list's first page, under the default, Active or All status,
 * for the site a Site filter names, matching the search text like the page does, and never an
 * account the page lists itself.
 */
export interface ListView {
  search: string;
  status: string | null;
  site: string | null;
  /** Another filter has a value: Relink cannot tell whether its users match it [assumed]. */
  other: boolean;
  first: boolean;
}

export interface Searchable {
  displayName: string;
  email: string | null;
}

export function hiddenUsersVisible(view: ListView): boolean {
  return view.first && !view.other && [null, 'active', 'all', 'removed'].includes(view.status);
}

export function matchesSearch(user: Searchable, search: string): boolean {
  const q = search.trim().toLowerCase();
  return !q || user.displayName.toLowerCase().includes(q) || (user.email?.toLowerCase().includes(q) ?? false);
}

/** A Site filter names a host, or a site name its host starts with. */
export function matchesSite(host: string, site: string | null): boolean {
  const s = site?.trim().toLowerCase();
  return !s || host === s || host.split('.')[0] === s;
}
