/** @jsxImportSource react */
/**
 * The simulated admin pages, built like the real ones (docs/atlassian.md §7): a React app in the top
 * document (`#root`), laid out by @atlaskit/navigation-system (the main area is `div[role=main]`),
 * the `h1` in @atlaskit/page-header beside its actions, breadcrumbs, and the user list as
 * @atlaskit/dynamic-table (no `<tbody>` while loading or empty, the table `inert` while loading),
 * filters as design-system dropdowns and selects (never a native `<select>`), and
 * @atlaskit/pagination or cursor Previous/Next. Three pages — the org's Directory › Users, a
 * site's Users (original user management) and the legacy site list — with the switches of
 * switches.ts and the languages of strings.ts. Bundled by build.ts; served by routes/web.ts.
 */
import Avatar from '@atlaskit/avatar';
import Breadcrumbs, { BreadcrumbsItem } from '@atlaskit/breadcrumbs';
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import DropdownMenu, { DropdownItem, DropdownItemRadio, DropdownItemRadioGroup } from '@atlaskit/dropdown-menu';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Main } from '@atlaskit/navigation-system/layout/main';
import { Root } from '@atlaskit/navigation-system/layout/root';
import { SideNav, SideNavBody } from '@atlaskit/navigation-system/layout/side-nav';
import { TopNav, TopNavEnd, TopNavMiddle, TopNavStart } from '@atlaskit/navigation-system/layout/top-nav';
import PageHeader from '@atlaskit/page-header';
import Popup from '@atlaskit/popup';
import Pagination from '@atlaskit/pagination';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { STRINGS, type Strings } from './strings';
import { readSwitches } from './switches';

interface Listed {
  accountId: string;
  name: string;
  email: string | null;
  lastSeen: string | null;
  status: 'active' | 'suspended' | 'deactivated';
  avatar: string;
  access: string[];
  managed: boolean;
}
interface Listing {
  total: number;
  pageSize: number;
  users: Listed[];
  next: string | null;
  prev: string | null;
}
interface Boot {
  kind: 'org' | 'site' | 'legacy';
  id: string;
  base: string;
  page: string;
  /** The sites this page is about (host, title), as the page would name them. */
  sites: { host: string; title: string }[];
}

const switches = readSwitches(location.search);
const t: Strings = STRINGS[switches.lang];
const on = (token: Parameters<typeof switches.on.has>[0]) => switches.on.has(token);
const boot = JSON.parse(document.getElementById('sim-boot')?.textContent ?? '{}') as Boot;
const paging = on('cursor') ? 'cursor' : on('numbered') ? 'numbered' : boot.kind === 'org' ? 'cursor' : 'numbered';
const wording: 0 | 1 = on('wording') ? 1 : 0;

