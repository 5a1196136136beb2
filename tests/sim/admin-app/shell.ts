/**
 * The HTML shell the admin single-page app boots in. Styled with Atlassian design tokens; the
 * real pages define the whole token set, this defines the ones Relink and the app use.
 */
import { escapeHtml } from '../http/respond';
import type { Lang } from './strings';

/** Which page the design-system app renders, and the sites it names (react-app.tsx). */
export interface AdminBoot {
  kind: 'org' | 'site' | 'legacy';
  id: string;
  base: string;
  sites: { host: string; title: string }[];
}

const STYLES = `html[data-color-mode="light"] { --ds-text: #172B4D; --ds-text-subtle: #44546F; --ds-surface: #FFFFFF; --ds-border: #091E4224; --ds-link: #0C66E4; --ds-background-neutral: #091E420F; --ds-background-success: #DCFFF1; --ds-background-danger: #FFECEB; --ds-background-warning: #FFF7D6; --ds-background-discovery: #F3F0FF; --ds-text-discovery: #5E4DB2; --ds-border-discovery: #8F7EE7; --ds-text-danger: #AE2E24; --ds-surface-overlay: #FFFFFF; --ds-background-brand-bold: #0C66E4; --ds-text-inverse: #FFFFFF; --ds-blanket: #091E427D; }
html[data-color-mode="dark"] { --ds-text: #B6C2CF; --ds-text-subtle: #9FADBC; --ds-surface: #1D2125; --ds-border: #A6C5E229; --ds-link: #579DFF; --ds-background-neutral: #A1BDD914; --ds-background-success: #1C3329; --ds-background-danger: #42221F; --ds-background-warning: #332E1B; --ds-background-discovery: #2B273F; --ds-text-discovery: #B8ACF6; --ds-border-discovery: #8F7EE7; --ds-text-danger: #FD9891; --ds-surface-overlay: #282E33; --ds-background-brand-bold: #579DFF; --ds-text-inverse: #1D2125; --ds-blanket: #10121499; }
body { margin: 0; font: 14px/20px -apple-system, system-ui, "Segoe UI", Roboto, sans-serif; color: var(--ds-text); background: var(--ds-surface); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--ds-border); }
nav[aria-label="Administration"] { display: flex; gap: 16px; padding: 12px 24px; border-bottom: 1px solid var(--ds-border); }
nav a { color: var(--ds-link); text-decoration: none; } nav a[aria-current="page"] { font-weight: 600; }
main { padding: 16px 24px; }
td > div { display: flex; flex-direction: column; } td > div > span + span { color: var(--ds-text-subtle); font-size: 12px; }
td span[class] { border-radius: 3px; }
`;

const TOKENS = (styles: string) => styles.slice(0, styles.indexOf('body {'));

/** The shell of the design-system app: `#root`, its bundle and compiled CSS, the page's facts as JSON. */
export function designSystemShell(title: string, boot: AdminBoot, colorMode: 'light' | 'dark', lang: Lang): string {
  // JSON in a script element: `<` escaped so no value can close it.
  const bootJson = JSON.stringify(boot).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${lang}" data-color-mode="${colorMode}" data-theme="light:light dark:dark">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/__sim/admin-ds/app.css">
<style>${TOKENS(STYLES)}
body { margin: 0; font: 14px/20px -apple-system, system-ui, "Segoe UI", Roboto, sans-serif; color: var(--ds-text); background: var(--ds-surface); }
a { color: var(--ds-link); }
</style>
</head>
<body><div id="root"></div><script type="application/json" id="sim-boot">${bootJson}</script><script src="/__sim/admin-ds/app.js"></script></body>
</html>`;
}

export function adminShell(
  title: string,
  classSalt: string,
  colorMode: 'light' | 'dark',
  markup: 'table' | 'grid' = 'table',
): string {
  return `<!DOCTYPE html>
<html lang="en" data-salt="${escapeHtml(classSalt)}" data-color-mode="${colorMode}" data-markup="${markup}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
${STYLES}</style>
</head>
<body><div id="root"></div><script src="/__sim/admin-app.js"></script></body>
</html>`;
}
