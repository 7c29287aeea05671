// Deleting remote files so each is gone once, whatever answers are lost: ImageKit's batch delete in hundreds, and
// when a batch's answer is lost (deletes are not retried by the client), each file of it deleted on its own, where a
// 404 means an earlier attempt already did it.
import { type AdminClient, NetworkError, NotFoundError, ServerError, TimeoutError } from "@ikit/admin";

const BATCH = 100;

/**
 * Deletes `fileIds`; resolves when every one is gone, calling `onDeleted` per file.
 *
 * @example
 * ```ts
 * await deleteFiles(admin, ["6b04f1a3c9e2d7b8a1f0c3e2"], (id) => console.log("deleted", id));
 * ```
 */
export async function deleteFiles(
  admin: AdminClient,
  fileIds: readonly string[],
  onDeleted: (fileId: string) => void,
): Promise<void> {
  for (let i = 0; i < fileIds.length; i += BATCH) {
    const batch = fileIds.slice(i, i + BATCH);
    try {
      await admin.deleteFiles(batch);
      for (const id of batch) onDeleted(id);
    } catch (error) {
      const unknown = error instanceof ServerError || error instanceof NetworkError || error instanceof TimeoutError;
      if (!unknown && !(error instanceof NotFoundError)) throw error;
      for (const id of batch) {
        await deleteOne(admin, id);
        onDeleted(id);
      }
    }
  }
}

async function deleteOne(admin: AdminClient, fileId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.deleteFile(fileId);
      return;
    } catch (error) {
      if (error instanceof NotFoundError) return;
      const unknown = error instanceof ServerError || error instanceof NetworkError || error instanceof TimeoutError;
      if (!unknown || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
