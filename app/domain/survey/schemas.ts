// Validation for the survey forms (no server imports: used by actions and forms alike).
import { z } from "zod";
import { hasVisibleText, invisibleTextMessage, withoutNul } from "~/domain/content/visible-text.ts";
import { exampleDayWithin, isoDayAsUk, LAST_YEAR, londonDayIso, ukDayAsIso } from "~/domain/calendar.ts";
import { boundedWholeNumber } from "~/domain/numbers.ts";
import { ETHNIC_GROUPS, FREE_TEXT_MAX, PREFER_NOT, type Topic } from "./questions.ts";

// PostgreSQL text cannot hold NUL: the database drops it, so "\0" beside a ticked "Prefer not to say" was refused as
// text given too, and stored as an empty answer. It goes before the trim, so what is checked is what is kept.

// (the message says which answer: the page's summary lists each problem apart from its question)
const text = (max: number, tooLong = "Enter an answer of") =>
  z
    .string()
    .overwrite(withoutNul)
    .trim()
    .max(max, `${tooLong} ${max.toLocaleString("en-GB")} characters or fewer`)
    // only characters that show nothing (zero-width spaces, direction marks, pasted with other text) is no answer,
    // as a blank box is: kept, check your answers showed it as an empty answer and the report as a wordless comment
    .transform((value) => (hasVisibleText(value) ? value : undefined))
    .optional();

const ETHNIC_BACKGROUNDS: [string, ...string[]] = [
  PREFER_NOT,
  ...ETHNIC_GROUPS.flatMap((g) => g.backgrounds.map((b) => b.value)),
];

const contactEmail = z.email().optional();

// What a hand-made form (or a page from before a release) is told when a field it posts is not one the page offers:
// what to do, never zod's own "Invalid input".
const RELOAD = "reload the page and try again";

// One schema per question page, built from the questionnaire so the two cannot drift apart.
export function topicSchema(topic: Topic) {
  const shape: Record<string, z.ZodType> = {};
  for (const question of topic.questions) {
    const values = (question.options ?? []).map((o) => o.value) as [string, ...string[]];
    const invalid = { error: `Select an answer from the list for "${question.legend}"` };
    if (question.name === "ethnicBackground")
      shape[question.name] = z
        .enum(ETHNIC_BACKGROUNDS, { error: "Select an answer from the list for the ethnic background" })
        .optional();
    else if (question.kind === "radio") shape[question.name] = z.enum(values, invalid).optional();
    else if (question.kind === "checkbox")
      shape[question.name] = z.array(z.enum(values, invalid)).optional().default([]);
    // its format is checked only when it is used (below): the address is asked "only if you said yes"
    else if (question.kind === "email") shape[question.name] = text(254, question.tooLong);
    else shape[question.name] = text(question.kind === "text" ? 200 : FREE_TEXT_MAX, question.tooLong);
    if (question.preferNotBox)
      shape[`${question.name}PreferNot`] = z
        .literal(PREFER_NOT, {
          error: `Select "Prefer not to say" for "${question.legend}", or leave it unselected`,
        })
        .optional();
  }
  return z
    .object({
      ...shape,
      intent: z
        .enum(["continue", "save-and-exit"], {
          error: 'Choose "Save and continue" or "Save and come back later"',
        })
        .default("continue"),
    })
    .superRefine((value: Record<string, unknown>, ctx) => {
      const barriers = value.barriers as string[] | undefined;
      if (barriers && barriers.includes(PREFER_NOT) && barriers.length > 1)
        ctx.addIssue({
          code: "custom",
          path: ["barriers"],
          message: 'Select barriers, or select "Prefer not to say" on its own',
        });
      if (
        barriers &&
        barriers.includes("NO_BARRIERS") &&
        barriers.some((b) => b !== "NO_BARRIERS" && b !== PREFER_NOT)
      )
        ctx.addIssue({
          code: "custom",
          path: ["barriers"],
          message: 'Select the barriers you have met, or "We have not met any barriers", not both',
        });
      if (value.councilCouldDo && value.councilCouldDoPreferNot)
        ctx.addIssue({
          code: "custom",
          path: ["councilCouldDo"],
          message: 'Tell us what the council could do, or select "Prefer not to say", not both',
        });
      // The contact details are for a business that agreed to be contacted: with any other answer they are not
      // kept (saveTopicAnswers), so what was typed there cannot stop the business going on.
      if (value.contactConsent === "YES" && !value.contactEmail)
        ctx.addIssue({
          code: "custom",
          path: ["contactEmail"],
          message: "Enter an email address we can contact, or choose not to be contacted",
        });
      if (value.contactConsent === "YES" && !contactEmail.safeParse(value.contactEmail).success)
        ctx.addIssue({
          code: "custom",
          path: ["contactEmail"],
          message: "Enter an email address in the correct format, like name@example.com",
        });
    });
}

