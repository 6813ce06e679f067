// A password of twelve spaces or tabs was taken (as long as a password must be, and the first guess anyone makes),
// and a name could carry the characters that reorder the text after them ("Kit \u202EetiK" shows as "Kit Kite") into
// the header, members lists, emails and the audit log: both are now refused, each by its field.
import { describe, expect, it } from "vitest";
import {
  changeNameSchema,
  changePasswordSchema,
  partnershipSchema,
  resetPasswordSchema,
  signUpSchema,
  vcseSchema,
} from "~/domain/accounts/schemas.ts";

const errorsOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

const signUp = (password: string, name = "Nadia New") =>
  signUpSchema.safeParse({ name, email: "nadia@example.test", password });

const NOT_ONLY_SPACES = "Password must contain letters, numbers or symbols, not only spaces";

describe("a new password", () => {
  it.each([" ".repeat(12), "\t".repeat(12), " \t".repeat(8), "\u00A0".repeat(12), "\u200B".repeat(12)])(
    "made only of spaces or characters that show nothing is refused (%j)",
    (password) => expect(errorsOf(signUp(password))).toEqual([`password: ${NOT_ONLY_SPACES}`]),
  );

  it("with spaces between words is taken, as any passphrase", () => {
    expect(signUp("correct horse battery staple").success).toBe(true);
    expect(signUp("  padded  passphrase  ").success).toBe(true);
  });

  it("is checked the same when reset or changed", () => {
    const spaces = " ".repeat(12);
    expect(
      errorsOf(resetPasswordSchema.safeParse({ token: "t", password: spaces, confirmPassword: spaces })),
    ).toContain(`password: ${NOT_ONLY_SPACES}`);
    expect(
      errorsOf(
        changePasswordSchema.safeParse({
          currentPassword: "old password here",
          password: spaces,
          confirmPassword: spaces,
        }),
      ),
    ).toContain(`password: ${NOT_ONLY_SPACES}`);
  });
});

describe("a name", () => {
  const REORDERS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];

  it.each(REORDERS)("with a character that reorders the text is refused (U+%s)", (control) => {
    const name = `Kit ${control}etiK`;
    expect(errorsOf(changeNameSchema.safeParse({ name }))).toEqual([
      "name: Your name must not contain characters that change the direction of the text (copy it again from where it is written)",
    ]);
    expect(errorsOf(signUp("a long enough passphrase", name))).toHaveLength(1);
  });

  it("written right to left, with the marks that only nudge punctuation, is taken", () => {
    expect(changeNameSchema.safeParse({ name: "\u05D3\u05E0\u05D4 \u05DC\u05D5\u05D9\u200F" }).success).toBe(
      true,
    );
    expect(changeNameSchema.safeParse({ name: "Zoë O'Brien-Smith" }).success).toBe(true);
  });

  it("of a partnership of councils is refused the same way (session 46)", () => {
    expect(errorsOf(partnershipSchema.safeParse({ name: "North \u2067and East" }))).toEqual([
      "name: The partnership name must not contain characters that change the direction of the text (copy it again from where it is written)",
    ]);
    expect(partnershipSchema.safeParse({ name: "North and East" }).success).toBe(true);
  });

  it("of an organisation is refused the same way", () => {
    const result = vcseSchema.safeParse({ name: "Food \u202EknaB" });
    expect(errorsOf(result)).toContain(
      "name: The organisation name must not contain characters that change the direction of the text (copy it again from where it is written)",
    );
  });
});
