import { createContext, useContext } from "react";

// The per-request CSP nonce for Remix's inline scripts (set by the Express server).
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