/** Keeps the switches (and whatever else the app put there) in every URL it navigates to. */
function withQuery(path: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const current = new URLSearchParams(location.search);
  for (const key of ['sim', 'lang', 'colorMode']) {
    const value = current.get(key);
    if (value) params.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

function useListing(query: Record<string, string>): { data: Listing | null; loading: boolean; error: string | null } {
  const [state, setState] = useState<{ data: Listing | null; loading: boolean; error: string | null }>({
    data: null,
    loading: true,
    error: null,
  });
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    if (on('loading')) return;
    const path =
      boot.kind === 'org'
        ? `/gateway/api/admin/v2/orgs/${boot.id}/directories/-/users`
        : '/gateway/api/sim-admin/users';
    const params = new URLSearchParams({
      ...query,
      scope: boot.kind === 'org' ? `org:${boot.id}` : boot.kind === 'site' ? `site:${boot.id}` : 'legacy',
      limit: on('per2') ? '2' : '20',
      ...(on('listed') ? { listed: '1' } : {}),
      ...(on('empty') ? { empty: '1' } : {}),
    });
    // Like the real app, the list arrives a moment after the page.
    const timer = setTimeout(() => {
      fetch(`${path}?${params.toString()}`, { credentials: 'same-origin' })
        .then((r) => (r.ok ? (r.json() as Promise<Listing>) : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then(
          (data) => live && setState({ data, loading: false, error: null }),
          (e: unknown) => live && setState({ data: null, loading: false, error: String(e) }),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}

const statusLabel = (s: string) =>
  ({ active: t.active, suspended: t.suspended, deactivated: t.deactivated, all: t.allStatuses })[s] ?? s;
const appearance = { active: 'success', suspended: 'moved', deactivated: 'removed' } as const;

function UserCell({ user }: { user: Listed }) {
  const href = `${boot.base}/users/${encodeURIComponent(user.accountId)}`;
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <Avatar size="small" src={user.avatar} name={user.name} />
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <a
          href={withQuery(href)}
          onClick={(e) => {
            e.preventDefault();
            navigate(href);
          }}
        >
          {user.name}
        </a>
        <span style={{ color: 'var(--ds-text-subtle, #44546F)', fontSize: 12 }}>{user.email ?? ''}</span>
      </div>
    </div>
  );
}

function dateOf(iso: string | null): string {
  if (!iso) return t.never;
  return new Date(iso).toLocaleDateString(switches.lang, { day: 'numeric', month: 'short', year: 'numeric' });
}

function InviteButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button appearance="primary" onClick={() => dialog.current?.showModal()}>
        {t.invite}
      </Button>
      <dialog ref={dialog} aria-label={t.invite}>
        <h2>{t.invite}</h2>
        <label>
          {t.email} <input type="email" name="invite-email" />
        </label>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t.cancel}
        </button>
      </dialog>
    </>
  );
}

/** A filter as the org Directory has them: a dropdown whose trigger says the chosen value. */
function FilterMenu(props: {
  /** For tests: `filter-{id}--trigger`, and `filter-{id}-{value}` per item. */
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (value: string) => void;
}) {
  const chosen = props.options.find(([v]) => v === props.value);
  const trigger = props.value && chosen ? `${props.label}: ${chosen[1]}` : props.label;
  return (
    <DropdownMenu trigger={trigger} testId={`filter-${props.id}`}>
      <DropdownItemRadioGroup id={props.label} title={props.label}>
        {[['', t.any] as [string, string], ...props.options].map(([v, l]) => (
          <DropdownItemRadio
            key={v}
            id={v || 'any'}
            testId={`filter-${props.id}-${v || 'any'}`}
            isSelected={v === props.value}
            onClick={() => props.onChange(v)}
          >
            {l}
          </DropdownItemRadio>
        ))}
      </DropdownItemRadioGroup>
    </DropdownMenu>
  );
}

function StatusSelect(props: { value: string; onChange: (value: string) => void }) {
  const options = ['active', 'suspended', 'deactivated', 'all'].map((v) => ({ value: v, label: statusLabel(v) }));
  return (
    <div style={{ width: 200 }}>
      <Select
        inputId="status-filter"
        label={t.status}
        options={options}
        value={options.find((o) => o.value === props.value) ?? null}
        onChange={(o) => {
          if (o) props.onChange(o.value);
        }}
      />
    </div>
  );
}

function UsersPage() {
  const url = new URLSearchParams(location.search);
  const [status, setStatus] = useState(url.get('status') ?? (boot.kind === 'org' ? '' : 'active'));
  const [site, setSite] = useState(url.get('site') ?? '');
  const [accountType, setAccountType] = useState('');
  const [appAccess, setAppAccess] = useState('');
  const [query, setQuery] = useState('');
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(1);
  const [cursor, setCursor] = useState('');
  const [order, setOrder] = useState<'ASC' | 'DESC'>('ASC');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const listing = useListing({
    status: status || 'all',
    q: query,
    order: order === 'ASC' ? 'asc' : 'desc',
    ...(paging === 'cursor' ? { cursor } : { page: String(page) }),
    ...(site ? { site } : {}),
    ...(appAccess ? { access: appAccess } : {}),
    ...(accountType ? { type: accountType } : {}),
  });
  const restart = () => {
    setPage(1);
    setCursor('');
  };
  // The org list keeps its filters in the address, as a link to share [assumed].
  useEffect(() => {
    if (boot.kind !== 'org') return;
    history.replaceState(history.state, '', withQuery(location.pathname, { status, site }));
  }, [status, site]);

  const data = listing.loading ? null : listing.data;
  const head = {
    cells: [
      ...(on('select') ? [{ key: 'select', content: '' }] : []),
      { key: 'name', content: t.user[wording], isSortable: true },
      ...(boot.kind === 'org' ? [{ key: 'access', content: t.appAccess }] : []),
      { key: 'seen', content: t.lastSeen[wording] },
      { key: 'status', content: t.statusHeader[wording] },
      { key: 'actions', content: boot.kind === 'site' ? t.actions : '' },
    ],
  };
  const rows = (data?.users ?? []).map((u) => ({
    key: u.accountId,
    cells: [
      ...(on('select')
        ? [
            {
              key: 'select',
              content: (
                <Checkbox
                  label=""
                  aria-label={u.name}
                  isChecked={selected.has(u.accountId)}
                  onChange={() =>
                    setSelected((s) => {
                      const next = new Set(s);
                      if (!next.delete(u.accountId)) next.add(u.accountId);
                      return next;
                    })
                  }
                />
              ),
            },
          ]
        : []),
      { key: 'name', content: <UserCell user={u} /> },
      ...(boot.kind === 'org'
        ? [{ key: 'access', content: u.access.length ? `${u.access.length} ${t.apps}` : t.noAccess }]
        : []),
      { key: 'seen', content: dateOf(u.lastSeen) },
      { key: 'status', content: <Lozenge appearance={appearance[u.status]}>{statusLabel(u.status)}</Lozenge> },
      {
        key: 'actions',
        content:
          boot.kind === 'site' ? (
            <Button appearance="subtle">{t.showDetails}</Button>
          ) : (
            <DropdownMenu trigger="…">
              <DropdownItem>{t.showDetails}</DropdownItem>
            </DropdownMenu>
          ),
      },
    ],
  }));

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const pager =
    !data || pages <= 1 ? null : paging === 'numbered' ? (
      <Pagination
        pages={Array.from({ length: pages }, (_, i) => i + 1)}
        selectedIndex={page - 1}
        onChange={(_e, p) => setPage(p)}
        label={t.pagination}
        pageLabel={t.page}
        previousLabel={t.previous}
        nextLabel={t.next}
        testId="users-pagination"
      />
    ) : (
      <nav aria-label={t.pagination} style={{ display: 'flex', gap: 8, justifyContent: 'center', padding: 8 }}>
        <Button testId="users-previous" isDisabled={!data.prev} onClick={() => setCursor(data.prev ?? '')}>
          {t.previous}
        </Button>
        <Button testId="users-next" isDisabled={!data.next} onClick={() => setCursor(data.next ?? '')}>
          {t.next}
        </Button>
      </nav>
    );

  const filters: ReactNode =
    boot.kind === 'org' ? (
      <>
        <FilterMenu
          id="type"
          label={t.accountType}
          value={accountType}
          options={[['managed', t.managed]]}
          onChange={(v) => {
            setAccountType(v);
            restart();
          }}
        />
        <FilterMenu
          id="site"
          label={t.site}
          value={site}
          options={boot.sites.map((s) => [s.host, on('nosites') ? s.title : s.host])}
          onChange={(v) => {
            setSite(v);
            restart();
          }}
        />
        <FilterMenu
          id="access"
          label={t.appAccess}
          value={appAccess}
          options={[['none', t.noAccess]]}
          onChange={(v) => {
            setAppAccess(v);
            restart();
          }}
        />
        <FilterMenu
          id="status"
          label={t.status}
          value={status}
          options={[
            ['active', t.active],
            ['suspended', t.suspended],
            ['deactivated', t.deactivated],
          ]}
          onChange={(v) => {
            setStatus(v);
            restart();
          }}
        />
      </>
    ) : (
      <StatusSelect
        value={status}
        onChange={(v) => {
          setStatus(v);
          restart();
        }}
      />
    );

  return (
    <section aria-labelledby="users-heading">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 16 }}>
        <div style={{ width: 280 }}>
          <Textfield
            aria-label={t.search}
            placeholder={t.search}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                setQuery(typed);
                restart();
              }
            }}
            onBlur={() => {
              if (typed !== query) {
                setQuery(typed);
                restart();
              }
            }}
          />
        </div>
        {filters}
      </div>
      {listing.error ? <p role="alert">{listing.error}</p> : null}
      <DynamicTable
        testId="users-table"
        label={t.users}
        head={head}
        rows={rows}
        isLoading={listing.loading}
        loadingLabel={t.loading}
        emptyView={<p>{t.noResults}</p>}
        sortKey="name"
        sortOrder={order}
        onSort={() => {
          setOrder((o) => (o === 'ASC' ? 'DESC' : 'ASC'));
          restart();
        }}
      />
      {pager}
    </section>
  );
}

