// Form schemas for accounts and organisations: shared by the server actions and the forms (no server imports).
import { z } from "zod";
import {
  directionControlMessage,
  drawnAsTyped,
  hasVisibleText,
  invisibleTextMessage,
} from "~/domain/content/visible-text.ts";
import { FORM_NOT_RECOGNISED, intentOf, intentUnion, pageFilled } from "~/domain/form-intent.ts";
import { councilNameField, requiredName } from "~/domain/name-field.ts";
import { wholeNumberWithin, writtenNumber } from "~/domain/numbers.ts";
import { pageNumberField } from "~/domain/page-number.ts";
import { BALANCE_SHEET_BANDS, TURNOVER_BANDS } from "./business-size.ts";
import { NEW_ORGANISATION_KINDS, type NewOrganisationKind } from "./registering-journey.ts";
import {
  CURRENT_PASSWORD_INCORRECT,
  PASSWORD_MAX,
  PASSWORD_MIN,
  SIGN_IN_FAILED,
  SUPPLIER_COUNCIL_MISSING,
  VCSE_COUNCIL_MISSING,
} from "./labels.ts";

// what the forms also show, kept in a module without zod (browser code of public pages imports it)
export {
  KIND_LABEL,
  MEMBER_ROLES_BY_KIND,
  PASSWORD_MAX,
  PASSWORD_MIN,
  ROLE_LABEL,
  SIGN_IN_FAILED,
  STATUS_LABEL,
} from "./labels.ts";

// A field with only spaces in it looks empty: it is no answer, as an empty one is (an optional field left so is
// not refused, and a required one is asked for)
const spacesAsBlank = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

// Spaces only are asked for as a blank address is, the same with JavaScript as without: a browser drops them from an
// email input before Conform reads it, but a form sent without a browser's help (or by an older one) keeps them.
const emailAddress = (missing: string) =>
  z.preprocess(
    spacesAsBlank,
    z
      .string({ error: missing })
      .trim()
      .max(254, "Email address must be 254 characters or fewer")
      .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }))
      .transform((value) => value.toLowerCase()),
  );

export const emailField = emailAddress("Enter your email address");

export const newPasswordField = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN, `Password must be ${PASSWORD_MIN} characters or more`)
  .max(PASSWORD_MAX, `Password must be ${PASSWORD_MAX} characters or fewer`)
  // twelve spaces (or tabs) are as long as a password must be, and the first guess anyone makes
  .refine(
    (value) => value === "" || hasVisibleText(value),
    "Password must contain letters, numbers or symbols, not only spaces",
  );

// Text that must show something: the database drops NUL, and zero-width spaces take no room, so a name of either
// passed `.trim().min()` and was saved as a blank name (members lists, emails and the audit log with no words).
const showsSomething = (value: string) => value === "" || hasVisibleText(value);

const nameField = z
  .string({ error: "Enter your full name" })
  .trim()
  .min(1, "Enter your full name")
  .max(100, "Name must be 100 characters or fewer")
  .refine(showsSomething, invisibleTextMessage("Your name"))
  .refine(drawnAsTyped, directionControlMessage("Your name"));

// The password an account already has, typed to confirm a change. One longer than any password can be is wrong, and
// told so as a wrong one is: its length check had no message, so it took the field's ("Enter your current password").
const currentPasswordField = (missing: string) =>
  z.string({ error: missing }).max(PASSWORD_MAX * 4, CURRENT_PASSWORD_INCORRECT);

export const signUpSchema = z.object({
  name: nameField,
  email: emailField,
  password: newPasswordField,
  invitation: z.string({ error: FORM_NOT_RECOGNISED }).max(200, FORM_NOT_RECOGNISED).optional(),
  // What they came to do: register a VCSE or a supplier straight after confirming their address. Joining one is
  // by invitation only, and the form no longer offers it; "join", from a page shown before, means neither.
  organisationKind: z
    .enum([...NEW_ORGANISATION_KINDS, "join"], { error: "Select what you are signing up for" })
    .optional(),
  // the page they were on their way to (a hidden field): one too long to go back to is dropped, never an error
  redirectTo: z.string().max(2000).optional().catch(undefined),
});

export type { NewOrganisationKind };

export const signInSchema = z.object({
  email: emailField,
  // longer than any password can be, so not this account's: told as any wrong password is, not "Enter your password"
  password: z.string({ error: "Enter your password" }).max(PASSWORD_MAX * 4, SIGN_IN_FAILED),
  // the page the form was shown for (a hidden field): one too long to go back to is dropped, never an error
  redirectTo: z.string().max(2000).optional().catch(undefined),
});

// `redirectTo` (a hidden field): the page they were on their way to when they signed in, kept through the reset;
// one too long to go back to is dropped, never an error
export const forgotPasswordSchema = z.object({
  email: emailField,
  redirectTo: z.string().max(2000).optional().catch(undefined),
});

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: "This link is not valid" }).max(200),
    password: newPasswordField,
    confirmPassword: z.string({ error: "Enter the password again" }),
    redirectTo: z.string().max(2000).optional().catch(undefined),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "Passwords do not match",
  });

