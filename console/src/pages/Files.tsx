/**
 * /files: the workspace's files (storage:files.read) through the SDK's Files,
 * UpdateFileVisibility and DeleteFile, and the storage routes over HTTP
 * (docs/storage.md): upload is a multipart POST /storage/v1/files sent with
 * XMLHttpRequest for its progress events, or for files over TUS_THRESHOLD a
 * resumable tus upload to /storage/v1/tus (tus-js-client, 8 MiB chunks, resumed
 * after a dropped connection or a reload of the page); storage:files.write;
 * TOOLG, BADTY, LIMIT and NUNIQ as sentences at the file field. Download asks POST
 * /storage/v1/files/:id/url {download: true} for a short-lived signed link and
 * follows it (the answer is an attachment, so the page stays), the
 * visibility is toggled (storage:files.write), delete asks for the name to be
 * typed (storage:files.delete). Storage used against the plan's limit comes
 * from meterUsage (billing:read). The database refuses all of it without the
 * permission; the page only hides what the user lacks.
 */
import { useState } from "react";
import * as tus from "tus-js-client";
import { DeleteFileDocument, FilesDocument, MeterUsageDocument, UpdateFileVisibilityDocument, type FilesQuery } from "../../../sdk/generated/graphql";
import type { PermissionKey } from "../../../sdk/catalog";
import { ApiError, postWithToken, request, session, SignedOut } from "../api";
import { useSignedIn } from "../session";
import { ACTIONS, Alert, ConfirmDialog, DataTable, Empty, Field, SelectField, useErrorHandler, useQuery } from "../ui";

const READ: PermissionKey = "storage:files.read";
const WRITE: PermissionKey = "storage:files.write";
const DELETE: PermissionKey = "storage:files.delete";

type FileRow = NonNullable<NonNullable<FilesQuery["files"]>["nodes"][number]>;

/** 1536 → "1.5 kB" (powers of 1024, as the quota counts). */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) (v /= 1024), i++;
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The upload refusals as a person reads them; the server's own sentence follows. */
const UPLOAD_ERRORS: Record<string, string> = {
  TOOLG: "This file is larger than this workspace accepts.",
  BADTY: "This kind of file is not accepted here, or its contents do not match its name.",
  LIMIT: "The workspace's storage is full. Delete files or add storage on the billing page.",
  NUNIQ: "A file with this name already exists. Rename the file or delete the other one first.",
  BADNM: "File names may not contain /, \\ or control characters.",
};

interface Uploaded {
  id: string;
  name: string;
}

/** Files larger than this go over tus (resumable, in chunks of this size); smaller ones in one multipart POST. */
export const TUS_THRESHOLD = 8 * 1024 * 1024;

/** The refusal in an answer body `{ error: { code, message } }`, as an ApiError (SignedOut for an expired session). */
function refusal(status: number, body: { error?: { code?: string; message?: string } } | null): Error {
  const code = body?.error?.code ?? null;
  if (code === "TKEXP" || code === "BADTK" || code === "LOGIN") return new SignedOut();
  const human = code ? UPLOAD_ERRORS[code] : undefined;
  const server = body?.error?.message ?? `The server answered ${status}. Try again.`;
  return new ApiError(code, human ? `${human} ${server}` : server, status);
}

/**
 * A resumable upload over tus (docs/storage.md#resumable-uploads-tus): each request carries a fresh access
 * token (a long upload outlives one), an unfinished upload of the same file is resumed where it stopped,
 * and the last PATCH answers the ready file.
 */
