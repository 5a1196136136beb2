/** The sign-in settings without their secrets. */
import { publicAuth } from '../../domain/records';
import { authItem } from '../../storage/items';
import { defineOperation } from './define';
import { NoInput } from './inputs';

export default defineOperation({
  input: NoInput,
  policy: 'extension-pages',
  run: async () => publicAuth(await authItem.get()),
});
