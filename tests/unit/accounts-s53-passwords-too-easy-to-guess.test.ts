// Sign-up took "password1234" and "aaaaaaaaaaaa": a new password was only checked for its length. One too easy to
// guess (commonly used, repetitive, a sequence or a keyboard row, or made of the person's own name or address or of
// this service's name) is now refused, scored by zxcvbn on the server, with no composition rules (decision 051).
import { describe, expect, it } from "vitest";
import { refusingEasyPasswords, tooEasyToGuess } from "~/domain/accounts/password-strength.server.ts";
import { signUpSchema } from "~/domain/accounts/schemas.ts";

const TRY_INSTEAD = "Try three or four random words, like ‘purple kettle river bus’";
const JANE = { email: "jane.smith@example.test", name: "Jane Smith" };
const OWN_WORDS =
  "This password has your name, your email address or words from this page in it, so it is too easy to guess.";

describe("a new password too easy to guess", () => {
  it.each([
    ["password1234", "This is a commonly used password with small changes, so it is too easy to guess."],
    ["iloveyou1234", "This is a commonly used password with small changes, so it is too easy to guess."],
    ["welcome12345", "This is a commonly used password with small changes, so it is too easy to guess."],
    ["123456789012", "This is a commonly used password, so it is too easy to guess."],
    ["qwertyuiop12", "This is a commonly used password with small changes, so it is too easy to guess."],
  ])("commonly used, is refused (%j)", (password, reason) => {
    expect(tooEasyToGuess(password, JANE)).toBe(`${reason} ${TRY_INSTEAD}`);
  });

  it.each([
    ["aaaaaaaaaaaa", "This password repeats a character, like ‘aaa’, so it is too easy to guess."],
    [
      "trustno1trustno1",
      "This password repeats a group of characters, like ‘abcabc’, so it is too easy to guess.",
    ],
    [
      "abcabcabcabc",
      "This password repeats a group of characters, like ‘abcabc’, so it is too easy to guess.",
    ],
  ])("repetitive, is refused (%j)", (password, reason) => {
    expect(tooEasyToGuess(password, JANE)).toBe(`${reason} ${TRY_INSTEAD}`);
  });

  it.each(["abcdefghijkl", "zyxwvutsrqpo", "987654321098"])("a sequence, is refused (%j)", (password) => {
    expect(tooEasyToGuess(password, JANE)).toBe(
      `This password has a sequence in it, like ‘abc’ or ‘1234’, so it is too easy to guess. ${TRY_INSTEAD}`,
    );
  });

  it("a row of keys, is refused", () => {
    expect(tooEasyToGuess("asdfghjkl;'#", JANE)).toBe(
      `This password has a row of keys in it, like ‘qwerty’, so it is too easy to guess. ${TRY_INSTEAD}`,
    );
  });

  it.each(["jane.smith1234", "janesmith2026", "Jane.Smith.1980"])(
    "made of the email address's local part, is refused (%j)",
    (password) => {
      expect(tooEasyToGuess(password, JANE)).toBe(`${OWN_WORDS} ${TRY_INSTEAD}`);
      // the same password is fine for someone else: it is their own words that make it guessable
      expect(tooEasyToGuess(password, { email: "kit@example.test", name: "Kit Marlowe" })).toBeNull();
    },
  );

  it("made of the person's name, is refused", () => {
    const kwame = { email: "k@example.test", name: "Kwame Quarshie" };
    expect(tooEasyToGuess("quarshie2024!", kwame)).toBe(`${OWN_WORDS} ${TRY_INSTEAD}`);
    expect(tooEasyToGuess("okonkwoferreira", { name: "Ada Okonkwo-Ferreira" })).toBe(
      `${OWN_WORDS} ${TRY_INSTEAD}`,
    );
    expect(tooEasyToGuess("quarshie2024!", JANE)).toBeNull();
  });

  it.each(["socialvalue123", "Social Value 2026", "purple kettle river bus", "PurpleKettleRiverBus"])(
    "made of this service's name, or the example the message gives, is refused (%j)",
    (password) => expect(tooEasyToGuess(password, {})).toBe(`${OWN_WORDS} ${TRY_INSTEAD}`),
  );

  it("without a reason zxcvbn can name, is said to be too easy to guess", () => {
    expect(tooEasyToGuess("monkeymonkey", JANE)).toBe(`This password is too easy to guess. ${TRY_INSTEAD}`);
  });

  it("is checked on its first 128 characters only, the longest a password may be", () => {
    expect(tooEasyToGuess(`${"a".repeat(128)}${" then a long tail of random words".repeat(3)}`)).toBe(
      `This password repeats a character, like ‘aaa’, so it is too easy to guess. ${TRY_INSTEAD}`,
    );
  });
});

describe("a new password hard enough to guess", () => {
  it.each([
    "correct horse battery staple",
    "a long enough passphrase",
    "demo-password-2026",
    "another long passphrase",
    "a much longer new passphrase",
    "a brand new passphrase for this",
    "  padded  passphrase  ",
    "xkq7 Ruvo 2mfp",
    "Summer2024!!",
    "London2026!!",
    "correct horse battery staple ".repeat(4),
  ])("is taken, without any rule on capitals, digits or symbols (%j)", (password) => {
    expect(tooEasyToGuess(password, JANE)).toBeNull();
  });
});

describe("a form's schema refusing passwords too easy to guess", () => {
  const schema = refusingEasyPasswords(signUpSchema);
  const errorsOf = (fields: Record<string, string>) =>
    (schema.safeParse(fields).error?.issues ?? []).map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );

  it("says so next to the password, with the other fields' errors", () => {
    expect(errorsOf({ name: "", email: "not-an-address", password: "password1234" })).toEqual([
      "name: Enter your full name",
      "email: Enter an email address in the correct format, like name@example.com",
      `password: This is a commonly used password with small changes, so it is too easy to guess. ${TRY_INSTEAD}`,
    ]);
  });

  it("guesses with the form's own name and email address", () => {
    expect(
      errorsOf({ name: "Jane Smith", email: "jane.smith@example.test", password: "janesmith2026" }),
    ).toEqual([`password: ${OWN_WORDS} ${TRY_INSTEAD}`]);
    expect(errorsOf({ name: "Kit Marlowe", email: "kit@example.test", password: "janesmith2026" })).toEqual(
      [],
    );
  });

  it("or, where the form has neither, with the account's", () => {
    const forJane = refusingEasyPasswords(signUpSchema.omit({ name: true, email: true }), JANE);
    expect(forJane.safeParse({ password: "janesmith2026" }).error?.issues.map((i) => i.message)).toEqual([
      `${OWN_WORDS} ${TRY_INSTEAD}`,
    ]);
  });

  it("gives a password refused for its length that reason only", () => {
    expect(
      errorsOf({ name: "Jane Smith", email: "jane.smith@example.test", password: "aaaaaaaaaaa" }),
    ).toEqual(["password: Password must be 12 characters or more"]);
  });

  it("takes a passphrase", () => {
    const fields = {
      name: "Jane Smith",
      email: "jane.smith@example.test",
      password: "a long enough passphrase",
    };
    expect(schema.safeParse(fields).success).toBe(true);
  });
});
