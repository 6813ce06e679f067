// Numbers typed into forms, read as people write them: digits, perhaps with thousands commas or spaces ("1,500",
// "1 500") and a decimal point. Any other text is not a number (NaN, refused by the field's schema as such):
// Number(), as the form library and z.coerce use it, reads "1e3" as 1,000, "0x10" as 16 and " " as 0. Blank is no
// value. No server imports: forms check with these in the browser too.
import { z } from "zod";

// The first group is one to three digits not starting with 0: "0,500" is a decimal comma (0.5 in European notation)
// and "0 500" or "000 500" is not how anyone writes 500, so none of them is read as 500. A number without separators ("0500",
// "0.5") is not grouped, and is read as before.
const GROUPED = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * The text without its thousands commas ("1,500.25" → "1500.25"), or null when a comma is anywhere else: "12,5"
 * or "1,50" is most likely a decimal comma, and reading it as 125 or 150 would record ten or a hundred times
 * what was meant. Text without commas comes back as it is, for the caller's own pattern to judge.
 */
function withoutThousandsCommas(text: string): string | null {
  if (!text.includes(",")) return text;
  return GROUPED.test(text) ? text.replace(/,/g, "") : null;
}

// Thousands written with spaces ("1 500", also a no-break or thin space as pasted from a document): one kind of
// separator throughout, groups of three after the first one to three digits (not starting with 0, as with commas).
const SPACES = " \u00a0\u2009\u202f";
const SPACE = new RegExp(`[${SPACES}]`);
const SPACE_GROUPED = new RegExp(`^[+-]?[1-9]\\d{0,2}([${SPACES}])\\d{3}(?:\\1\\d{3})*(?:\\.\\d*)?$`);

/**
 * withoutThousandsCommas, and spaces between thousands taken out too ("1 500.25" → "1500.25"); null when a space
 * is anywhere else ("1 5" or "12 34 5" is two or three numbers, not one) or commas and spaces are mixed. The one
 * rule for every number typed into the portal: form fields (asWritten), contract values, commitment figures and
 * the CSV import (contracts/values.ts), and a return's figures (reporting/returns-schema.ts).
 */
export function withoutThousandsSeparators(text: string): string | null {
  if (!SPACE.test(text)) return withoutThousandsCommas(text);
  return SPACE_GROUPED.test(text) ? text.replace(new RegExp(`[${SPACES}]`, "g"), "") : null;
}

// digits with commas or spaces among them, perhaps a sign before and decimals after: a number, if its thousands
// were grouped rightly
const SEPARATED = new RegExp(`^[+-]?[\\d,${SPACES}]*\\d[\\d,${SPACES}]*(?:\\.\\d*)?$`);

/** "12,5", "1 5", "15 00", "1,5 00", "0,500", "0 500": a number written with commas or spaces somewhere other than
 * between thousands, for a field to tell so rather than that it is not a number. */
export function isBadlyGrouped(text: string): boolean {
  const value = text.trim();
  return SEPARATED.test(value) && withoutThousandsSeparators(value) === null;
}

/**
 * A stored figure ("1250.5", 1250.5) as a form shows it again: thousands grouped with commas ("1,250.5"), and with
 * `decimals` places ("1,250.50" for an amount in pounds) when given. Text that is not a plain number comes back as
 * it is.
 */
export function figureForForm(stored: string | number, decimals?: number): string {
  const text = String(stored).trim();
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = ""] = match;
  const grouped = whole!.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+$)/g, ",");
  const places =
    decimals === undefined ? fraction.replace(/0+$/, "") : fraction.padEnd(decimals, "0").slice(0, decimals);
  return `${sign}${grouped}${places ? `.${places}` : ""}`;
}

/** What a field tells a number isBadlyGrouped refused: "Enter the contract value with commas or spaces only between
 * thousands, like 1,250 or 1 250, and a full stop before any decimals". `what` names the answer ("the target"). */
export function badlyGroupedMessage(what: string): string {
  return `Enter ${what} with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals`;
}

/** A stored amount in pounds as a form shows it again: "1250.5" → "1,250.50". */
export function amountForForm(stored: string | number): string {
  return figureForForm(stored, 2);
}

// "12", "12.5" and ".5" (as many write a half)
const DECIMAL = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

export function asWritten(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  // left blank: no number (an optional field passes, a required one says "Enter …")
  if (text === "") return undefined;
  const plain = withoutThousandsSeparators(text);
  return plain !== null && DECIMAL.test(plain) ? Number(plain) : NaN;
}

/**
 * asWritten, for a form field whose answer `what` names ("the quantity"): a number grouped anywhere but between
 * thousands ("0,500", "1,25", "1 5") is told how to write it (badlyGroupedMessage), as a contract value or a return's
 * figure is, not that it is not a number. `read` turns the number read into what the field's schema checks.
 */
function readWritten<T extends z.ZodType>(
  what: string,
  schema: T,
  read: (value: unknown) => unknown = asWritten,
) {
  return z.preprocess((value, ctx) => {
    if (typeof value === "string" && isBadlyGrouped(value)) {
      ctx.addIssue({ code: "custom", message: badlyGroupedMessage(what), input: value });
      return z.NEVER;
    }
    return read(value);
  }, schema);
}

/** A number field (`schema` is its z.number() with the limits and messages) read with asWritten; `what` names its
 * answer in the message for a number grouped wrongly ("the number of staff"). */
export function writtenNumber<T extends z.ZodType>(schema: T, what: string) {
  return readWritten(what, schema);
}

type WholeNumberWords = {
  blank?: string;
  nan: string;
  whole: string;
  min: number;
  small: string;
  max: number;
  large: string;
};

/**
 * A whole number from `min` to `max`, each refusal in its own words, one message for one answer (the first that
 * applies). A number past `max` is told only the limit, whatever else is wrong: zod's int() refuses a number past 2^53
 * ("99999999999999999999") as not whole before its maximum is checked, so the user was told to enter a whole number
 * when it was one, too large.
 */
export function wholeNumberWithin(o: WholeNumberWords) {
  // one issue, and not an aborting one: the form's own checks across fields (a closing date after the opening one)
  // still run and are told in the same round
  return z
    .number({ error: (issue) => (issue.input === undefined && o.blank ? o.blank : o.nan) })
    .superRefine((v, ctx) => {
      // "-0" is written below 0, and refused as a KPI return's "-0" is (asWritten reads it as -0, which is not < 0)
      const below = v < o.min || (Object.is(v, -0) && o.min >= 0);
      const message = v > o.max ? o.large : !Number.isInteger(v) ? o.whole : below ? o.small : null;
      if (message) ctx.addIssue({ code: "custom", message });
    });
}

/**
 * wholeNumberWithin typed into a form (read as writtenNumber reads it, `what` naming the answer). A number too long to hold (read as Infinity, which
 * z.number() refuses as not a number) is one past the limit too.
 */
export function boundedWholeNumber(o: WholeNumberWords & { what: string }) {
  return readWritten(o.what, wholeNumberWithin(o), (value) => {
    const read = asWritten(value);
    return read === Infinity || read === -Infinity ? Math.sign(read) * Number.MAX_VALUE : read;
  });
}
