// What a confirmation link that can no longer do anything says when opened (confirm your address, confirm your new
// address): the same words on each page, with that page's own way to a new link (`children`).
import type { ReactNode } from "react";
import { Notice } from "./components.tsx";

const ENDED_LINK_TITLE = "This link no longer works";

/** `cancellable`: the link is for something its holder can call off (a change of email address, cancelled on the
 * account page), which ends the link as well. */
export function EndedLinkNotice({
  children,
  cancellable = false,
}: {
  children: ReactNode;
  cancellable?: boolean;
}) {
  return (
    <Notice kind="error" title={ENDED_LINK_TITLE}>
      It has expired, or has already been used, {cancellable ? "or the change was cancelled, " : ""}or a newer
      link was sent after it. {children}
    </Notice>
  );
}
