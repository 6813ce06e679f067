// The councils on the marketplace and how to reach each one's social value team: the accessibility statement and
// the privacy notice tell readers to contact their council, and must say how.
export type CouncilContact = { id: string; name: string; contactEmail: string | null };

/** Who the privacy notice names as the data controllers: the councils on this marketplace, one or several, whether
 * or not they work together as a partnership ("the councils of the partnership" assumed they did). */
export function dataControllers(councils: { name: string }[]) {
  return councils.length === 1
    ? `${councils[0].name} is the data controller for the personal information held in the Social Value Marketplace.`
    : "The councils that use the Social Value Marketplace, listed under “Contact your council” below, are the data controllers for the personal information held in it.";
}

export function CouncilContacts({ councils }: { councils: CouncilContact[] }) {
  if (councils.length === 0) return null;
  return (
    <ul className="list-disc space-y-1 pl-6">
      {councils.map((council) => (
        <li key={council.id}>
          {council.name}:{" "}
          {council.contactEmail ? (
            <a href={`mailto:${council.contactEmail}`}>{council.contactEmail}</a>
          ) : (
            "no address given here yet; contact the council through its own website"
          )}
        </li>
      ))}
    </ul>
  );
}
