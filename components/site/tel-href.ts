/** A phone number as a tel: link: the digits and a leading +, whatever spacing the practice typed. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
