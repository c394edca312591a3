// Direct-message boxes are private conversations, not publications: the extension leaves
// them alone unless the options say otherwise. A box is a direct message when the page is
// a site's inbox (X /messages, LinkedIn /messaging, Facebook /messages) or the box says it
// is one (its label, placeholder, test id or class: the chat pop-ups that sites open over
// any page).

const INBOX_PATH = /^\/(?:messages|messaging|direct|inbox|dm)(?:\/|$)/iu;
const DM_LABEL = /^(?:(?:write|send|type) (?:a |your )?)?(?:direct |private )?(?:message|reply to message|dm)\b|\bmessenger\b|^aa$/iu;
const DM_MARK = /(?:^|[-_ ])(?:dm|msg|messag(?:e|ing)|chat)(?:[-_ A-Z]|$)/u;

export interface BoxDescription {
  /** location.pathname of the page. */
  path: string;
  /** aria-label, placeholder and aria-placeholder of the box. */
  labels: string[];
  /** data-testid and class names of the box and its ancestors. */
  marks: string[];
}

export function isDirectMessage(box: BoxDescription): boolean {
  if (INBOX_PATH.test(box.path)) return true;
  if (box.labels.some((l) => DM_LABEL.test(l.trim()))) return true;
  return box.marks.some((m) => DM_MARK.test(m));
}

/** Examples the unit tests check (and a newcomer can read). */
export const EXAMPLES: Array<{ box: BoxDescription; dm: boolean }> = [
  { box: { path: '/messages/123-456', labels: [], marks: [] }, dm: true },
  { box: { path: '/messaging/thread/2-abc/', labels: ['Write a message…'], marks: ['msg-form__contenteditable'] }, dm: true },
  { box: { path: '/home', labels: ['Start a new message'], marks: ['dmComposerTextInput'] }, dm: true },
  { box: { path: '/', labels: ['Message'], marks: [] }, dm: true },
  { box: { path: '/groups/ward-7', labels: ['Aa'], marks: [] }, dm: true },
  { box: { path: '/home', labels: ['Post text'], marks: ['tweetTextarea_0'] }, dm: false },
  { box: { path: '/', labels: ["What's on your mind?"], marks: [] }, dm: false },
  { box: { path: '/feed/', labels: ['Text editor for creating content'], marks: ['ql-editor'] }, dm: false },
  { box: { path: '/posts/987', labels: ['Write a comment…'], marks: [] }, dm: false },
  { box: { path: '/messages-from-the-leader', labels: [], marks: [] }, dm: false },
];