export const changeNameSchema = z.object({ name: nameField });

export const changeEmailSchema = z.object({
  // in the words of the form's field ("New email address"), as "Enter your current password" is
  email: emailAddress("Enter your new email address"),
  currentPassword: currentPasswordField("Enter your current password"),
});

// The account page's buttons: sending a waiting new address's link again, cancelling that change, signing out
// everywhere. Each acts on the signed-in person's own account only, so the form carries nothing else.
export const accountPageSchema = z.object({
  intent: intentOf(["resend-email-change", "cancel-email-change", "sign-out-everywhere"]),
});

export const NEW_PASSWORD_SAME = "Your new password must be different from your current password";
const samePasswordsSchema = z.object({ currentPassword: z.string().min(1), password: z.string().min(1) });

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordField("Enter your current password"),
    password: newPasswordField,
    confirmPassword: z.string({ error: "Enter the new password again" }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "Passwords do not match",
  })
  // someone changing a password they fear is known was told it had changed when it had not
  .refine((value) => value.password !== value.currentPassword, {
    path: ["password"],
    message: NEW_PASSWORD_SAME,
    // with the other fields' problems, so every problem shows at once; one too short is told only that
    when: ({ value, issues }) =>
      samePasswordsSchema.safeParse(value).success && !issues.some((issue) => issue.path?.[0] === "password"),
  });

export const deleteAccountSchema = z.object({
  currentPassword: currentPasswordField("Enter your password to confirm"),
  // the organisations the person confirms will be left with no members (ids)
  leaveWithoutMembers: z.array(z.string().max(64)).max(100).default([]),
});

// An organisation's name, in each form's own words: "Organisation name" (VCSE), "Business name" (supplier). A
// council's name has its own rule (councilNameField), the same on "Add council" and the council's settings page.
const nameOf = (missing: string, label: string) => requiredName({ missing, label, min: 2, max: 150 });

const organisationName = nameOf("Enter the organisation's name", "Organisation name");

const councilChoice = (missing: string) => z.string({ error: missing }).min(1, missing).max(40);

// Where people working with the organisation can write to it: optional, and the same check for a VCSE and a supplier.
const organisationContactEmail = z.preprocess(spacesAsBlank, emailField.optional());

export const vcseSchema = z.object({
  name: organisationName,
  councilId: councilChoice(VCSE_COUNCIL_MISSING),
  charityNumber: z.preprocess(
    spacesAsBlank,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9 -]{4,20}$/, "Enter a charity or company number, like 1123456 or SC012345")
      .optional(),
  ),
  areaServed: z
    .string({ error: "Enter the area you serve" })
    .trim()
    .min(2, "Enter the area you serve")
    .max(200, "Area served must be 200 characters or fewer")
    .refine(showsSomething, invisibleTextMessage("The area you serve")),
  description: z
    .string({ error: "Describe what your organisation does" })
    .trim()
    .min(1, { error: "Describe what your organisation does", abort: true })
    .min(10, "Description must be 10 characters or more")
    .max(2000, "Description must be 2000 characters or fewer")
    .refine(showsSomething, invisibleTextMessage("The description")),
  contactEmail: organisationContactEmail,
});

// UK postcode, as Royal Mail writes it (the space is optional when typed).
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;

export const supplierSchema = z.object({
  // the form's fields are "Business name" and "Council you supply"
  name: nameOf("Enter your business name", "Business name"),
  councilId: councilChoice(SUPPLIER_COUNCIL_MISSING),
  companyNumber: z
    .string({ error: "Enter your Companies House number" })
    .trim()
    .toUpperCase()
    .regex(
      /^(\d{8}|[A-Z]{2}\d{6})$/,
      "Companies House number must be 8 characters, like 01234567 or SC123456",
    ),
  registeredPostcode: z
    .string({ error: "Enter your registered office postcode" })
    .trim()
    .toUpperCase()
    .regex(POSTCODE, "Enter a full UK postcode, like GU1 3UW")
    .transform((value) => value.replace(/^(.+?) ?(\d[A-Z]{2})$/, "$1 $2")),
  staffHeadcount: writtenNumber(
    wholeNumberWithin({
      nan: "Enter the number of staff as a whole number, like 25",
      whole: "Enter the number of staff as a whole number, like 25",
      min: 0,
      small: "Number of staff must be 0 or more",
      max: 10_000_000,
      large: "Number of staff must be 10,000,000 or fewer",
    }),
    "the number of staff",
  ),
  turnoverBand: z.enum(TURNOVER_BANDS.map((b) => b.value) as [string, ...string[]], {
    error: "Select your annual turnover",
  }),
  balanceSheetBand: z.enum(BALANCE_SHEET_BANDS.map((b) => b.value) as [string, ...string[]], {
    error: "Select your balance sheet total",
  }),
  contactEmail: organisationContactEmail,
});