/** What the take-up page says when a link sent to an address not the person's own was not confirmed as meant for
 * their business (decision 055). */
export const CONFIRM_ADDRESS_ERROR =
  "Confirm that the invitation was meant for the business you are answering for";

// Taking up an emailed invitation: the business that answers with it, and the confirmation above (asked, and
// checked, by the server, which alone knows whether the address is the person's own).
export const invitationTakeUpSchema = z.object({
  organisationId: z.string({ error: "Select the business you are answering for" }).max(40),
  confirmAddress: z.literal("yes", { error: CONFIRM_ADDRESS_ERROR }).optional(),
});

export const consentSchema = z.object({
  consent: z.enum(["yes", "no"], { error: "Select whether you agree to take part" }),
});

// The dates a cycle may have (a date before year 1 is not one the database keeps). A cycle's year is not asked:
// it is the year the cycle opens in (decision 031), so a post still sending one has it ignored.
const FIRST_DAY = "2020-01-01";
const LAST_DAY = `${LAST_YEAR}-12-31`;
const isDay = (value: unknown): value is string => z.iso.date().safeParse(value).success;

/** The days a cycle may close on, worked out when asked: today (London) to the last year the portal takes. The form
 * gives its date box this range, so its hint and the error's example are a day it takes. */
export function closingDays(): { min: string; max: string } {
  return { min: londonDayIso(new Date()), max: LAST_DAY };
}

// the day a closing date's errors give as their example: one the field takes, as its hint shows
function closingExample(): string {
  const { min, max } = closingDays();
  return isoDayAsUk(exampleDayWithin(min, max));
}

// the longest a cycle's answers may be kept before they are anonymised
const MOST_MONTHS = 120;

export const cycleSchema = z
  .object({
    opensOn: z.preprocess(
      ukDayAsIso,
      z.iso
        .date({
          // a box left empty is asked for, not told it is not "a real date"
          error: (issue) =>
            issue.input === undefined
              ? "Enter the date the survey opens, for example 27/03/2027"
              : "Enter the date the survey opens as a real date, for example 27/03/2027",
        })
        .refine((day) => !isDay(day) || day >= FIRST_DAY, "The opening date must be in 2020 or later"),
    ),
    closesOn: z.preprocess(
      ukDayAsIso,
      z.iso
        .date({
          error: (issue) =>
            issue.input === undefined
              ? `Enter the date the survey closes, for example ${closingExample()}`
              : `Enter the date the survey closes as a real date, for example ${closingExample()}`,
        })
        .refine(
          (day) => !isDay(day) || day <= LAST_DAY,
          `The closing date must be in ${LAST_YEAR} or earlier`,
        ),
    ),
    privacyNotice: z
      .string({ error: "Enter the privacy notice respondents will read" })
      .trim()
      .min(20, "The privacy notice must say what you do with the answers (at least 20 characters)")
      .max(10_000, "Enter a privacy notice of 10,000 characters or fewer")
      // one of zero-width spaces passed, and every business was asked to agree under an empty notice
      .refine(
        (v) => v.length < 20 || v.length > 10_000 || hasVisibleText(v),
        invisibleTextMessage("The privacy notice"),
      ),
    dpiaReference: z
      .string({ error: "Enter the reference of the data protection impact assessment" })
      .trim()
      .min(1, "Enter the reference of the data protection impact assessment")
      .max(100, "Enter a reference of 100 characters or fewer")
      .refine((v) => !v || v.length > 100 || hasVisibleText(v), invisibleTextMessage("The reference")),
    // A number typed past 2^53 was told "Enter a whole number of months", though it is one (zod's int() refuses
    // such numbers before their maximum is checked), and words were told to "Enter how many months", as if the
    // box were empty: the first is told the limit (the limit first, whatever else is wrong), the second that it
    // must be a number. (A number too long to hold, read as Infinity, is one past the limit too.)
    retentionMonths: boundedWholeNumber({
      what: "the months to keep answers",
      blank: "Enter how many months answers are kept before they are anonymised",
      nan: "Enter the months to keep answers as a number, like 36",
      // read as the council settings' numbers of days are: "0.5" is told to be whole, not that it is too few
      whole: "Enter a whole number of months",
      min: 1,
      small: "Keep answers for at least 1 month",
      max: MOST_MONTHS,
      large: `Keep answers for no more than ${MOST_MONTHS} months`,
    }),
  })
  // Compared only once each date is a real one: a mistyped opening date is that field's error alone, not also a
  // closing date "before" it. Checked whenever the dates are real, whatever the other fields: an empty privacy
  // notice stopped these checks, so a closing date before the opening one was told only once the notice was given.
  // a cycle that has already closed would open for no one (closing dates are London days, decision 007)
  .refine((v) => !isDay(v.closesOn) || v.closesOn >= londonDayIso(new Date()), {
    path: ["closesOn"],
    when: (payload) => isDay(datesOf(payload.value).closesOn),
    error: () => `The closing date must be today or in the future, for example ${closingExample()}`,
  })
  .refine((v) => !isDay(v.opensOn) || !isDay(v.closesOn) || v.closesOn >= v.opensOn, {
    path: ["closesOn"],
    when: (payload) => {
      const { opensOn, closesOn } = datesOf(payload.value);
      return isDay(opensOn) && isDay(closesOn);
    },
    message: "The closing date must be on or after the opening date",
  });

