// Sentences that end on a value the page fills in: a Spanish time ends in
// "p.m." and a date may end in an abbreviated month, whose own period then
// also closes the sentence ("…a las 2:00 p.m.", never "…p.m..").

const CLOSED = /[.!?…]$/;

/** The text with a full stop at its end, unless it already ends in one. */
export function endSentence(text: string): string {
  return CLOSED.test(text) ? text : `${text}.`;
}
