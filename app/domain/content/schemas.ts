// Validation for guidance pages and council settings; no server imports (used by forms too).
import { z } from "zod";
import { FORM_NOT_RECOGNISED } from "~/domain/page-filled-fields.ts";
import { capitalise } from "~/domain/format.ts";
import { councilNameField } from "~/domain/name-field.ts";
import { boundedWholeNumber } from "~/domain/numbers.ts";
import { contrastWithWhite, isHexColour, MIN_CONTRAST_WITH_WHITE, readHexColour } from "./brand-colour.ts";
import {
  directionControlMessage,
  drawnAsTyped,
  hasVisibleText,
  invisibleTextMessage,
} from "./visible-text.ts";

import { GUIDANCE_AUDIENCES } from "./audiences.ts";

export { GUIDANCE_AUDIENCES };

export const guidancePageSchema = z.object({
  title: z
    .string({ error: "Enter a title" })
    .trim()
    .min(1, "Enter a title")
    .max(120, "Title must be 120 characters or fewer")
    // a title of zero-width spaces is not blank to .trim(), and would list the page as a link with no words
    .refine((v) => v === "" || hasVisibleText(v), invisibleTextMessage("The title"))
    // characters that turn the text round made the title read otherwise than typed on the list, the page and the log
    .refine(drawnAsTyped, directionControlMessage("The title")),
  slug: z
    .string({ error: "Enter a web address name" })
    .trim()
    .toLowerCase()
    // spaces only are asked for as an empty field is, not called too short or told which characters to use
    .min(1, { error: "Enter a web address name", abort: true })
    .min(2, "Web address name must be at least 2 characters")
    .max(60, "Web address name must be 60 characters or fewer")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Web address name must only use letters, numbers and hyphens"),
  audience: z.enum(["EVERYONE", "SUPPLIER", "REQUESTOR"], { error: "Select who the page is for" }),
  bodyMarkdown: z
    .string({ error: "Enter the page content" })
    .trim()
    .min(1, "Enter the page content")
    .max(50_000, "Page content must be 50,000 characters or fewer")
    .refine((v) => v === "" || hasVisibleText(v), invisibleTextMessage("The page content")),
  published: z.preprocess((v) => v === "on" || v === true, z.boolean()),
});

// "Yes, delete" sends the version of the page (its updatedAt) the admin was shown, so a colleague's change since
// (a new title, publishing it) is shown before the page goes, not deleted unseen. Missing or malformed (a hand-made
// request, a page from before a change), it is told to reload the page, as any page-filled field is, not zod's own
// "Invalid ISO datetime".
export const guidanceDeleteSchema = z.object({
  version: z.iso.datetime({ precision: 3, error: FORM_NOT_RECOGNISED }),
});

const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

// a number typed past 2^53 was told to be whole as well as within the limit (zod's int()): told only the limit
const wholeDays = (what: string, min: number, max: number) =>
  boundedWholeNumber({
    what,
    nan: `Enter ${what} as a number of days`,
    whole: `Enter ${what} as a whole number of days`,
    min,
    small: `${capitalise(what)} must be ${days(min)} or more`,
    max,
    large: `${capitalise(what)} must be ${days(max)} or fewer`,
  });

// at least 2: the reminder, at least 1 day before the due date, must come after the return opens (below), so a
// return due 1 day after quarter end could never be saved with any reminder
export const RETURN_DUE_DAYS = { min: 2, max: 90 };
const returnDueDays = wholeDays(
  "the days a return is due after quarter end",
  RETURN_DUE_DAYS.min,
  RETURN_DUE_DAYS.max,
);
const reminderDaysBefore = wholeDays("the reminder before the due date", 1, 30);
const reminderDaysSchema = z.object({ returnDueDays, reminderDaysBefore });

export const councilSettingsSchema = z
  .object({
    councilName: councilNameField("Enter the council name"),
    contactEmail: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? null : value),
      z
        .string()
        .trim()
        .max(254, "Contact email address must be 254 characters or fewer")
        .pipe(
          z.email({
            error: "Enter the contact email address in the correct format, like socialvalue@council.gov.uk",
          }),
        )
        .transform((value) => value.toLowerCase())
        .nullable()
        .default(null),
    ),
    returnDueDays,
    reminderDaysBefore,
    overdueReminderDays: wholeDays("the days between overdue reminders", 1, 30),
    brandColour: z
      .string({ error: "Enter a brand colour" })
      .transform(readHexColour)
      .refine(isHexColour, "Enter the brand colour as a hex code, like #1d3d7a")
      .refine(
        (v) => !isHexColour(v) || contrastWithWhite(v) >= MIN_CONTRAST_WITH_WHITE,
        "Brand colour is too light for white text: choose a darker colour (contrast must be at least 4.5 to 1)",
      ),
    proxyValueSource: z
      .string()
      .trim()
      .max(300, "Source of local £ values must be 300 characters or fewer")
      .optional()
      // only characters that show nothing (zero-width spaces) is no source: the figures say "not stated" rather
      // than "Source: " and a blank
      .transform((v) => (v && hasVisibleText(v) ? v : null)),
  })
  .superRefine(
    (v, ctx) => {
      // a return opens when its quarter ends: a reminder due earlier would come with the opening email
      if (v.reminderDaysBefore >= v.returnDueDays)
        ctx.addIssue({
          code: "custom",
          path: ["reminderDaysBefore"],
          message: `The reminder must come after a return opens: send it fewer days before the due date than the ${v.returnDueDays} days a return is due after quarter end`,
        });
    },
    // checked even when other fields are wrong, so every problem shows at once
    { when: (payload) => reminderDaysSchema.safeParse(payload.value).success },
  );
