// The simulated Atlassian admin single-page app: renders the user list after load, filters,
// searches, paginates and navigates without reloads. Class names are generated per simulator
// start, like a real build, so nothing may select on them. Data is rendered as text only.
(() => {
  const salt = document.documentElement.dataset.salt || '';
  const cls = (name) => {
    let h = 2166136261;
    for (const c of salt + name) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
    return 'css-' + (h >>> 0).toString(36);
  };
  const el = (tag, attrs = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') node.className = cls(v);
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const child of [].concat(children))
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  };
  const root = document.getElementById('root');
  const state = { status: 'active', query: '', page: 1, order: 'asc' };

  function route() {
    const parts = location.pathname.split('/').filter(Boolean);
    if (location.hostname === 'admin.atlassian.com') {
      return {
        scope: parts[0] === 's' ? 'site:' + parts[1] : 'org:' + parts[1],
        base: '/' + parts[0] + '/' + parts[1],
        page: parts[2] || 'overview',
      };
    }
    return { scope: 'legacy', base: '/admin', page: parts[1] || 'users' };
  }

  function navigate(path) {
    history.pushState({}, '', path);
    state.page = 1;
    render();
  }

  function nav(r) {
    const links = r.base === '/admin' ? ['users', 'groups'] : ['overview', 'users', 'groups'];
    return el(
      'nav',
      { 'aria-label': 'Administration', class: 'nav' },
      links.map((p) =>
        el(
          'a',
          {
            href: r.base + '/' + p,
            class: 'nav-link',
            ...(p === r.page ? { 'aria-current': 'page' } : {}),
            onclick: (e) => {
              e.preventDefault();
              navigate(r.base + '/' + p);
            },
          },
          p[0].toUpperCase() + p.slice(1),
        ),
      ),
    );
  }

  function lozenge(status) {
    const label = { active: 'Active', suspended: 'Suspended', deactivated: 'Deactivated' }[status] || status;
    const node = el('span', { class: 'lozenge-' + status }, label);
    const bg = {
      active: 'var(--ds-background-success)',
      suspended: 'var(--ds-background-warning)',
      deactivated: 'var(--ds-background-danger)',
    }[status];
    node.style.cssText = 'padding:0 4px;font-size:11px;font-weight:700;text-transform:uppercase;background:' + bg;
    return node;
  }

  async function loadUsers(r) {
    const params = new URLSearchParams({
      scope: r.scope,
      status: state.status,
      q: state.query,
      page: String(state.page),
      order: state.order,
    });
    const response = await fetch('/gateway/api/sim-admin/users?' + params, { credentials: 'same-origin' });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.json();
  }

  let renderToken = 0;
  async function render() {
    const token = ++renderToken;
    const r = route();
    const main = el('main', { class: 'main' });
    root.replaceChildren(el('div', { class: 'layout' }, [nav(r), main]));
    if (r.page !== 'users') {
      main.append(
        el('h1', { class: 'heading' }, r.page[0].toUpperCase() + r.page.slice(1)),
        el('p', {}, 'Nothing to see here in the simulator.'),
      );
      return;
    }
    main.append(
      el('h1', { class: 'heading' }, 'Users'),
      el('p', { class: 'loading', 'aria-busy': 'true' }, 'Loading users…'),
    );
    let data;
    try {
      data = await loadUsers(r);
    } catch (error) {
      if (token === renderToken)
        main.replaceChildren(
          el('h1', {}, 'Users'),
          el('p', { role: 'alert' }, 'Could not load users: ' + error.message),
        );
      return;
    }
    if (token !== renderToken) return;
    const search = el('input', {
      type: 'search',
      'aria-label': 'Search by name or email',
      placeholder: 'Search by name or email',
      class: 'search',
    });
    search.value = state.query;
    search.addEventListener('change', () => {
      state.query = search.value;
      state.page = 1;
      render();
    });
    const filter = el(
      'select',
      {
        'aria-label': 'Status',
        class: 'filter',
        onchange: (e) => {
          state.status = e.target.value;
          state.page = 1;
          render();
        },
      },
      [
        ['active', 'Active'],
        ['suspended', 'Suspended'],
        ['deactivated', 'Deactivated'],
        ['all', 'All statuses'],
      ].map(([v, l]) => {
        const o = el('option', { value: v }, l);
        if (v === state.status) o.selected = true;
        return o;
      }),
    );
    const rows = data.users.map((u) =>
      el('tr', { class: 'row' }, [
        el(
          'td',
          { class: 'cell' },
          el('div', { class: 'user' }, [
            el('span', { class: 'name' }, u.name),
            el('span', { class: 'email' }, u.email || ''),
          ]),
        ),
        el(
          'td',
          { class: 'cell' },
          u.lastSeen
            ? new Date(u.lastSeen).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })
            : 'Never',
        ),
        el('td', { class: 'cell' }, lozenge(u.status)),
        el(
          'td',
          { class: 'cell' },
          el('button', { type: 'button', class: 'more', 'aria-label': 'More actions for ' + u.name }, '…'),
        ),
      ]),
    );
    const table =
      document.documentElement.dataset.markup === 'grid'
        ? el('div', { role: 'grid', 'aria-label': 'Users', class: 'grid' }, [
            el(
              'div',
              { role: 'row' },
              ['Member', 'Seen', 'State'].map((h) => el('div', { role: 'columnheader' }, h)),
            ),
            ...data.users.map((u) =>
              el('div', { role: 'row', class: 'grid-row' }, [
                el('div', { role: 'gridcell' }, u.name),
                el('div', { role: 'gridcell' }, u.lastSeen || 'Never'),
                el('div', { role: 'gridcell' }, lozenge(u.status)),
              ]),
            ),
          ])
        : el('table', { class: 'table' }, [
            el(
              'thead',
              {},
              el('tr', {}, [
                // Sortable by name, like the real list: the header is a button, aria-sort says the order.
                el(
                  'th',
                  { scope: 'col', class: 'th', 'aria-sort': state.order === 'asc' ? 'ascending' : 'descending' },
                  el(
                    'button',
                    {
                      type: 'button',
                      class: 'sort',
                      onclick: () => {
                        state.order = state.order === 'asc' ? 'desc' : 'asc';
                        state.page = 1;
                        render();
                      },
                    },
                    'User',
                  ),
                ),
                ...['Last seen on site', 'Status', 'Actions'].map((h) => el('th', { scope: 'col', class: 'th' }, h)),
              ]),
            ),
            el('tbody', {}, rows),
          ]);
    const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
    const pager = el('nav', { 'aria-label': 'Pagination', class: 'pager' }, [
      el(
        'button',
        {
          type: 'button',
          'aria-label': 'Previous page',
          ...(state.page <= 1 ? { disabled: '' } : {}),
          onclick: () => {
            state.page--;
            render();
          },
        },
        '‹',
      ),
      ...Array.from({ length: pages }, (_, i) =>
        el(
          'button',
          {
            type: 'button',
            'aria-label': 'Page ' + (i + 1),
            ...(i + 1 === state.page ? { 'aria-current': 'page' } : {}),
            onclick: () => {
              state.page = i + 1;
              render();
            },
          },
          String(i + 1),
        ),
      ),
      el(
        'button',
        {
          type: 'button',
          'aria-label': 'Next page',
          ...(state.page >= pages ? { disabled: '' } : {}),
          onclick: () => {
            state.page++;
            render();
          },
        },
        '›',
      ),
    ]);
    // Atlassian's own invite: a dialog that takes email addresses (Relink points admins here when the API will not re-add).
    const invite = el(
      'button',
      {
        type: 'button',
        class: 'invite',
        onclick: () => {
          const dialog = el('dialog', { 'aria-label': 'Invite users', class: 'invite-dialog' }, [
            el('h2', {}, 'Invite users'),
            el('label', {}, ['Email address ', el('input', { type: 'email', name: 'invite-email' })]),
            el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
          ]);
          document.body.append(dialog);
          dialog.showModal();
        },
      },
      'Invite users',
    );
    main.replaceChildren(
      el('h1', { class: 'heading' }, 'Users'),
      invite,
      el('div', { role: 'search', class: 'toolbar' }, [search, filter]),
      el('p', { class: 'count' }, data.total + ' users'),
      table,
      pager,
    );
  }

  addEventListener('popstate', render);
  // Like the real app, the list appears a moment after the page loads.
  setTimeout(render, 150);
})();
