import { NEW_PASSWORD_HINT } from "~/domain/accounts/labels.ts";
import { TextInput } from "~/ui/form.tsx";

// On a form that sets a new password: the account it is for, hidden, so a password manager saves the new password
// under the right address (WCAG 2.2's accessible authentication relies on them). Never sent as part of the change.
export function AccountForPasswordManagers({ email }: { email: string | null }) {
  return email ? <input type="email" autoComplete="username" defaultValue={email} hidden readOnly /> : null;
}

type FieldErrors = { name: string; key: string | undefined; errors: string[] | undefined };

/** The new password and its confirmation, as every form that sets one asks for them. */
export function NewPasswordFields({ password, confirm }: { password: FieldErrors; confirm: FieldErrors }) {
  return (
    <>
      <TextInput
        name={password.name}
        key={password.key}
        label="New password"
        hint={NEW_PASSWORD_HINT}
        errors={password.errors}
        type="password"
        autoComplete="new-password"
      />
      <TextInput
        name={confirm.name}
        key={confirm.key}
        label="Confirm new password"
        errors={confirm.errors}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
