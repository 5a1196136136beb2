import { z } from 'zod';
import { settingsItem } from '../../storage/items';
import { defineOperation } from './define';
import { Site } from './inputs';

export default defineOperation({
  input: z.object({ settings: z.object({ knownSites: z.array(Site).max(200) }) }),
  policy: 'extension-pages',
  async run({ settings }) {
    await settingsItem.set({ knownSites: [...new Set(settings.knownSites)].sort() });
    return settingsItem.get();
  },
});
