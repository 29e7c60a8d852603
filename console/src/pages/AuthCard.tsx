import type { ReactNode } from "react";

/** The centred card of the signed-out pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="card" aria-labelledby="page-title">
      <p className="brand">LogicSpike</p>
      <h1 id="page-title">{title}</h1>
      {children}
    </main>
  );
}
