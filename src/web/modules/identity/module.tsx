import type { WebModule } from "../../app/module-types";
import { AccountPage } from "./pages/account-page";
import { ForgotPasswordPage } from "./pages/forgot-password-page";
import { InvitationPage } from "./pages/invitation-page";
import { ResetPasswordPage } from "./pages/reset-password-page";
import { SignInPage } from "./pages/sign-in-page";

export const identityModule: WebModule = {
  publicRoutes: [
    { path: "anmelden", element: <SignInPage /> },
    { path: "passwort-vergessen", element: <ForgotPasswordPage /> },
    { path: "passwort-neu/:token", element: <ResetPasswordPage /> },
    { path: "einladung/:token", element: <InvitationPage /> },
  ],
  appRoutes: [{ path: "konto", element: <AccountPage /> }],
};
