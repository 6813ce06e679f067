// The councils of the partnership and how to reach each one's social value team: the accessibility statement and
// the privacy notice tell readers to contact their council, and must say how.
export type CouncilContact = { id: string; name: string; contactEmail: string | null };

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
