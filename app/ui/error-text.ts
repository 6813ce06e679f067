// What an error page says, by the status answered: the whole site's (root.tsx) and a route's own error page, for the
// errors it does not explain itself, read the same.
export const errorText: Record<number, { title: string; body: string }> = {
  403: {
    title: "You do not have permission to see this page",
    body: "If you think you should, ask your organisation's owner or the council's social value team.",
  },
  404: {
    title: "Page not found",
    body: "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.",
  },
  429: { title: "Too many attempts", body: "Wait a few minutes, then try again." },
};

export const otherErrorText = {
  title: "Sorry, there is a problem with the service",
  body: "Try again later. Nothing you entered has been lost if you saw a confirmation; otherwise please enter it again.",
};

// A request the server refused before any route's own code ran (refusedBeforeRoutes in app/server/http.ts),
// answered 400 or 413 with `{ refusedRequest }` naming which of these it was. By that name, not by status:
// a route answers 400 for a form it cannot parse, and 413 for a field too long to read, and those are not these.
export const refusedRequestText = {
  // an address with a broken escape (/guidance/%ff, a link cut off in the middle of a character): 400
  address: {
    title: "The web address could not be read",
    body: "It may have been cut off or only partly copied. If you typed or pasted it, check it is correct and complete. Otherwise, go to the home page and find the page from there.",
  },
  // a form with a file, over the size limit: 413
  upload: {
    title: "The file is too large",
    body: "Files must be 10 MB or smaller. Go back to the form, choose a smaller file and send the form again.",
  },
  // a form of text only (20 MB pasted into a guidance page), over the size limit: 413
  text: {
    title: "Too much text",
    body: "A form can hold up to 11 MB of text. Go back to the form, shorten the text you entered or pasted, and send the form again.",
  },
};
export type RefusedRequest = keyof typeof refusedRequestText;

// What a route answers, in the error page's words (`{ refused }`, see isRefusal in app/ui/error-page.tsx), for a
// request its own code refused before doing anything with it.
export const routeRefusalText = {
  // a form body that is not the form it claims to be (a multipart body cut off half way): 400 (readForm)
  unreadableForm: {
    title: "The form could not be read",
    body: "It may have been cut off while it was being sent. Nothing was saved. Go back to the form, check what you entered and send it again.",
  },
  // a return's form with a file past what is read through, or sent in a field the return has no line for: 413
  evidenceTooLarge: {
    title: "The file is too large",
    body: "Evidence files must be 10 MB or smaller. Nothing was saved. Go back to the return, choose a smaller file and send the form again.",
  },
  // a return's form with one answer of more than 10 MB of text: 413
  answerTooLong: {
    title: "Too much text",
    body: "One of the answers is far longer than any answer can be. Nothing was saved. Go back to the return, shorten the text you entered or pasted, and send the form again.",
  },
  // an address naming more than one council (?council=a&council=b): 400, as no page can be shown for two at once
  councilNamedTwice: {
    title: "Choose one council",
    body: "The web address names more than one council, and a page can show only one. Go back and follow the link again, or choose the council in the header and open the page from its menu.",
  },
};
export type RouteRefusal = keyof typeof routeRefusalText;