function uploadResumable(file: File, visibility: string, onProgress: (fraction: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const up = new tus.Upload(file, {
      endpoint: "/storage/v1/tus",
      chunkSize: TUS_THRESHOLD,
      retryDelays: [0, 1000, 3000, 5000],
      metadata: { filename: file.name, filetype: file.type, visibility },
      removeFingerprintOnSuccess: true,
      onBeforeRequest: async (req) => {
        const token = await session.token();
        if (!token) throw new SignedOut();
        req.setHeader("Authorization", `Bearer ${token}`);
      },
      onProgress: (sent, total) => onProgress(total ? sent / total : 0),
      onSuccess: ({ lastResponse }) => {
        try {
          resolve((JSON.parse(lastResponse.getBody()) as { file: Uploaded }).file);
        } catch {
          resolve({ id: "", name: file.name });
        }
      },
      onError: (err) => {
        const { originalResponse: res, causingError } = err as tus.DetailedError;
        if (causingError instanceof SignedOut) return reject(causingError);
        if (!res) return reject(new ApiError(null, "We could not reach the server. Check your connection and try again."));
        let body = null;
        try {
          body = JSON.parse(res.getBody());
        } catch {
          /* not JSON: the status says it */
        }
        reject(refusal(res.getStatus(), body));
      },
    });
    void up.findPreviousUploads().then((previous) => {
      if (previous[0]) up.resumeFromPreviousUpload(previous[0]);
      up.start();
    });
  });
}

/** POST /storage/v1/files as multipart, reporting progress (0–1); resolves to the stored file or rejects with an ApiError. */
function upload(file: File, visibility: string, token: string, onProgress: (fraction: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/storage/v1/files");
    xhr.setRequestHeader("authorization", `Bearer ${token}`);
    xhr.setRequestHeader("accept", "application/json");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(null, "We could not reach the server. Check your connection and try again."));
    xhr.onload = () => {
      const body = xhr.response as { file?: Uploaded; error?: { code?: string; message?: string } } | null;
      if (xhr.status === 201 && body?.file) return resolve(body.file);
      reject(refusal(xhr.status, body));
    };
    const form = new FormData();
    form.append("name", file.name);
    form.append("visibility", visibility);
    form.append("file", file);
    xhr.send(form);
  });
}

const usageKey = (data: FilesQuery | undefined) =>
  data ? `${data.files?.totalCount}:${(data.files?.nodes ?? []).reduce((sum, f) => sum + Number(f?.sizeBytes ?? 0), 0)}` : "loading";

export function Files() {
  const { can, tenant } = useSignedIn();
  const readable = can(READ);
  const files = useQuery(async () => (readable ? request(FilesDocument, { first: 100 }) : undefined), [tenant?.rowId, readable]);
  return (
    <section aria-labelledby="files-title">
      <div className="page-header">
        <h1 id="files-title">Files</h1>
        <p className="hint">Files stored by {tenant?.name ?? "this workspace"}: private ones are downloaded through short-lived signed links, public ones have a stable URL.</p>
      </div>
      {readable ? (
        <>
          {/* Re-read when the files change (an upload or a delete). */}
          {can("billing:read") ? <StorageUsage key={usageKey(files.data)} /> : null}
          {can(WRITE) ? <UploadForm onUploaded={files.reload} /> : null}
          <FilesTable query={files} />
        </>
      ) : (
        <Empty>Your role does not include the workspace's files (permission {READ}).</Empty>
      )}
    </section>
  );
}

function StorageUsage() {
  const usage = useQuery(() => request(MeterUsageDocument), []);
  const meter = usage.data?.meterUsage?.nodes.find((m) => m?.meter === "storage.bytes");
  if (!meter) return null;
  const used = Number(meter.used);
  const limit = meter.limit === null || meter.limit === undefined ? null : Number(meter.limit);
  return (
    <div className="panel">
      <h2>Storage</h2>
      <p data-testid="storage-usage">
        {bytes(used)} used{limit === null ? " (no limit)" : ` of ${bytes(limit)}`}
      </p>
      {limit ? <progress className="usage-bar" max={limit} value={Math.min(used, limit)} aria-label="Storage used" /> : null}
    </div>
  );
}

