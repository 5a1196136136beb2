/** The operations table: every request the background answers, by its type. */
import auditCsv from './audit-csv';
import auditGet from './audit-get';
import authCheck from './auth-check';
import authGet from './auth-get';
import authSet from './auth-set';
import bulkGet from './bulk-get';
import bulkStart from './bulk-start';
import groupChange from './group-change';
import pageOpened from './page-opened';
import pageSite from './page-site';
import settingsGet from './settings-get';
import settingsSet from './settings-set';
import siteFieldCheck from './site-field-check';
import siteGet from './site-get';
import siteGroups from './site-groups';
import siteScan from './site-scan';
import siteScanState from './site-scan-state';
import statusGet from './status-get';
import userGet from './user-get';
import userPlan from './user-plan';
import userReactivate from './user-reactivate';

export const operations = {
  'page/opened': pageOpened,
  'page/site': pageSite,
  'status/get': statusGet,
  'settings/get': settingsGet,
  'settings/set': settingsSet,
  'site/scan': siteScan,
  'site/get': siteGet,
  'site/scan-state': siteScanState,
  'site/groups': siteGroups,
  'site/field-check': siteFieldCheck,
  'user/get': userGet,
  'user/plan': userPlan,
  'user/reactivate': userReactivate,
  'group/change': groupChange,
  'bulk/start': bulkStart,
  'bulk/get': bulkGet,
  'audit/get': auditGet,
  'audit/csv': auditCsv,
  'auth/get': authGet,
  'auth/set': authSet,
  'auth/check': authCheck,
};

export type Operations = typeof operations;
