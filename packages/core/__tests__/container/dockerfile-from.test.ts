import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseImages, expandVariables } from '../../src/container/dockerfile-from.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

const NO_ARGS = new Map<string, string>();

describe('baseImages', () => {
  test('lists FROM references, not earlier stages or scratch; instructions in any case', () => {
    expect(baseImages('FROM python:3.12 AS build\nRUN x\nFROM --platform=linux/amd64 build AS final\nFROM scratch\nfrom debian:12\n', NO_ARGS)).toEqual(['python:3.12', 'debian:12']);
  });

  test('a global ARG default is used in FROM', () => {
    expect(baseImages('ARG BASE_IMAGE=python:3.11-slim\nFROM ${BASE_IMAGE}\n', NO_ARGS)).toEqual(['python:3.11-slim']);
    expect(baseImages('ARG BASE_IMAGE=python:3.11-slim\nFROM $BASE_IMAGE\n', NO_ARGS)).toEqual(['python:3.11-slim']);
  });

  test("the iris example's Dockerfile names its base through ARG BASE_IMAGE", () => {
    const text = readFileSync(path.join(ROOT, 'examples', 'iris', 'Dockerfile'), 'utf8');
    expect(baseImages(text, NO_ARGS)).toEqual(['debian:bookworm-slim']);
    expect(baseImages(text, new Map([['BASE_IMAGE', 'mlops-ci-python:bookworm']]))).toEqual(['mlops-ci-python:bookworm']);
  });

  test('a build arg overrides the default', () => {
    expect(baseImages('ARG BASE_IMAGE=python:3.11-slim\nFROM ${BASE_IMAGE}\n', new Map([['BASE_IMAGE', 'debian:12']]))).toEqual(['debian:12']);
  });

  test('a build arg for an ARG the Dockerfile does not declare before FROM is not seen by FROM', () => {
    const text = 'FROM python:${TAG:-3.12}\nARG TAG=3.9\n';
    expect(baseImages(text, new Map([['OTHER', 'x']]))).toEqual(['python:3.12']);
    expect(baseImages('FROM alpine AS a\nARG TAG=3.9\nFROM python:${TAG:-3.12}\n', NO_ARGS)).toEqual(['alpine', 'python:3.12']);
  });

  test('${VAR:-default} and ${VAR:+alt}, with nested variables in the word', () => {
    const text = 'ARG REG=registry.local\nARG TAG\nARG EMPTY=\nFROM ${REG:+${REG}/}python:${TAG:-3.12}\nFROM debian:${EMPTY:-12}\nFROM alpine:${EMPTY-3.20}\n';
    expect(baseImages(text, NO_ARGS)).toEqual(['registry.local/python:3.12', 'debian:12', 'alpine:']);
    expect(baseImages(text, new Map([['REG', ''], ['TAG', '3.9']]))).toEqual(['python:3.9', 'debian:12', 'alpine:']);
  });

  test('an ARG default may use the ARGs declared above it; quotes are removed', () => {
    expect(baseImages('ARG VERSION="3.11"\nARG BASE=python:${VERSION}-slim\nFROM $BASE\n', NO_ARGS)).toEqual(['python:3.11-slim']);
    expect(baseImages('ARG VERSION="3.11"\nARG BASE=python:${VERSION}-slim\nFROM $BASE\n', new Map([['VERSION', '3.13']]))).toEqual(['python:3.13-slim']);
  });

  test('line continuations and comments, --platform with a variable', () => {
    const text = '# syntax=docker/dockerfile:1\n# the base\nARG BASE=debian \\\n  TAG=bookworm\nFROM \\\n  # a comment inside the instruction\n  --platform=$BUILDPLATFORM ${BASE}:${TAG} \\\n  AS builder\nFROM builder\n';
    expect(baseImages(text, NO_ARGS)).toEqual(['debian:bookworm']);
  });

  test('a stage is named after expansion and matched without case', () => {
    expect(baseImages('ARG STAGE=Builder\nFROM golang:1.22 AS builder\nFROM ${STAGE}\n', NO_ARGS)).toEqual(['golang:1.22']);
  });

  test('the escape directive changes what makes a $ literal', () => {
    expect(baseImages('# escape=`\nARG TAG=1\nFROM img:`$TAG\n', NO_ARGS)).toEqual(['img:$TAG']);
  });

  test('an ARG with no value and no build arg leaves FROM with no image: a clear error', () => {
    expect(() => baseImages('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n', NO_ARGS)).toThrow('FROM ${BASE_IMAGE} names no image: give its ARG a default or a value in build-args');
    expect(baseImages('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n', new Map([['BASE_IMAGE', 'alpine']]))).toEqual(['alpine']);
  });
});

describe('expandVariables', () => {
  const scope = new Map([['A', 'a'], ['EMPTY', '']]);
  test.each([
    ['$A-x', 'a-x'],
    ['${A}_x', 'a_x'],
    ['$UNSET.', '.'],
    ['${UNSET:-d}', 'd'],
    ['${UNSET-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${A:-d}', 'a'],
    ['${A:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${UNSET:-${A}/b}', 'a/b'],
    ['\\$A', '$A'],
    ['cost $5', 'cost $5'],
    ['${A#x}', '${A#x}'],
    ['${A', '${A'],
  ])('%p → %p', (text, expanded) => expect(expandVariables(text, scope)).toBe(expanded));
});
