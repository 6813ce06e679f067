// What the account forms and pages show, without zod: the browser code of public pages (sign-in, sign-up,
// invitations) imports these, and must stay within the JavaScript budget (decision 019).

// NCSC / NIST advice: a length rule, no composition rules; 128 caps the hashing work.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
// one too easy to guess is refused (decision 051): the hint says how to choose one that is not
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN} characters. A few random words together make a strong password you can remember.`;

export const MEMBER_ROLES_BY_KIND = {
  COUNCIL: ["ADMIN", "OFFICER"],
  SUPPLIER: ["OWNER", "MEMBER"],
  VCSE: ["OWNER", "MEMBER"],
} as const;

export const ROLE_LABEL = { ADMIN: "Admin", OFFICER: "Officer", OWNER: "Owner", MEMBER: "Member" } as const;

export const KIND_LABEL = {
  COUNCIL: "Council",
  SUPPLIER: "Supplier",
  VCSE: "Voluntary or community group (VCSE)",
} as const;

export const STATUS_LABEL = { PENDING: "Pending", VERIFIED: "Verified", REJECTED: "Rejected" } as const;

// One message whatever was wrong, so the form never reveals which addresses have accounts.
export const SIGN_IN_FAILED = "Incorrect email or password";

// A current password typed to confirm a change, that is not the account's.
export const CURRENT_PASSWORD_INCORRECT = "Your current password is incorrect";

// The council chosen on registering, missing or not a council: in each form's words ("Council area" on the VCSE
// form, "Council you supply" on the supplier's)
export const VCSE_COUNCIL_MISSING = "Select the council area you work in";
export const SUPPLIER_COUNCIL_MISSING = "Select the council you supply";
