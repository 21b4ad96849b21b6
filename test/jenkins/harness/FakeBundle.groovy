package harness

import groovy.json.JsonOutput

/**
 * A tiny stand-in for the mlops-ci bundle, laid out as the library ships the real one
 * (resources/io/mlopsci/dist/: manifest.json, the entry mlops-ci.mjs, an ESM chunk, a binary asset).
 *
 * Run by node, the entry plays the bundle's side of the contract: it writes as outputs what it
 * received (step name, raw MLOPS_CI_INPUTS, a hash of each secret variable, the chunk's word),
 * and when the input `exit-code` is given, writes error details and exits with it.
 */
class FakeBundle {

    static final String DIST = 'io/mlopsci/dist'
    static final List<String> FILES = ['mlops-ci.mjs', '100.index.js', 'assets/blob.bin']

    /** Bytes 0..255: survive only if the asset travels as Base64, not as text. */
    static final byte[] BLOB = (0..255).collect { it as byte } as byte[]

    static final String ENTRY = '''\
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { chunkWord } from './100.index.js';

const env = process.env;
const sha256 = (text) => (text === undefined ? '' : createHash('sha256').update(text, 'utf8').digest('hex'));
const inputs = JSON.parse(env.MLOPS_CI_INPUTS ?? '{}');
const outputs = {
  step: process.argv[2] ?? '',
  'argument-count': String(process.argv.length - 2),
  'inputs-json': env.MLOPS_CI_INPUTS ?? '',
  chunk: chunkWord,
  'github-token-sha256': sha256(env.MLOPS_CI_SECRET_GITHUB_TOKEN),
  'aws-access-key-id-sha256': sha256(env.AWS_ACCESS_KEY_ID),
  'aws-secret-access-key-sha256': sha256(env.AWS_SECRET_ACCESS_KEY),
};
writeFileSync(env.MLOPS_CI_OUTPUTS, JSON.stringify(outputs));
const exitCode = Number(inputs['exit-code'] ?? 0);
if (exitCode !== 0) {
  const category = exitCode === 2 ? 'input' : exitCode === 3 ? 'gate' : 'failure';
  writeFileSync(env.MLOPS_CI_ERROR_FILE, JSON.stringify({ message: inputs.message ?? 'fake failure', category, exitCode }));
}
process.exit(exitCode);
'''

    static final String CHUNK = "export const chunkWord = 'loaded as ESM';\n"

    /** Writes the fake bundle under `resourcesRoot` and returns `resourcesRoot`. */
    static File write(File resourcesRoot) {
        File dist = new File(resourcesRoot, DIST)
        new File(dist, 'assets').mkdirs()
        new File(dist, 'manifest.json').setText(JsonOutput.toJson(FILES), 'UTF-8')
        new File(dist, 'mlops-ci.mjs').setText(ENTRY, 'UTF-8')
        new File(dist, '100.index.js').setText(CHUNK, 'UTF-8')
        new File(dist, 'assets/blob.bin').bytes = BLOB
        return resourcesRoot
    }

}
