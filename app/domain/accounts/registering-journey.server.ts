// What an email to someone who already has an account leads past on their way somewhere (registering-journey.ts says
// what they were to register): the server's half, as it reads the page beyond through pageOfThisSite.
import { pageOfThisSite } from "~/auth/request-context.server.ts";
import { registeringOnTheWay } from "./registering-journey.ts";

// The page beyond `redirectTo` when that is a registration form (its own `redirectTo`, only ever a page of this
// site), or `redirectTo` itself: someone who already has an account may have a business too, so an email to them
// leads past the form, to the page it would have led back to (which offers registering if they have none).
export function pastRegistering(redirectTo: string | undefined) {
  if (!redirectTo || !registeringOnTheWay(redirectTo)) return redirectTo;
  const query = redirectTo.split("#")[0]!.split("?")[1] ?? "";
  return pageOfThisSite(new URLSearchParams(query).get("redirectTo")) ?? undefined;
}
