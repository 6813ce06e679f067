// Left on the browser that deleted an account. "Delete my account" sent again from another tab arrives after the
// first deletion signed this browser out, with no session to say whose it was, and is sent to sign in: this cookie
// lets that page say the account has been deleted instead of saying nothing. It names nobody, and signing in ends it.
import { parse, serialize } from "cookie";
import { cookieIsSecure } from "./session.server.ts";

const ACCOUNT_DELETED_COOKIE = "svm_account_deleted";
const LIFETIME_SECONDS = 24 * 60 * 60; // a tab left open overnight

function accountDeleted(value: string, maxAge: number) {
  return serialize(ACCOUNT_DELETED_COOKIE, value, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: cookieIsSecure(),
    maxAge,
  });
}

export const accountDeletedCookie = () => accountDeleted("1", LIFETIME_SECONDS);
export const clearAccountDeletedCookie = () => accountDeleted("", 0);

export function accountDeletedHere(request: Request) {
  const header = request.headers.get("cookie");
  return header ? parse(header)[ACCOUNT_DELETED_COOKIE] === "1" : false;
}
