/**
 * Options › Field check: the reads Relink depends on, run on a site and compared with what Relink
 * expects (utils/background/field-check.ts). Writes nothing; the reply is the shareable report.
 */
import { z } from 'zod';
import { clientsFor, jiraAuthFor } from '../clients';
import { checkFields } from '../field-check';
import { defineOperation } from './define';
import { Site } from './inputs';

export default defineOperation({
  input: z.object({ site: Site }),
  policy: 'extension-pages',
  async run({ site }) {
    const { jira, org, auth } = await clientsFor(site);
    return checkFields({ jira, org, auth: jiraAuthFor(auth, site).mode });
  },
});