// the dates of what the cycle schema read so far (a post that is not a form has none)
function datesOf(value: unknown): { opensOn?: unknown; closesOn?: unknown } {
  return typeof value === "object" && value !== null ? value : {};
}

/** The cycle form's fields in the page's order: its error summary lists them so, whichever check found them. */
export const CYCLE_FIELDS = ["opensOn", "closesOn", "privacyNotice", "dpiaReference", "retentionMonths"];

// (the form's dates compare as text)
export { londonDayIso };

export const cycleActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("invite-eligible") }),
    z.object({
      intent: z.literal("invite-email"),
      // a blank address was told it was "in the wrong format"; one pasted with a space around it was refused
      email: z
        .string({ error: "Enter the email address to send the invitation to" })
        .trim()
        .min(1, "Enter the email address to send the invitation to")
        .max(254, "Enter an email address of 254 characters or fewer")
        .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
      // the form's one-off key: sent twice, it is one invitation (absent from a page rendered before keys)
      submissionKey: z
        .string()
        .min(1, `This form's key is missing: ${RELOAD}`)
        .max(100, `This form's key is not one this page made: ${RELOAD}`)
        .optional(),
      // when the page was shown (absent from a page rendered before it was sent)
      shownAt: z.iso.datetime({ error: `This form's time is not one this page gave: ${RELOAD}` }).optional(),
    }),
    // closing is for good, and deletes answers started but never sent: the officer confirms they mean it
    z.object({
      intent: z.literal("close"),
      confirmClose: z.literal("yes", { error: "Confirm that you want to close the survey for good" }),
    }),
    // before its opening day a survey is cancelled (deleted with its invitations) rather than closed
    z.object({
      intent: z.literal("cancel"),
      confirmCancel: z.literal("yes", { error: "Confirm that you want to cancel the survey" }),
    }),
  ],
  {
    error: `Choose "Invite eligible businesses", "Send invitation", "Close the survey" or "Cancel this survey": the form sent none of these, so ${RELOAD}`,
  },
);

// On the council's members page: its admins give or take away the survey role.
export const surveyAccessSchema = z.object({
  intent: z.literal("survey-access", {
    error: `The form did not say to change survey access: ${RELOAD}`,
  }),
  membershipId: z
    .string({ error: `The form did not say whose survey access to change: ${RELOAD}` })
    .max(40, `The form did not name a member of your council: ${RELOAD}`),
  access: z.enum(["grant", "revoke"], { error: "Choose whether they may run the survey" }),
});
