import path from 'node:path';
import { parseRegistryLocation, UnknownRegistryError } from '../../src/registry/factory.js';
import { aliasProblem, modelNameProblem } from '../../src/registry/names.js';

describe('model names: one path segment that every backend accepts (GTO is the strictest)', () => {
  test.each(['iris', 'iris-rf', 'rf2', 'a', '7', 'x'.repeat(100)])('%s is valid', (name) => {
    expect(modelNameProblem(name)).toBeNull();
  });
  test.each([
    ['iris/versions/1', 'one name part'],
    ['iris/aliases/production.json', 'one name part'],
    ['team/iris', 'one name part'],
    ['..', 'lowercase letters, digits and -'],
    ['.', 'lowercase letters, digits and -'],
    ['iris/../x', 'one name part'],
    ['my model', 'lowercase letters, digits and -'],
    ['Iris', 'lowercase letters, digits and -'],
    ['iris_v2', 'lowercase letters, digits and -'],
    ['iris.v2', 'lowercase letters, digits and -'],
    ['-iris', 'start and end with a letter or digit'],
    ['iris-', 'start and end with a letter or digit'],
    ['iris;rm', 'lowercase letters, digits and -'],
    ['', 'is empty'],
    ['x'.repeat(101), 'longer than 100'],
  ])('%j is refused: %s', (name, why) => {
    expect(modelNameProblem(name)).toContain(why);
  });
});

describe('aliases', () => {
  test.each(['staging', 'production', 'prod-eu', 'canary_2'])('%s is a plain word', (alias) => expect(aliasProblem(alias)).toBeNull());
  test.each(['', '2prod', 'prod eu', 'prod/eu', 'prod#1', 'prod;x', 'a'.repeat(65)])('%j is not', (alias) => expect(aliasProblem(alias)).not.toBeNull());
});

describe('parseRegistryLocation', () => {
  const ws = '/work/space';
  test.each([
    ['', { kind: 'store', location: { kind: 'folder', path: path.join(ws, '.mlops-ci', 'registry') } }],
    ['registry', { kind: 'store', location: { kind: 'folder', path: path.join(ws, 'registry') } }],
    ['/abs/reg', { kind: 'store', location: { kind: 'folder', path: '/abs/reg' } }],
    ['file:///abs/reg', { kind: 'store', location: { kind: 'folder', path: '/abs/reg' } }],
    ['s3://models', { kind: 'store', location: { kind: 's3', bucket: 'models', prefix: '', url: 's3://models/' } }],
    ['s3://models/team/reg/', { kind: 'store', location: { kind: 's3', bucket: 'models', prefix: 'team/reg/', url: 's3://models/team/reg/' } }],
    ['gs://models/reg', { kind: 'store', location: { kind: 'gcs', bucket: 'models', prefix: 'reg/', url: 'gs://models/reg/' } }],
    ['azure://models/reg', { kind: 'store', location: { kind: 'azure', bucket: 'models', prefix: 'reg/', url: 'azure://models/reg/' } }],
    ['mlflow+http://127.0.0.1:5000', { kind: 'mlflow', baseUrl: 'http://127.0.0.1:5000' }],
    ['mlflow+https://mlflow.example.com/prefix/', { kind: 'mlflow', baseUrl: 'https://mlflow.example.com/prefix' }],
    ['git-tags', { kind: 'git-tags', repo: ws }],
    ['git-tags:models-repo', { kind: 'git-tags', repo: path.join(ws, 'models-repo') }],
  ])('%j', (value, expected) => {
    expect(parseRegistryLocation(value, ws)).toEqual(expected);
  });

  test.each(['azure://My_Container/x', 'gs://A_B/x', 'http://host/x', 'mlflow://host', 's3://A_B/x'])('%j is refused', (value) => {
    expect(() => parseRegistryLocation(value, ws)).toThrow(UnknownRegistryError);
  });
});
