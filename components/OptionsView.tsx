import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { AuditSection } from './options/AuditSection';
import { AuthSection } from './options/AuthSection';
import { FieldCheckSection } from './options/FieldCheckSection';
import { SitesSection } from './options/SitesSection';

export { siteHostFromInput } from './options/SitesSection';

export function OptionsView() {
  const [sites, setSites] = useState<string[]>([]);
  return (
    <main>
      <h1>{t('options.title')}</h1>
      <AuthSection sites={sites} />
      <SitesSection onSites={setSites} />
      <FieldCheckSection sites={sites} />
      <AuditSection />
    </main>
  );
}
