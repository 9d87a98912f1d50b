import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { files } from "./files.tables";

export type ImageContentType = "image/jpeg" | "image/png" | "image/webp";

/** A stored file as read back, with the bytes. */
export interface StoredFile {
  id: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  data: Buffer;
  createdAt: Date;
}

function startsWith(data: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return data.length >= offset + signature.length && signature.every((byte, i) => data[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");

/**
 * The image type the bytes really are, from their signature, or null for anything else. The content type a
 * client declares is only a claim; a script or an HTML page sent as "image/png" must not be stored and later
 * served as a picture.
 */
export function detectImageType(data: Uint8Array): ImageContentType | null {
  if (startsWith(data, JPEG)) return "image/jpeg";
  if (startsWith(data, PNG)) return "image/png";
  if (startsWith(data, RIFF) && startsWith(data, WEBP, 8)) return "image/webp";
  return null;
}

/**
 * Stores bytes for an organisation and returns the new file's id. Call it with the transaction that links
 * the file to its owner, so that no file exists without one.
 */
export async function storeFile(
  tx: Executor,
  input: { organisationId: string; contentType: string; data: Buffer; createdByUserId: string | null },
): Promise<{ id: string; byteSize: number; sha256: string }> {
  const sha256 = createHash("sha256").update(input.data).digest("hex");
  const [row] = await tx
    .insert(files)
    .values({
      organisationId: input.organisationId,
      contentType: input.contentType,
      byteSize: input.data.byteLength,
      sha256,
      data: input.data,
      createdByUserId: input.createdByUserId,
    })
    .returning({ id: files.id, byteSize: files.byteSize, sha256: files.sha256 });
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** A file of the organisation with its bytes, or null when there is none with this id in it. */
export async function readFile(db: Executor, organisationId: string, id: string): Promise<StoredFile | null> {
  const [row] = await db
    .select({
      id: files.id,
      contentType: files.contentType,
      byteSize: files.byteSize,
      sha256: files.sha256,
      data: files.data,
      createdAt: files.createdAt,
    })
    .from(files)
    .where(and(eq(files.organisationId, organisationId), eq(files.id, id)));
  return row ?? null;
}

/** Deletes a file of the organisation; false when there was none with this id in it. */
export async function deleteFile(tx: Executor, organisationId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(files)
    .where(and(eq(files.organisationId, organisationId), eq(files.id, id)))
    .returning({ id: files.id });
  return rows.length > 0;
}
