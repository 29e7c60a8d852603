/**
 * The console's building blocks: labelled fields with their error beside
 * them, form-level alerts that keep the server's code for support, loading
 * and empty states, and a confirmation dialog for destructive actions that
 * asks for the resource's name to be typed (GitHub, Supabase).
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { ApiError, SignedOut } from "./api";
import { useSession } from "./session";

/** An error as a person reads it: the server's sentence, and its code kept visible for support. */
export function ErrorText({ error, id }: { error: ApiError | string | null | undefined; id?: string }) {
  if (!error) return null;
  const text = typeof error === "string" ? error : error.message;
  const code = typeof error === "string" ? null : error.code;
  return (
    <p className="field-error" id={id}>
      {text}
      {code ? <span className="code"> (code: {code})</span> : null}
    </p>
  );
}

export function Alert({ error, success }: { error?: ApiError | string | null; success?: string | null }) {
  if (error) {
    return (
      <div className="message error" role="alert">
        {typeof error === "string" ? error : error.message}
        {typeof error !== "string" && error.code ? <span className="code">code: {error.code}</span> : null}
      </div>
    );
  }
  if (success) return <div className="message success" role="status">{success}</div>;
  return null;
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; hint?: string; error?: ApiError | string | null };

export function Field({ label, name, hint, error, ...input }: FieldProps) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      <ErrorText error={error} id={`${id}-error`} />
    </div>
  );
}

export function SelectField({ label, name, error, children, ...select }: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: ApiError | string | null }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {children}
      </select>
      <ErrorText error={error} id={`${id}-error`} />
    </div>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A column heading; a `hidden` one is for screen readers only (the actions column). */
export type Column = string | { label: string; hidden: true };
export const ACTIONS: Column = { label: "Actions", hidden: true };

/**
 * A query's rows as a table, with its states: a spinner until the first answer, the error (or a notice),
 * the empty message once loaded with no rows, else the column headings and one row each from `children`.
 */
export function DataTable<T>(props: {
  query: { data: unknown; loading: boolean; error: ApiError | null };
  rows: T[];
  loadingLabel: string;
  empty: ReactNode;
  /** Shown instead of the query's own error (e.g. an action on a row that failed). */
  error?: ApiError | string | null;
  success?: string | null;
  columns: Column[];
  children: (row: T) => ReactNode;
}) {
  const { query, rows } = props;
  return (
    <>
      {query.loading && !query.data ? <Loading label={props.loadingLabel} /> : null}
      <Alert error={props.error ?? query.error} success={props.success} />
      {query.data && rows.length === 0 ? <Empty>{props.empty}</Empty> : null}
      {rows.length ? (
        <table className="table">
          <thead>
            <tr>
              {props.columns.map((c) =>
                typeof c === "string" ? <th key={c} scope="col">{c}</th> : <th key={c.label} scope="col"><span className="visually-hidden">{c.label}</span></th>,
              )}
            </tr>
          </thead>
          <tbody>{rows.map((row) => props.children(row))}</tbody>
        </table>
      ) : null}
    </>
  );
}

/** Errors become ApiErrors; a lost session signs the user out (the router then asks them to sign in and come back). */
export function useErrorHandler(): (e: unknown) => ApiError {
  const { ended } = useSession();
  return useCallback(
    (e: unknown) => {
      if (e instanceof SignedOut) ended();
      return e instanceof ApiError ? e : new ApiError(null, "Something went wrong. Try again.");
    },
    [ended],
  );
}

/** Runs a query on mount (and on reload()), with loading and error states. */
export function useQuery<T>(run: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => Promise<void> } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const handle = useErrorHandler();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const runner = useCallback(run, deps);
  const reload = useCallback(async () => {
    try {
      setData(await runner());
      setError(null);
    } catch (e) {
      setError(handle(e));
    } finally {
      setLoading(false);
    }
  }, [runner, handle]);
  useEffect(() => {
    setLoading(true);
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}

/** A form's submit: busy while it runs, errors caught into state; the handler returns nothing or throws. */
export function useSubmit(handler: (values: Record<string, string>, form: HTMLFormElement) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const handle = useErrorHandler();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    try {
      await handler(Object.fromEntries(new FormData(form)) as Record<string, string>, form);
    } catch (e) {
      setError(handle(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, onSubmit };
}

/**
 * A modal confirmation (native <dialog>: focus is trapped and Escape closes it). With `typeToConfirm`, the
 * button stays disabled until that exact text is typed.
 */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  typeToConfirm?: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const handle = useErrorHandler();
  const titleId = useId();
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const ready = !props.typeToConfirm || typed === props.typeToConfirm;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={props.onClose}>
      <form
        method="dialog"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!ready || busy) return;
          setBusy(true);
          try {
            await props.onConfirm();
            ref.current?.close();
          } catch (err) {
            setError(handle(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        {props.typeToConfirm ? (
          <Field label={`Type ${props.typeToConfirm} to confirm`} name="confirm" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
        ) : null}
        <Alert error={error} />
        <div className="actions">
          <button type="submit" className="danger" disabled={!ready || busy}>
            {busy ? "Working…" : props.confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The field an INVLD message names ("Please check your input: email must be…"), if any of `fields`. */
export function fieldNamed(error: ApiError | null, fields: string[]): string | null {
  if (!error || error.code !== "INVLD") return null;
  return fields.find((f) => new RegExp(`\\b${f}\\b`, "i").test(error.message)) ?? null;
}

/** The secret, once: a read-only field, a copy button and the warning (Stripe, GitHub). */
export function SecretDialog({ title, secret, onClose }: { title: string; secret: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <p><strong>Copy it now: you won't see it again.</strong> Only a hash is stored.</p>
      <Field label="Secret" name="secret" value={secret} readOnly className="mono" onFocus={(e) => e.currentTarget.select()} />
      <Alert success={copied} />
      <div className="actions">
        <button
          type="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(secret);
              setCopied("Copied to the clipboard.");
            } catch {
              setCopied("Select the secret and copy it yourself: the browser refused the clipboard.");
            }
          }}
        >
          Copy
        </button>
        <button type="button" className="secondary" onClick={() => ref.current?.close()}>Done</button>
      </div>
    </dialog>
  );
}
