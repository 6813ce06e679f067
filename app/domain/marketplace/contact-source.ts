// Whose address a supplier is given to reach the group whose request it pledged to (requestor-contact.server.ts), and
// how the group itself is told so: the group sees what its suppliers see, and where the address comes from.

/** The group's contact email; else the person who posted the request, while a member; else its owners; else its members. */
export type ContactSource = "organisation" | "poster" | "owners" | "members";

export const CONTACT_SOURCE_FOR_GROUP: Record<ContactSource, string> = {
  organisation: "your group's contact email",
  poster: "the email of the person who posted this request",
  owners: "the email of your group's owners, as the person who posted this request is no longer a member",
  members:
    "the email of your group's members, as it has no owner and the person who posted this request has left",
};
