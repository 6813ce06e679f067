// On a form that sets a new password: the account it is for, hidden, so a password manager saves the new password
// under the right address (WCAG 2.2's accessible authentication relies on them). Never sent as part of the change.
export function AccountForPasswordManagers({ email }: { email: string | null }) {
  return email ? <input type="email" autoComplete="username" defaultValue={email} hidden readOnly /> : null;
}
