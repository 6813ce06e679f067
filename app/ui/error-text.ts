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
