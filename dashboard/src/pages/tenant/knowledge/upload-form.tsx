/**
 * Upload a knowledge document: pick a file, checked in the browser (type and size) before it is
 * sent, then upload it with a progress bar and a cancel button, and say how it was indexed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type ReactNode } from 'react';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { formatCount, formatPercent } from '../../../format/format.ts';
import { useSession } from '../../../session/session.tsx';
import { knowledgeKey } from './documents-table.tsx';
import { ACCEPT, fileProblem, formatBytes, MAX_UPLOAD_BYTES } from './file-rules.ts';
import {
  uploadDocument,
  UploadCancelled,
  type KnowledgeDocument,
  type UploadProgress,
  type XhrFactory,
} from './upload-request.ts';

function ProgressView({
  file,
  progress,
  onCancel,
}: {
  file: File;
  progress: UploadProgress;
  onCancel: () => void;
}): ReactNode {
  const id = useId();
  const sending = progress.loaded < progress.total;
  const ratio = progress.total === 0 ? 0 : progress.loaded / progress.total;
  return (
    <div className="knowledge-progress">
      <label htmlFor={id}>
        {sending
          ? `Uploading ${file.name}: ${formatPercent(ratio)}`
          : `Processing ${file.name}: reading its text and indexing its passages…`}
      </label>
      {sending ? <progress id={id} value={progress.loaded} max={progress.total} /> : <progress id={id} />}
      {sending ? (
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel upload
        </button>
      ) : null}
    </div>
  );
}

function Outcome({ error, done }: { error: unknown; done: KnowledgeDocument | undefined }): ReactNode {
  if (error instanceof UploadCancelled) return <p className="notice notice-warn">Upload cancelled.</p>;
  if (error !== null) return <ErrorNotice error={error} title="Could not upload the document" />;
  if (done === undefined) return null;
  return (
    <p className="notice notice-ok" role="status">
      Added “{done.name}”: {formatCount(done.chunks)} {done.chunks === 1 ? 'passage' : 'passages'} to search.
    </p>
  );
}

/** The upload form of `tenant`'s knowledge; `createXhr` makes the request (tests pass a fake). */
export function UploadForm({ tenant, createXhr }: { tenant: string; createXhr: XhrFactory }): ReactNode {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const cancel = useRef<AbortController | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      cancel.current = new AbortController();
      setProgress({ loaded: 0, total: chosen.size });
      return uploadDocument({
        createXhr,
        url: `/v1/tenants/${encodeURIComponent(tenant)}/knowledge`,
        file: chosen,
        csrfToken: me?.csrfToken,
        onProgress: setProgress,
        signal: cancel.current.signal,
      });
    },
    onSuccess: () => {
      setFile(null);
      setInputKey((key) => key + 1);
    },
    onSettled: async () => {
      setProgress(null);
      await queryClient.invalidateQueries({ queryKey: knowledgeKey(tenant) });
    },
  });
  return (
    <form
      noValidate
      aria-label="Upload a document"
      onSubmit={(event) => {
        event.preventDefault();
        if (file === null) setProblem('Choose a file to upload.');
        else if (problem === undefined && !upload.isPending) upload.mutate(file);
      }}
    >
      <Field
        label="Document"
        hint={`Text (.txt), Markdown (.md) or PDF, up to ${formatBytes(MAX_UPLOAD_BYTES)}. PDFs need a text layer (scans cannot be searched).`}
        error={problem}
      >
        {(control) => (
          <input
            {...control}
            key={inputKey}
            type="file"
            accept={ACCEPT}
            disabled={upload.isPending}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              upload.reset();
              setFile(chosen);
              setProblem(chosen === null ? undefined : fileProblem(chosen));
            }}
          />
        )}
      </Field>
      {progress === null || file === null ? null : (
        <ProgressView
          file={file}
          progress={progress}
          onCancel={() => {
            cancel.current?.abort();
          }}
        />
      )}
      <Outcome error={upload.error} done={upload.data} />
      <div>
        <button type="submit" disabled={upload.isPending || problem !== undefined}>
          {upload.isPending ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </form>
  );
}
