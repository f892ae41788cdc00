import type { Messages } from './zh-CN.js';

export const en: Messages = {
  audit: {
    actions: {
      activities: { create: 'Activity recorded', update: 'Activity record changed', markDone: 'Activity marked as held', remove: 'Activity record deleted', export: 'Activity ledger exported', view: 'Activity roster viewed', list: 'Activity rosters listed' },
    },
    objects: { activity: 'Activity' },
    details: { activityType: 'Activity type', rosterSize: 'Registered clients on the roster', changedFields: 'Changed items', participantCount: 'Participants', namesShown: 'Client names shown' },
  },
  dictionaries: { names: { activityType: 'Activity types', outreachTarget: 'Outreach targets ("five into")' } },
};
