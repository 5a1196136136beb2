import { render } from 'preact';
import { mountPoint } from '@/utils/mount-point';
import { PopupView } from '@/components/PopupView';

render(<PopupView />, mountPoint('app'));
