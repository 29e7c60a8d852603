/**
 * The LogicSpike console: the workspace admin's UI, built on the public API
 * and the typed SDK only (sdk/generated documents, sdk/catalog permissions),
 * as the reference frontend a customer could write. Served by the server at
 * the paths in routes.ts (server/src/pages/console.ts).
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, Link, Navigate, RouterProvider } from "react-router";
import { CONSOLE_EMAIL_ROUTES, CONSOLE_ROUTES } from "./routes";
import { SessionProvider } from "./session";
import { Account } from "./pages/Account";
import { ApiKeys } from "./pages/ApiKeys";
import { Audit } from "./pages/Audit";
import { Billing } from "./pages/Billing";
import { CreateWorkspace } from "./pages/CreateWorkspace";
import { AcceptInvitation, ConfirmEmail, ForgotPassword, MagicLink, Redirect, ResetPassword, VerifyEmail } from "./pages/EmailLinks";
import { Domains } from "./pages/Domains";
import { Files } from "./pages/Files";
import { RequireSession } from "./pages/Shell";
import { Settings } from "./pages/Settings";
import { SignIn } from "./pages/SignIn";
import { SignUp } from "./pages/SignUp";
import { Team } from "./pages/Team";
import { Webhooks } from "./pages/Webhooks";
import "./styles.css";

function NotFound() {
  return (
    <section className="narrow">
      <h1>Page not found</h1>
      <p><Link to={CONSOLE_ROUTES.team}>Go to your team</Link></p>
    </section>
  );
}

const router = createBrowserRouter([
  { path: CONSOLE_ROUTES.login, element: <SignIn /> },
  { path: CONSOLE_ROUTES.signup, element: <SignUp /> },
  { path: CONSOLE_EMAIL_ROUTES.verifyEmail, element: <VerifyEmail /> },
  { path: CONSOLE_EMAIL_ROUTES.resetPassword, element: <ResetPassword /> },
  { path: CONSOLE_EMAIL_ROUTES.forgotPassword, element: <ForgotPassword /> },
  { path: CONSOLE_EMAIL_ROUTES.confirmEmail, element: <ConfirmEmail /> },
  { path: CONSOLE_EMAIL_ROUTES.magicLink, element: <MagicLink /> },
  { path: CONSOLE_EMAIL_ROUTES.acceptInvitation, element: <AcceptInvitation /> },
  { path: CONSOLE_EMAIL_ROUTES.signIn, element: <Redirect to={CONSOLE_ROUTES.login} /> },
  { path: CONSOLE_EMAIL_ROUTES.signUp, element: <Redirect to={CONSOLE_ROUTES.signup} /> },
  {
    path: CONSOLE_ROUTES.home,
    element: <RequireSession />,
    children: [
      { index: true, element: <Navigate to={CONSOLE_ROUTES.team} replace /> },
      { path: CONSOLE_ROUTES.team, element: <Team /> },
      { path: CONSOLE_ROUTES.settings, element: <Settings /> },
      { path: CONSOLE_ROUTES.apiKeys, element: <ApiKeys /> },
      { path: CONSOLE_ROUTES.webhooks, element: <Webhooks /> },
      { path: CONSOLE_ROUTES.billing, element: <Billing /> },
      { path: CONSOLE_ROUTES.audit, element: <Audit /> },
      { path: CONSOLE_ROUTES.files, element: <Files /> },
      { path: CONSOLE_ROUTES.domains, element: <Domains /> },
      { path: CONSOLE_ROUTES.account, element: <Account /> },
      { path: CONSOLE_ROUTES.newWorkspace, element: <CreateWorkspace /> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
