import { settingsItem } from '../../storage/items';
import { defineOperation } from './define';
import { NoInput } from './inputs';

export default defineOperation({
  input: NoInput,
  policy: 'extension-pages',
  run: () => settingsItem.get(),
});
