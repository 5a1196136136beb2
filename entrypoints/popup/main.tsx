import { render } from 'preact';
import '@/assets/pages.css';
import { mountPoint } from '@/utils/mount-point';
import { localizeDocument, t } from '@/utils/i18n';
import { PopupView } from '@/components/PopupView';

localizeDocument(t('extName'));
render(<PopupView />, mountPoint('app'));
