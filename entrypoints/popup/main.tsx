import { render } from 'preact';
import { PopupView } from '@/components/PopupView';

render(<PopupView />, document.getElementById('app')!);
