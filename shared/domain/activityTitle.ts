/** An activity's theme as ledgers show it: a group's meeting (团体辅导) is named with its group, as on the paper ledger. */
export function activityTitle(activity: Readonly<{ theme: string; group: Readonly<{ name: string }> | null }>): string {
  return activity.group ? `${activity.group.name}：${activity.theme}` : activity.theme;
}
