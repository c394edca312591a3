// How a draft gets posted, so the Post guard can hold it back however it comes: the
// site's Post button (clicked, or Enter/Space while it has focus), Ctrl/Cmd+Enter in the
// composer, plain Enter in a box that sends on Enter (comment and reply boxes), or a
// form's submit. Each is recognised from its event and comes with replay(), which does
// it again when the user presses "Post anyway". Plain DOM: no chrome APIs, no settings,
// and it never reads the draft.

import { sendsOnEnter, type BoxLabel } from './send-on-enter.ts';

/** The sites' post buttons, by aria-label, value or text. */
const POST_BUTTON = /^(post|tweet|post all|reply|share|share now|publish|send|comment)$/iu;

export type SubmissionKind = 'button' | 'shortcut' | 'enter' | 'form';

export interface Submission {
  kind: SubmissionKind;
  /** Do it again, as the user did it. */
  replay(): void;
}

const BUTTON = 'button, [role="button"], input[type="submit"]';

function buttonLabel(b: Element): string {
  return (b.getAttribute('aria-label') || (b as HTMLInputElement).value || b.textContent || '').trim();
}

function postButtonAt(target: EventTarget | null): HTMLElement | undefined {
  const button = target instanceof Element ? target.closest<HTMLElement>(BUTTON) : null;
  return button && POST_BUTTON.test(buttonLabel(button)) ? button : undefined;
}

function labelOf(box: HTMLElement): BoxLabel {
  const label = ['aria-label', 'aria-placeholder', 'placeholder', 'data-placeholder'].map((a) => box.getAttribute(a)).find(Boolean) ?? '';
  return { label, multiline: box.getAttribute('aria-multiline') };
}

/** A click on a post button. */
export function clickSubmission(e: MouseEvent): Submission | undefined {
  const button = postButtonAt(e.target);
  return button && { kind: 'button', replay: () => button.click() };
}

/** Enter or Space on a focused post button; Ctrl/Cmd+Enter in the composer; plain Enter
 * in a composer that sends on Enter. Not while an input method is composing. */
export function keySubmission(e: KeyboardEvent, composer: HTMLElement | undefined): Submission | undefined {
  if (e.isComposing || e.altKey || e.shiftKey) return undefined;
  const target = e.target as HTMLElement;
  const plain = !e.ctrlKey && !e.metaKey;
  const button = plain && (e.key === 'Enter' || e.key === ' ') ? postButtonAt(target) : undefined;
  if (button) return { kind: 'button', replay: () => replayKey(button, e) };
  if (!composer || e.key !== 'Enter') return undefined;
  if (!plain) return { kind: 'shortcut', replay: () => replayKey(target, e) };
  if (sendsOnEnter(labelOf(composer))) return { kind: 'enter', replay: () => replayKey(target, e) };
  return undefined;
}

/** A form's submit (a submit button, Enter in one of its fields, requestSubmit). */
export function formSubmission(e: SubmitEvent): Submission {
  const form = e.target as HTMLFormElement;
  const submitter = e.submitter instanceof HTMLElement && (e.submitter as HTMLButtonElement).form === form ? e.submitter : null;
  return { kind: 'form', replay: () => form.requestSubmit(submitter) };
}

/** The key pressed again (down and up) on the same element, with the same key codes, for
 * the page's own handlers. A native button's own response to Enter or Space, a click, is
 * made too unless a handler took the key. */
function replayKey(target: HTMLElement, e: KeyboardEvent) {
  const init: KeyboardEventInit = {
    key: e.key, code: e.code, keyCode: e.keyCode, which: e.which, location: e.location,
    ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey,
    bubbles: true, cancelable: true, composed: true,
  };
  const down = target.dispatchEvent(new KeyboardEvent('keydown', init));
  const up = target.dispatchEvent(new KeyboardEvent('keyup', init));
  if (down && up && target.matches('button, input[type="submit"]')) target.click();
}
