/**
 * The simulated admin pages' own words, per language: the one table of them (docs/testing.md).
 * The admin UI follows the account's language (docs/atlassian.md §7). Atlassian publishes no string
 * table for these pages, so every entry is **[assumed]**: the English ones follow the wording of
 * Atlassian's support articles and screenshots ("Users", "Search by name or email", "Last seen on
 * site", "Invite users", "Account type", "Site", "App access"); the others are our translations.
 * `wording: 'alt'` switches the headers to the variants the real pages have used.
 */
export const LANGS = ['en', 'de', 'fr', 'es', 'ja', 'pt-BR'] as const;
export type Lang = (typeof LANGS)[number];

export interface Strings {
  users: string;
  admin: string;
  directory: string;
  overview: string;
  groups: string;
  sites: string;
  search: string;
  globalSearch: string;
  status: string;
  accountType: string;
  site: string;
  appAccess: string;
  any: string;
  active: string;
  suspended: string;
  deactivated: string;
  allStatuses: string;
  /** Column headers: [default wording, alternative wording]. */
  user: [string, string];
  lastSeen: [string, string];
  statusHeader: [string, string];
  actions: string;
  noAccess: string;
  apps: string;
  managed: string;
  never: string;
  previous: string;
  next: string;
  pagination: string;
  page: string;
  noResults: string;
  loading: string;
  invite: string;
  moreActions: string;
  showDetails: string;
  email: string;
  cancel: string;
  nothing: string;
}