function UploadForm({ onUploaded }: { onUploaded: () => Promise<void> }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const handle = useErrorHandler();
  const busy = progress !== null;
  return (
    <form
      className="panel inline-form"
      aria-labelledby="upload-title"
      aria-busy={busy}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return;
        const form = e.currentTarget;
        const chosen = new FormData(form).get("file");
        const file = chosen instanceof File && chosen.name ? chosen : null;
        setDone(null);
        if (!file) return setError(new ApiError(null, "Choose a file to upload."));
        setError(null);
        setProgress(0);
        try {
          const token = await session.token();
          if (!token) throw new SignedOut();
          const visibility = String(new FormData(form).get("visibility") ?? "private");
          const uploaded = file.size > TUS_THRESHOLD ? await uploadResumable(file, visibility, setProgress) : await upload(file, visibility, token, setProgress);
          setDone(`${uploaded.name} was uploaded.`);
          form.reset();
          await onUploaded();
        } catch (err) {
          setError(handle(err));
        } finally {
          setProgress(null);
        }
      }}
    >
      <h2 id="upload-title">Upload a file</h2>
      <Alert success={done} />
      <div className="row">
        <Field label="File" name="file" type="file" error={error} onChange={() => setError(null)} />
        <SelectField label="Visibility" name="visibility" defaultValue="private">
          <option value="private">Private</option>
          <option value="public">Public</option>
        </SelectField>
        <button type="submit" disabled={busy}>{busy ? "Uploading…" : "Upload"}</button>
      </div>
      {busy ? <progress className="usage-bar" max={1} value={progress} aria-label="Upload progress" /> : null}
    </form>
  );
}

function FilesTable({ query }: { query: ReturnType<typeof useQuery<FilesQuery | undefined>> }) {
  const { can } = useSignedIn();
  const [deleting, setDeleting] = useState<FileRow | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const handle = useErrorHandler();
  const rows = (query.data?.files?.nodes ?? []).filter((f): f is FileRow => !!f && f.status === "ready");
  const act = async (id: string, run: () => Promise<void>) => {
    setBusy(id);
    setError(null);
    setNotice(null);
    try {
      await run();
    } catch (e) {
      setError(handle(e));
    } finally {
      setBusy(null);
    }
  };
  const download = (f: FileRow) =>
    act(f.rowId, async () => {
      const link = await postWithToken<{ path: string }>(`/storage/v1/files/${f.rowId}/url`, { download: true });
      // An attachment: the browser saves it and the page stays.
      location.assign(link.path);
    });
  const toggle = (f: FileRow) =>
    act(f.rowId, async () => {
      const next = f.visibility === "public" ? "private" : "public";
      await request(UpdateFileVisibilityDocument, { rowId: f.rowId, visibility: next });
      setNotice(`${f.name} is now ${next}.`);
      await query.reload();
    });
  return (
    <div className="panel">
      <h2>Files</h2>
      <DataTable query={query} rows={rows} loadingLabel="Loading files…" empty="No files yet." error={error} success={notice} columns={["Name", "Size", "Type", "Visibility", "Uploaded by", "Uploaded", ACTIONS]}>
        {(f) => {
          const who = f.membershipByTenantIdAndUploadedBy?.user;
          return (
            <tr key={f.rowId}>
              <td data-label="Name">{f.folder ? <span className="hint">{f.folder}/</span> : null}{f.name}</td>
              <td data-label="Size">{bytes(Number(f.sizeBytes))}</td>
              <td data-label="Type">{f.contentType}</td>
              <td data-label="Visibility">{f.visibility === "public" ? "Public" : "Private"}</td>
              <td data-label="Uploaded by">{who ? who.name || who.email : "—"}</td>
              <td data-label="Uploaded">{when(f.uploadedAt ?? f.createdAt)}</td>
              <td className="actions-cell">
                <button type="button" className="secondary small" disabled={busy === f.rowId} onClick={() => void download(f)} aria-label={`Download ${f.name}`}>Download</button>
                {can(WRITE) ? (
                  <button type="button" className="secondary small" disabled={busy === f.rowId} onClick={() => void toggle(f)} aria-label={`Make ${f.name} ${f.visibility === "public" ? "private" : "public"}`}>
                    {f.visibility === "public" ? "Make private" : "Make public"}
                  </button>
                ) : null}
                {can(DELETE) ? (
                  <button type="button" className="danger small" onClick={() => setDeleting(f)} aria-label={`Delete ${f.name}`}>Delete</button>
                ) : null}
              </td>
            </tr>
          );
        }}
      </DataTable>
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete file"
          typeToConfirm={deleting.name}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await request(DeleteFileDocument, { rowId: deleting.rowId });
            setNotice(`${deleting.name} was deleted.`);
            await query.reload();
          }}
        >
          <p>The file and its links stop working at once, and its space is freed. This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
