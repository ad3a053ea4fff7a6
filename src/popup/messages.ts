// Every word the toolbar popup shows: the `popup` messages of assets/locales/<locale>.yml, read
// through the browser's i18n (src/i18n). This module only says which message each part uses.
import { formatNumber, t } from '../i18n/index';

export const POPUP_TEXT = {
  heading: t('appName'),
  statusHeading: t('popup.statusHeading'),

  checking: t('popup.checking'),
  checkingDetail: t('popup.checkingDetail'),

  notNhsmail: t('popup.notNhsmail'),
  notNhsmailDetail: t('popup.notNhsmailDetail'),

  notStarted: t('popup.notStarted'),
  notStartedDetail: t('popup.notStartedDetail'),

  unreadable: t('popup.unreadable'),
  unreadableWhatToDo: t('popup.unreadableWhatToDo'),
  unreadableDetails: t('popup.unreadableDetails'),
  unreadableMissing: t('popup.unreadableMissing'),
  unreadableNothingListed: t('popup.unreadableNothingListed'),

  reminderHeading: t('popup.reminderHeading'),
  reminder: (daysLeft: number) =>
    daysLeft > 0 ? t('popup.reminderWithin', daysLeft, [formatNumber(daysLeft)]) : t('popup.reminderToday'),
  reminderDetail: (daysSince: number) => t('popup.reminderDetail', daysSince, [formatNumber(daysSince)]),

  policyProblemManaged: t('popup.policyProblemManaged'),
  policyProblemLocal: t('popup.policyProblemLocal'),

  todayHeading: t('popup.todayHeading'),
  warningsShown: t('popup.warningsShown'),
  sentAfterWarning: t('popup.sentAfterWarning'),
  fixesUsed: t('popup.fixesUsed'),

  openOptions: t('popup.openOptions'),

  loadFailed: t('popup.loadFailed'),
} as const;
