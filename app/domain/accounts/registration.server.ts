// What the "register an organisation" forms ask besides the organisation's details: its kind, on the first page,
// and the page to go back to after. Their loader and action are in app/ui/registration-page.server.ts.
import { z } from "zod";
import { pageOfThisSite } from "~/auth/request-context.server.ts";
import { NEW_ORGANISATION_KINDS } from "./registering-journey.ts";

// The page a registration form leads back to (a hidden field it carries from its web address, not part of the
// organisation's details): only ever a page of this site, or none. The choice of kind passes it on too.
export const goingBackTo = {
  redirectTo: z
    .string()
    .max(2000)
    .optional()
    .catch(undefined)
    .transform((to) => pageOfThisSite(to) ?? undefined),
};

// "Register an organisation": the choice of kind, which leads on to that kind's form (and from it back)
export const organisationKindSchema = z.object({
  kind: z.enum(NEW_ORGANISATION_KINDS, { error: "Select the type of organisation" }),
  ...goingBackTo,
});
