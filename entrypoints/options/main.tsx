import { render } from 'preact';
import '@/assets/pages.css';
import { mountPoint } from '@/utils/mount-point';
import { localizeDocument, t } from '@/utils/i18n';
import { OptionsView } from '@/components/OptionsView';

localizeDocument(t('options.title'));
render(<OptionsView />, mountPoint('app'));
