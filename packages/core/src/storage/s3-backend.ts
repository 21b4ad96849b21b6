import { S3BlobStore } from '../registry/s3-blob-store.js';
import type { StoreBackend } from './backends.js';
import { S3Store } from './s3.js';

/** S3 and S3-compatible stores (versitygw, MinIO, Ceph) through @aws-sdk/client-s3. */
export const s3Backend: StoreBackend<'s3'> = {
  readStore: (location, options) => new S3Store({ ...options, bucket: location.bucket }),
  writeStore: (location, options) => new S3BlobStore({ bucket: location.bucket, prefix: location.prefix, endpoint: options.endpoint ?? '', env: options.env }),
};
