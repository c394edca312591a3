// Which boxes send on a plain Enter (Shift+Enter is a new line there), so that the Post
// guard holds that Enter back; in every other box Enter is left alone (a new line).
// Known by the box's label: Facebook-style comment and reply boxes ("Write a comment…",
// "Comment as …"), and single-line textboxes (aria-multiline="false"). X's reply box
// posts on Ctrl+Enter, which the guard holds back everywhere. Pure: no DOM.

const SENDS_ON_ENTER_LABEL = /^(write an? (public )?(comment|reply)|(comment|reply) as )/iu;

export interface BoxLabel {
  /** The box's aria-label (or else its aria-placeholder, placeholder or data-placeholder). */
  label: string;
  /** Its aria-multiline attribute, if any. */
  multiline: string | null;
}

/** A box that sends on plain Enter: a single-line textbox, or one labelled as a comment or reply box. */
export function sendsOnEnter(box: BoxLabel): boolean {
  return box.multiline === 'false' || SENDS_ON_ENTER_LABEL.test(box.label.trim());
}

/** Examples the unit tests check (and a newcomer can read). */
export const SENDS_ON_ENTER_EXAMPLES: Array<{ box: BoxLabel; sends: boolean }> = [
  { box: { label: 'Write a comment…', multiline: null }, sends: true },
  { box: { label: 'Write a public comment…', multiline: null }, sends: true },
  { box: { label: 'Write a reply…', multiline: null }, sends: true },
  { box: { label: 'Comment as Cllr Jane Smith', multiline: null }, sends: true },
  { box: { label: 'Add a tag', multiline: 'false' }, sends: true },
  { box: { label: "What's on your mind, Jane?", multiline: null }, sends: false },
  { box: { label: 'Post text', multiline: 'true' }, sends: false },
  { box: { label: 'Post your reply', multiline: 'true' }, sends: false }, // X: Ctrl+Enter posts, Enter is a new line
  { box: { label: 'Text editor for creating content', multiline: null }, sends: false },
];
