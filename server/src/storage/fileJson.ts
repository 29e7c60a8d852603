/** The JSON shape of a file in REST answers (camelCase, like GraphQL's File type). */
export const FILE_COLUMNS = "id, folder, name, content_type, size_bytes, checksum_sha256, visibility, status, uploaded_by, created_at, uploaded_at";

export function fileJson(r: Record<string, unknown>) {
  return {
    id: r.id, folder: r.folder, name: r.name, contentType: r.content_type, sizeBytes: Number(r.size_bytes),
    checksumSha256: r.checksum_sha256, visibility: r.visibility, status: r.status, uploadedBy: r.uploaded_by,
    createdAt: r.created_at, uploadedAt: r.uploaded_at,
  };
}
