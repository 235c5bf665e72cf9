// Plain types without zod: the sign-in page reads them (see role-names.ts for why zod stays out of it).
/** What the sign-in page needs to know about single sign-on: never a secret. */
export interface TSsoStatus {
  oidc: {
    enabled: boolean;
    /** The button's words: "Sign in with <label>". */
    label: string;
    startUrl: string;
    passwordSignIn: boolean;
  };
}