let rerender: () => void = () => undefined;
function navigate(path: string) {
  history.pushState({}, '', withQuery(path));
  rerender();
}

/** The admin's pages, as tabs above the page (the side nav below names the org's sites). */
function PageLinks() {
  const links: [string, string][] =
    boot.kind === 'legacy'
      ? [
          ['users', t.users],
          ['groups', t.groups],
        ]
      : [
          ['overview', t.overview],
          ['users', t.users],
          ['groups', t.groups],
        ];
  return (
    <nav aria-label={t.admin} style={{ display: 'flex', gap: 16, paddingBottom: 12 }}>
      {links.map(([p, label]) => (
        <a
          key={p}
          href={withQuery(`${boot.base}/${p}`)}
          aria-current={p === currentPage() ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            navigate(`${boot.base}/${p}`);
          }}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}

/** The side nav: on the org's pages, its sites [assumed: links to each site]. */
function SideLinks() {
  return (
    <SideNav label={t.sites}>
      <SideNavBody>
        {boot.kind === 'org' && !on('nosites') ? (
          <nav aria-label={t.sites} style={{ display: 'flex', flexDirection: 'column', gap: 4, padding: 8 }}>
            <strong>{t.sites}</strong>
            {boot.sites.map((s) => (
              <a key={s.host} href={`https://${s.host}/`}>
                {s.host}
              </a>
            ))}
          </nav>
        ) : null}
      </SideNavBody>
    </SideNav>
  );
}

/** The site switcher of a site's admin pages: a popup naming the site [assumed]. */
function SiteSwitcher({ host }: { host: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Popup
      isOpen={open}
      onClose={() => setOpen(false)}
      placement="bottom-start"
      testId="site-switcher"
      content={() => (
        <div style={{ padding: 8 }}>
          <a href={`https://${host}/`}>{host}</a>
        </div>
      )}
      trigger={(props) => (
        <Button {...props} appearance="subtle" isSelected={open} onClick={() => setOpen((o) => !o)}>
          {host}
        </Button>
      )}
    />
  );
}

const currentPage = () => {
  const parts = location.pathname.split('/').filter(Boolean);
  return boot.kind === 'legacy' ? (parts[1] ?? 'users') : (parts[2] ?? 'overview');
};

function App() {
  const [, setTick] = useState(0);
  rerender = () => setTick((n) => n + 1);
  useEffect(() => {
    const back = () => rerender();
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);
  const page = currentPage();
  const title = page === 'users' ? t.users : page === 'groups' ? t.groups : t.overview;
  const siteName = boot.kind === 'site' && !on('nosites') ? boot.sites[0]?.host : undefined;
  const breadcrumbs = (
    <Breadcrumbs>
      <BreadcrumbsItem text={t.admin} href={withQuery(boot.base)} />
      {boot.kind === 'org' ? <BreadcrumbsItem text={t.directory} href={withQuery(`${boot.base}/users`)} /> : null}
      {siteName ? <BreadcrumbsItem text={siteName} href={withQuery(`${boot.base}/overview`)} /> : null}
      <BreadcrumbsItem text={title} href={withQuery(`${boot.base}/${page}`)} />
    </Breadcrumbs>
  );
  return (
    <Root defaultSideNavCollapsed={false}>
      <TopNav>
        <TopNavStart sideNavToggleButton={null}>
          <strong style={{ padding: '0 8px' }}>Atlassian {t.admin}</strong>
          {siteName ? <SiteSwitcher host={siteName} /> : null}
        </TopNavStart>
        <TopNavMiddle>
          {on('topsearch') ? (
            <div style={{ width: 360 }}>
              <Textfield aria-label={t.globalSearch} placeholder={t.globalSearch} />
            </div>
          ) : null}
        </TopNavMiddle>
        <TopNavEnd>
          <span />
        </TopNavEnd>
      </TopNav>
      <SideLinks />
      <Main>
        <div style={{ padding: '16px 24px' }}>
          <PageLinks />
          <PageHeader breadcrumbs={breadcrumbs} actions={page === 'users' ? <InviteButton /> : undefined}>
            <span id="users-heading">{title}</span>
          </PageHeader>
          {page === 'users' ? <UsersPage key={location.pathname} /> : <p>{t.nothing}</p>}
        </div>
      </Main>
    </Root>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
