/**
 * Who a counselling group's register names on a day: members who had signed the group agreement by then and had not
 * left before it. Core checks a register against it; the register form lists the same people.
 */
export function expectedOn<M extends Readonly<{ agreementSignedOn: string | null; leftOn: string | null }>>(members: readonly M[], day: string): M[] {
  return members.filter((member) => member.agreementSignedOn !== null && member.agreementSignedOn <= day && (member.leftOn === null || member.leftOn > day));
}