// "Change your organisation's details" (organisations.$id.edit): the registration forms' fields and checks, without
// the council (an organisation stays with the council it registered with). The button says what saving does:
// "save" while the council has not decided, "resend" once it has refused, so that a refusal made while the owner
// was changing the details is not answered by a resend they did not choose.
const detailsIntent = z.enum(["save", "resend"], { error: "Reload the page and try again" });
export const vcseDetailsSchema = vcseSchema.omit({ councilId: true }).extend({ intent: detailsIntent });
export const supplierDetailsSchema = supplierSchema
  .omit({ councilId: true })
  .extend({ intent: detailsIntent });

// A verified organisation's contact email: contact information, not a detail the council verified, so its owner may
// change it after verification (decision 039, addendum). Blank removes it.
export const contactEmailSchema = z.object({
  intent: z.literal("contact", { error: "Reload the page and try again" }),
  contactEmail: organisationContactEmail,
});

export const councilSchema = z.object({
  name: councilNameField("Enter the council's name"),
  partnershipId: z.string().max(40).optional(),
  // the council's first admin, not the platform admin filling the form in
  adminEmail: emailAddress("Enter the email address of the council's first admin"),
});

export const partnershipSchema = z.object({
  name: requiredName({
    missing: "Enter the partnership's name",
    label: "Partnership name",
    min: 3,
    max: 150,
  }),
});

export const joinPartnershipSchema = z.object({
  councilId: z.string({ error: "Select a council" }).max(40),
  partnershipId: z.string().max(40).optional(),
});

// "Yes, remove" (or move, or add) on the page confirming a council's partnership changes: where it goes (none when
// empty), and the partnership the page showed it in (none when empty: it is joining one), so a change made meanwhile
// by someone else is not confirmed unseen.
export const confirmPartnershipChangeSchema = z.object({
  partnershipId: z.string().max(40).optional(),
  from: z.string().max(40).optional(),
  // partnershipChangePlan's fingerprint of who the page named
  peopleShown: z.string().max(40).optional(),
});

const role = z.enum(["ADMIN", "OFFICER", "OWNER", "MEMBER"], { error: "Select a role" });

export const inviteSchema = z.object({
  intent: z.literal("invite", { error: FORM_NOT_RECOGNISED }),
  // the field is "Their email address": the person invited, not the owner sending it
  email: emailAddress("Enter their email address"),
  role,
});

export const membersActionSchema = intentUnion([
  inviteSchema,
  z.object({ intent: z.literal("change-role"), membershipId: pageFilled(40), role }),
  z.object({ intent: z.literal("remove"), membershipId: pageFilled(40) }),
  z.object({ intent: z.literal("revoke-invitation"), invitationId: pageFilled(40) }),
  z.object({ intent: z.literal("leave") }),
  z.object({
    intent: z.literal("partnership-access"),
    membershipId: pageFilled(40),
    access: z.enum(["grant", "revoke"], { error: "Choose whether they work for the partner councils" }),
  }),
]);

// The queue the officer opened the organisation from (its `council=` and `page=`), which the decision forms carry so
// the way back leads to it: the page fills them in, so a value that is no id or page is dropped, never an error (the
// route keeps a council only if it is one the officer verifies for).
const queueShown = {
  council: z.string().max(40).optional().catch(undefined),
  page: pageNumberField,
};

export const verificationDecisionSchema = intentUnion([
  z.object({ intent: z.literal("verify"), ...queueShown }),
  // an organisation left with no members gets an owner back through its council (decision 015)
  z.object({
    intent: z.literal("invite-owner"),
    email: emailAddress("Enter the email address of the person to invite"),
    ...queueShown,
  }),
  z.object({
    intent: z.literal("reject"),
    ...queueShown,
    reason: z
      .string({ error: "Enter the reason for rejecting the organisation" })
      .trim()
      .min(1, { error: "Enter the reason for rejecting the organisation", abort: true })
      .min(10, "Reason must be 10 characters or more")
      .max(1000, "Reason must be 1000 characters or fewer")
      .refine(showsSomething, invisibleTextMessage("The reason")),
  }),
]);

// the page of the emailed link: confirm (a button, so mail scanners following links cannot), or send it again
export const verifyEmailSchema = intentUnion([
  z.object({
    intent: z.literal("confirm"),
    token: pageFilled(200),
    then: z.enum(NEW_ORGANISATION_KINDS, { error: FORM_NOT_RECOGNISED }).optional(),
    redirectTo: z.string().max(2000).optional().catch(undefined),
  }),
  // the page they were on their way to: the new link leads there too
  z.object({ intent: z.literal("resend"), redirectTo: z.string().max(2000).optional().catch(undefined) }),
]);

export const tokenSchema = z.object({ token: z.string({ error: "This link is not valid" }).max(200) });

export const adminCouncilsSchema = intentUnion([
  councilSchema.extend({ intent: z.literal("create-council") }),
  z.object({ intent: z.literal("create-partnership"), partnershipName: partnershipSchema.shape.name }),
  joinPartnershipSchema.extend({ intent: z.literal("set-partnership") }),
  // a council whose first admin never joined (the invitation expired, or went to a mistyped address)
  z.object({
    intent: z.literal("invite-admin"),
    inviteCouncilId: z.string({ error: "Select a council" }).max(40),
    inviteEmail: emailAddress("Enter the email address of the person to invite"),
  }),
]);
