import { auditLog } from '../audit-log';
import { defineOperation } from './define';
import { NoInput } from './inputs';

export default defineOperation({
  input: NoInput,
  policy: 'extension-pages',
  run: () => auditLog.entries(),
});
