// Where someone signing up is on their way to, read from the page they were going to: which organisation they
// register first (what an email to someone who already has an account leads past: registering-journey.server.ts). No
// database and nothing of the server here, so the sign-up pages and the account code can ask without loading the
// registration forms' code.

// The kinds of organisation someone can register (the choice of kind, each one's form, the sign-up form's "what
// you came to do" and the confirmation link's `then`): the one list every form and check reads.
export const NEW_ORGANISATION_KINDS = ["vcse", "supplier"] as const;
export type NewOrganisationKind = (typeof NEW_ORGANISATION_KINDS)[number];

// What each registration form registers, in the words of the pages that lead to it
export const REGISTERING: Record<NewOrganisationKind, string> = {
  vcse: "your charity, community group or social enterprise",
  supplier: "your business",
};

const REGISTRATION_FORM = "/organisations/new";

/** The organisation kind someone said at sign-up they would register (`then`), or null for anything else. */
export function registeringKind(then: string | null | undefined): NewOrganisationKind | null {
  return NEW_ORGANISATION_KINDS.find((kind) => kind === then) ?? null;
}

// What someone sent to sign up on the way to `redirectTo` registers first, when that page is a registration form
// (a survey invitation sends someone without an account to register their business, then back to it), or null.
export function registeringOnTheWay(redirectTo: string | null | undefined) {
  const path = redirectTo?.split(/[?#]/)[0];
  if (path === REGISTRATION_FORM) return "your organisation";
  const kind = registeringKind(
    path?.startsWith(`${REGISTRATION_FORM}/`) ? path.slice(REGISTRATION_FORM.length + 1) : null,
  );
  return kind ? REGISTERING[kind] : null;
}

/** Where confirming the address leads someone who signed up on the way to `redirectTo` (a page of this site), or
 * who said they came to register an organisation of kind `then`: the page, that kind's form, or nowhere special. */
export function confirmingLeadsTo(redirectTo: string | null | undefined, then: string | null | undefined) {
  if (redirectTo) return redirectTo;
  const kind = registeringKind(then);
  return kind ? `${REGISTRATION_FORM}/${kind}` : null;
}