export const STRINGS: Record<Lang, Strings> = {
  en: {
    users: 'Users',
    admin: 'Admin',
    directory: 'Directory',
    overview: 'Overview',
    groups: 'Groups',
    sites: 'Sites',
    search: 'Search by name or email',
    globalSearch: 'Search',
    status: 'Status',
    accountType: 'Account type',
    site: 'Site',
    appAccess: 'App access',
    any: 'Any',
    active: 'Active',
    suspended: 'Suspended',
    deactivated: 'Deactivated',
    allStatuses: 'All statuses',
    user: ['User', 'Name'],
    lastSeen: ['Last seen on site', 'Last active'],
    statusHeader: ['Status', 'Account status'],
    actions: 'Actions',
    noAccess: 'No app access',
    apps: 'apps',
    managed: 'Managed',
    never: 'Never',
    previous: 'Previous',
    next: 'Next',
    pagination: 'pagination',
    page: 'page',
    noResults: 'No users found',
    loading: 'Loading users',
    invite: 'Invite users',
    moreActions: 'More actions for',
    showDetails: 'Show details',
    email: 'Email address',
    cancel: 'Cancel',
    nothing: 'Nothing to see here in the simulator.',
  },
  de: {
    users: 'Benutzer',
    admin: 'Administration',
    directory: 'Verzeichnis',
    overview: 'Übersicht',
    groups: 'Gruppen',
    sites: 'Websites',
    search: 'Nach Name oder E-Mail-Adresse suchen',
    globalSearch: 'Suchen',
    status: 'Status',
    accountType: 'Kontotyp',
    site: 'Website',
    appAccess: 'App-Zugriff',
    any: 'Alle',
    active: 'Aktiv',
    suspended: 'Gesperrt',
    deactivated: 'Deaktiviert',
    allStatuses: 'Alle Status',
    user: ['Benutzer', 'Name'],
    lastSeen: ['Zuletzt auf der Website gesehen', 'Zuletzt aktiv'],
    statusHeader: ['Status', 'Kontostatus'],
    actions: 'Aktionen',
    noAccess: 'Kein App-Zugriff',
    apps: 'Apps',
    managed: 'Verwaltet',
    never: 'Nie',
    previous: 'Zurück',
    next: 'Weiter',
    pagination: 'Seitennummerierung',
    page: 'Seite',
    noResults: 'Keine Benutzer gefunden',
    loading: 'Benutzer werden geladen',
    invite: 'Benutzer einladen',
    moreActions: 'Weitere Aktionen für',
    showDetails: 'Details anzeigen',
    email: 'E-Mail-Adresse',
    cancel: 'Abbrechen',
    nothing: 'Hier gibt es im Simulator nichts zu sehen.',
  },
  fr: {
    users: 'Utilisateurs',
    admin: 'Administration',
    directory: 'Annuaire',
    overview: 'Aperçu',
    groups: 'Groupes',
    sites: 'Sites',
    search: 'Rechercher par nom ou adresse e-mail',
    globalSearch: 'Rechercher',
    status: 'Statut',
    accountType: 'Type de compte',
    site: 'Site',
    appAccess: 'Accès aux apps',
    any: 'Tous',
    active: 'Actif',
    suspended: 'Suspendu',
    deactivated: 'Désactivé',
    allStatuses: 'Tous les statuts',
    user: ['Utilisateur', 'Nom'],
    lastSeen: ['Dernière visite sur le site', 'Dernière activité'],
    statusHeader: ['Statut', 'Statut du compte'],
    actions: 'Actions',
    noAccess: 'Aucun accès aux apps',
    apps: 'apps',
    managed: 'Géré',
    never: 'Jamais',
    previous: 'Précédent',
    next: 'Suivant',
    pagination: 'pagination',
    page: 'page',
    noResults: 'Aucun utilisateur trouvé',
    loading: 'Chargement des utilisateurs',
    invite: 'Inviter des utilisateurs',
    moreActions: 'Plus d’actions pour',
    showDetails: 'Afficher les détails',
    email: 'Adresse e-mail',
    cancel: 'Annuler',
    nothing: 'Rien à voir ici dans le simulateur.',
  },
  es: {
    users: 'Usuarios',
    admin: 'Administración',
    directory: 'Directorio',
    overview: 'Información general',
    groups: 'Grupos',
    sites: 'Sitios',
    search: 'Buscar por nombre o correo electrónico',
    globalSearch: 'Buscar',
    status: 'Estado',
    accountType: 'Tipo de cuenta',
    site: 'Sitio',
    appAccess: 'Acceso a aplicaciones',
    any: 'Todos',
    active: 'Activo',
    suspended: 'Suspendido',
    deactivated: 'Desactivado',
    allStatuses: 'Todos los estados',
    user: ['Usuario', 'Nombre'],
    lastSeen: ['Última vez en el sitio', 'Última actividad'],
    statusHeader: ['Estado', 'Estado de la cuenta'],
    actions: 'Acciones',
    noAccess: 'Sin acceso a aplicaciones',
    apps: 'aplicaciones',
    managed: 'Gestionada',
    never: 'Nunca',
    previous: 'Anterior',
    next: 'Siguiente',
    pagination: 'paginación',
    page: 'página',
    noResults: 'No se han encontrado usuarios',
    loading: 'Cargando usuarios',
    invite: 'Invitar a usuarios',
    moreActions: 'Más acciones para',
    showDetails: 'Mostrar detalles',
    email: 'Dirección de correo electrónico',
    cancel: 'Cancelar',
    nothing: 'Nada que ver aquí en el simulador.',
  },
  ja: {
    users: 'ユーザー',
    admin: '管理',
    directory: 'ディレクトリ',
    overview: '概要',
    groups: 'グループ',
    sites: 'サイト',
    search: '名前またはメールアドレスで検索',
    globalSearch: '検索',
    status: 'ステータス',
    accountType: 'アカウント タイプ',
    site: 'サイト',
    appAccess: 'アプリ アクセス',
    any: 'すべて',
    active: 'アクティブ',
    suspended: '停止中',
    deactivated: '無効',
    allStatuses: 'すべてのステータス',
    user: ['ユーザー', '名前'],
    lastSeen: ['サイトでの最終アクセス', '最終アクティブ'],
    statusHeader: ['ステータス', 'アカウント ステータス'],
    actions: 'アクション',
    noAccess: 'アプリ アクセスなし',
    apps: '個のアプリ',
    managed: '管理対象',
    never: 'なし',
    previous: '前へ',
    next: '次へ',
    pagination: 'ページネーション',
    page: 'ページ',
    noResults: 'ユーザーが見つかりません',
    loading: 'ユーザーを読み込んでいます',
    invite: 'ユーザーを招待',
    moreActions: 'その他のアクション:',
    showDetails: '詳細を表示',
    email: 'メールアドレス',
    cancel: 'キャンセル',
    nothing: 'シミュレーターではここに何もありません。',
  },
  'pt-BR': {
    users: 'Usuários',
    admin: 'Administração',
    directory: 'Diretório',
    overview: 'Visão geral',
    groups: 'Grupos',
    sites: 'Sites',
    search: 'Pesquisar por nome ou e-mail',
    globalSearch: 'Pesquisar',
    status: 'Status',
    accountType: 'Tipo de conta',
    site: 'Site',
    appAccess: 'Acesso a apps',
    any: 'Todos',
    active: 'Ativo',
    suspended: 'Suspenso',
    deactivated: 'Desativado',
    allStatuses: 'Todos os status',
    user: ['Usuário', 'Nome'],
    lastSeen: ['Visto pela última vez no site', 'Última atividade'],
    statusHeader: ['Status', 'Status da conta'],
    actions: 'Ações',
    noAccess: 'Sem acesso a apps',
    apps: 'apps',
    managed: 'Gerenciada',
    never: 'Nunca',
    previous: 'Anterior',
    next: 'Próxima',
    pagination: 'paginação',
    page: 'página',
    noResults: 'Nenhum usuário encontrado',
    loading: 'Carregando usuários',
    invite: 'Convidar usuários',
    moreActions: 'Mais ações para',
    showDetails: 'Mostrar detalhes',
    email: 'Endereço de e-mail',
    cancel: 'Cancelar',
    nothing: 'Nada para ver aqui no simulador.',
  },
};

export function langOf(value: string | null | undefined): Lang {
  return LANGS.find((l) => l.toLowerCase() === (value ?? '').toLowerCase()) ?? 'en';
}
