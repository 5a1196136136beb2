import { auditCsv } from '../../engine/audit';
import { auditLog } from '../audit-log';
import { defineOperation } from './define';
import { NoInput } from './inputs';

export default defineOperation({
  input: NoInput,
  policy: 'extension-pages',
  run: async () => auditCsv(await auditLog.entries()),
});
