import { useState } from 'preact/hooks';
import { AuditSection } from './options/AuditSection';
import { AuthSection } from './options/AuthSection';
import { FieldCheckSection } from './options/FieldCheckSection';
import { SitesSection } from './options/SitesSection';

export { siteHostFromInput } from './options/SitesSection';

export function OptionsView() {
  const [sites, setSites] = useState<string[]>([]);
  return (
    <main style={{ maxWidth: '48rem', font: '14px/20px system-ui, sans-serif', padding: '16px' }}>
      <h1>Relink options</h1>
      <AuthSection sites={sites} />
      <SitesSection onSites={setSites} />
      <FieldCheckSection sites={sites} />
      <AuditSection />
    </main>
  );
}
