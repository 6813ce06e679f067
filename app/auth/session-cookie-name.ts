// The session cookie's name, on its own so the Express server can read it without loading the session module.
export const SESSION_COOKIE = "svm_session";
