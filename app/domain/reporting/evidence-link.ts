// The user name and password an evidence link can carry ("https://jo:Secret1@files.example.com/q1.pdf"). The
// return form refuses such a link (evidenceUrlError), and a link stored before it did is shown, exported and kept
// without them: every reader of a return's links (its lines and the answers kept with each submission) goes
// through withoutCredentials. The migration 20261211090000_evidence_links_without_credentials strips the stored
// ones with the same pattern. Pure: the form's rules use it too.

// As a browser reads a link: leading spaces and control characters dropped, and tabs and line breaks anywhere.
// Then a scheme, any slashes (a browser takes "https:jo:pw@host" and "https:\\jo:pw@host" as "https://jo:pw@host"),
// then everything up to the last "@" before the path, query or fragment: the userinfo, as a browser reads it and
// more (a backslash does not end it here, so "https://host\x@y" counts too: a link nobody means).
const BROWSER_DROPS = /[\t\n\r]/g;
// eslint-disable-next-line no-control-regex -- the control characters a browser drops before a link
const USERINFO = /^[\x00-\x20]*([a-z][a-z0-9+.-]*):[/\\]*[^/?#]*@/i;

/** Whether the link carries a user name or password (or an empty one: "https://@host"). */
export function hasCredentials(link: string): boolean {
  if (USERINFO.test(link.replace(BROWSER_DROPS, ""))) return true;
  try {
    const url = new URL(link);
    return Boolean(url.username || url.password);
  } catch {
    return false;
  }
}

/**
 * The link without its user name and password, to show, export or keep; a link without them as it is. Null
 * for none, and for a link they cannot be taken out of (never shown rather than shown with a password).
 */
export function withoutCredentials(link: string | null): string | null {
  if (link === null || !hasCredentials(link)) return link;
  const stripped = link.replace(BROWSER_DROPS, "").replace(USERINFO, (_, scheme: string) => `${scheme}://`);
  if (!hasCredentials(stripped)) return stripped;
  try {
    // a link the pattern cannot read but a browser can
    const url = new URL(stripped);
    url.username = "";
    url.password = "";
    return hasCredentials(url.href) ? null : url.href;
  } catch {
    return null;
  }
}
