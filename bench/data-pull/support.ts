/** What the data-pull benches share: the dataset they upload and how they summarise runs. */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import type { S3Server } from '../../test/support/s3-server.js';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `count` random objects of `size` bytes under `prefix`, 100 to a folder (`d07/f000107.bin`), 32 uploads at a time. */
export async function upload(server: S3Server, bucket: string, prefix: string, count: number, size: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      await server.client.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}d${String(i % 100).padStart(2, '0')}/f${String(i).padStart(6, '0')}.bin`, Body: randomBytes(size) }));
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}
