// The forms in a member's row of the members table. Each sends the member's membership id with its intent and
// shows its refusal above its field or button (row-errors.tsx); "Remove" leads to a question first.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ROLE_LABEL } from "~/domain/accounts/schemas.ts";
import { Form } from "~/ui/form-for.tsx";
import { describedBy, invalid, RowError, rowFieldId, type RowErrors } from "./row-errors.tsx";

type Role = keyof typeof ROLE_LABEL;

function MemberForm({
  membershipId,
  errorId,
  errors,
  className,
  children,
}: {
  membershipId: string;
  errorId: string;
  errors: RowErrors;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={className}>
      <RowError id={errorId} errors={errors[errorId]} />
      <input type="hidden" name="membershipId" value={membershipId} />
      {children}
    </Form>
  );
}

/** One button acting on a member: granting or revoking one of their accesses. */
export function MemberButton({
  membershipId,
  intent,
  access,
  errors,
  className,
  children,
}: {
  membershipId: string;
  intent: "partnership-access" | "survey-access";
  access?: "grant" | "revoke";
  errors: RowErrors;
  className: string;
  children: ReactNode;
}) {
  const id = rowFieldId(intent, membershipId);
  return (
    <MemberForm membershipId={membershipId} errorId={id} errors={errors}>
      {access ? <input type="hidden" name="access" value={access} /> : null}
      <button
        type="submit"
        id={id}
        name="intent"
        value={intent}
        {...describedBy(id, errors)}
        className={className}
      >
        {children}
      </button>
    </MemberForm>
  );
}

/** "Remove" beside a member: it leads to the question asking whether to (route.tsx), working without JavaScript. */
export function RemoveLink({
  organisationId,
  member,
  errors,
}: {
  organisationId: string;
  member: { id: string; name: string };
  errors: RowErrors;
}) {
  const id = rowFieldId("remove", member.id);
  return (
    <div>
      <RowError id={id} errors={errors[id]} />
      <Link
        id={id}
        to={`/organisations/${organisationId}?remove=${encodeURIComponent(member.id)}`}
        {...describedBy(id, errors)}
        className="text-error underline"
      >
        Remove<span className="sr-only"> {member.name}</span>
      </Link>
    </div>
  );
}

/** A member's role, to change; `role` is the one shown chosen (a refused choice is shown again). */
export function RoleForm({
  member,
  role,
  roles,
  errors,
}: {
  member: { id: string; name: string };
  role: string;
  roles: readonly Role[];
  errors: RowErrors;
}) {
  const id = rowFieldId("role", member.id);
  return (
    <MemberForm
      membershipId={member.id}
      errorId={id}
      errors={errors}
      className={`flex flex-wrap items-center gap-2 ${errors[id] ? "border-l-4 border-error pl-2" : ""}`}
    >
      <label htmlFor={id} className="sr-only">
        Role for {member.name}
      </label>
      <select
        id={id}
        key={role}
        name="role"
        defaultValue={role}
        {...invalid(id, errors)}
        className="border-2 border-ink bg-white px-2 py-1 aria-[invalid=true]:border-error"
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABEL[option]}
          </option>
        ))}
      </select>
      <button type="submit" name="intent" value="change-role" className="underline">
        Change role<span className="sr-only"> for {member.name}</span>
      </button>
    </MemberForm>
  );
}
