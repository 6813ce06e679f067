// The schemas of the forms on public pages (signed out), for their actions and loaders only. A `.server`
// module never reaches the browser, so those pages' JavaScript leaves zod out (86 KB gzipped, against a
// 100 KB budget per public page): their forms are checked on the server (decision 019).
import { refusingEasyPasswords } from "./password-strength.server.ts";
import { signUpSchema as signUpFields } from "./schemas.ts";

export {
  emailField,
  forgotPasswordSchema,
  resetPasswordSchema,
  signInSchema,
  verifyEmailSchema,
} from "./schemas.ts";

// a password too easy to guess (their own name or address among the guesses) is refused next to the field, with the
// form's other answers; a reset's is checked against its link's account once the link is found (decision 051)
export const signUpSchema = refusingEasyPasswords(signUpFields);
// the same form with its password not scored, to answer a client that has had too many scored for now
export const signUpSchemaUnscored = signUpFields;

// Conform's zod reader too (each question answered once): imported by a route module, it would take zod to the
// browser with it
export { parseForm } from "~/server/parse-form.server.ts";
