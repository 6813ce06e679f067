// The schemas of the forms on public pages (signed out), for their actions and loaders only. A `.server`
// module never reaches the browser, so those pages' JavaScript leaves zod out (86 KB gzipped, against a
// 100 KB budget per public page): their forms are checked on the server (decision 019).
export {
  emailField,
  forgotPasswordSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
  verifyEmailSchema,
} from "./schemas.ts";
// Conform's zod reader too (each question answered once): imported by a route module, it would take zod to the
// browser with it
export { parseForm } from "~/server/parse-form.server.ts";
