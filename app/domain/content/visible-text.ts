// Whether a required answer shows anything. `.trim()` drops spaces but not the characters that take no room on
// screen: a title of zero-width spaces ("\u200B\u200B") passed "Enter a title" and became a link with no words.
// No server imports: the forms use it too.

// Spaces and separators, control and format characters (zero-width spaces and joiners, direction marks, the soft
// hyphen, the byte order mark), marks with no letter to sit on (variation selectors among them), and the fillers
// that draw nothing: the Hangul fillers and the blank Braille pattern.
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** True when `value` has at least one character a reader can see. */
export function hasVisibleText(value: string) {
  return value.replace(INVISIBLE, "").length > 0;
}

/** The field error for an answer made only of characters that show nothing. */
export const invisibleTextMessage = (what: string) =>
  `${what} must contain letters, numbers or other characters you can see`;

// The characters that turn the direction text is drawn in, embedding, overriding or isolating what follows: in a
// name they make it read otherwise than typed ("Kit \u202EetiK" shows as "Kit Kite"), in the header, members lists,
// emails, the audit log and CSVs. The marks (U+200E, U+200F) that only nudge neutral characters stay allowed.
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

/** True when `value` has none of the characters that reorder the text drawn after them. */
export const drawnAsTyped = (value: string) => !DIRECTION_CONTROLS.test(value);

/** The field error for a name with such characters. */
export const directionControlMessage = (what: string) =>
  `${what} must not contain characters that change the direction of the text (copy it again from where it is written)`;

/** `value` without NUL, which PostgreSQL text cannot hold (db.server.ts drops it from every query): dropped before
 * an answer is trimmed and checked, so what is checked, and compared with what is saved, is what is kept. */
export const withoutNul = (value: string) => value.replaceAll("\0", "");
