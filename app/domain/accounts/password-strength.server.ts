// Whether a new password is too easy to guess: commonly used or breached, repetitive, a sequence or a keyboard row,
// or made of the person's own name or address or of this service's name (NCSC, NIST SP 800-63B), scored by zxcvbn
// offline. No composition rules. Server only: zxcvbn's word lists are about 2 MB, and the pages that set a
// password have a JavaScript budget (decisions 019 and 051).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonWords } from "@zxcvbn-ts/language-common";
import { dictionary as englishWords, translations } from "@zxcvbn-ts/language-en";
import type { z } from "zod";
import { PASSWORD_MAX } from "./labels.ts";

// zxcvbn's scores run 0 to 4; 3 is "safely unguessable" against an attacker holding a leaked hash
const LOWEST_SCORE_TAKEN = 3;

// the example the message gives is refused too, so that copying it is not the way through
const EXAMPLE = "purple kettle river bus";
const SERVICE_WORDS = ["social value marketplace", "social value", EXAMPLE];

// zxcvbn's reasons, in our own words: each says what makes the password guessable
const REASONS = {
  straightRow: "This password has a row of keys in it, like ‘qwerty’, so it is too easy to guess.",
  keyPattern: "This password has a keyboard pattern in it, so it is too easy to guess.",
  simpleRepeat: "This password repeats a character, like ‘aaa’, so it is too easy to guess.",
  extendedRepeat: "This password repeats a group of characters, like ‘abcabc’, so it is too easy to guess.",
  sequences: "This password has a sequence in it, like ‘abc’ or ‘1234’, so it is too easy to guess.",
  recentYears: "This password has a recent year in it, so it is too easy to guess.",
  dates: "This password has a date in it, so it is too easy to guess.",
  topTen: "This is one of the most used passwords, so it is too easy to guess.",
  topHundred: "This is one of the most used passwords, so it is too easy to guess.",
  common: "This is a commonly used password, so it is too easy to guess.",
  similarToCommon: "This is a commonly used password with small changes, so it is too easy to guess.",
  wordByItself: "This password is a single word, so it is too easy to guess.",
  namesByThemselves: "This password is a single name, so it is too easy to guess.",
  commonNames: "This password is built on a common name, so it is too easy to guess.",
  userInputs:
    "This password has your name, your email address or words from this page in it, so it is too easy to guess.",
  pwned: "This password has been in a data breach, so it is too easy to guess.",
} satisfies Record<keyof typeof translations.warnings, string>;

const TOO_EASY = "This password is too easy to guess.";
const TRY_INSTEAD = `Try three or four random words, like ‘${EXAMPLE}’`;

// built on first use, once per process: reading the word lists takes about a tenth of a second
let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...commonWords, ...englishWords },
    graphs: adjacencyGraphs,
    translations: { ...translations, warnings: REASONS },
    // look-alike spellings ("p@$$w0rd") tried per password: the default 100 took over a second on 128 random
    // characters, on the server's one thread; 20 takes a fifth of that and finds nearly all the same (decision 051)
    l33tMaxSubstitutions: 20,
  }));

/** Whose password it is, as far as the form or the account knows. */
export type PasswordOwner = { email?: string | null; name?: string | null };

// "Jane Smith-Jones" → itself, "janesmithjones", "jane", "smith", "jones" (parts under 3 letters would match
// inside any password)
function wordsOf(text: string, withParts: boolean) {
  const whole = text.trim().toLowerCase();
  const parts = whole.split(/[^\p{L}\p{N}]+/u).filter((part) => part.length >= 3);
  return [whole, whole.replace(/[^\p{L}\p{N}]+/gu, ""), ...(withParts ? parts : [])].filter(Boolean);
}

function ownWords({ email, name }: PasswordOwner) {
  const localPart = email?.split("@")[0];
  const words = [
    ...(email ? wordsOf(email, true) : []),
    ...(localPart ? wordsOf(localPart, true) : []),
    ...(name ? wordsOf(name, true) : []),
    ...SERVICE_WORDS.flatMap((words) => wordsOf(words, false)),
  ];
  return [...new Set(words)];
}

/** The message to show next to the password field when it is too easy to guess, or null when it is not. */
export function tooEasyToGuess(password: string, owner: PasswordOwner = {}): string | null {
  // a longer one is refused for its length; the cap also bounds the work
  const { score, feedback } = zxcvbn().check(password.slice(0, PASSWORD_MAX), ownWords(owner));
  if (score >= LOWEST_SCORE_TAKEN) return null;
  return `${feedback.warning || TOO_EASY} ${TRY_INSTEAD}`;
}

const textOf = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * A form schema with a `password` field (the new password), refusing one too easy to guess next to that field.
 * The owner's email address and name are the form's own fields where it has them, else `owner`'s (the account
 * signed in). Checked whenever the password passed its own checks, so the message comes with the other fields'.
 */
export function refusingEasyPasswords<Schema extends z.ZodType>(schema: Schema, owner: PasswordOwner = {}) {
  return schema.superRefine(
    (value, context) => {
      const fields = value as Record<string, unknown>;
      const password = textOf(fields.password);
      if (password === undefined) return;
      const message = tooEasyToGuess(password, {
        email: textOf(fields.email) ?? owner.email,
        name: textOf(fields.name) ?? owner.name,
      });
      if (message) context.addIssue({ code: "custom", path: ["password"], message });
    },
    {
      when: ({ value, issues }) =>
        typeof value === "object" &&
        value !== null &&
        !issues.some((issue) => issue.path?.[0] === "password"),
    },
  );
}
