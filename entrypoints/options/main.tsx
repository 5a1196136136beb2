import { render } from 'preact';
import { OptionsView } from '@/components/OptionsView';

render(<OptionsView />, document.getElementById('app')!);
