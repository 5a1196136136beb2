import { render } from 'preact';
import { mountPoint } from '@/utils/mount-point';
import { OptionsView } from '@/components/OptionsView';

render(<OptionsView />, mountPoint('app'));
