// The JSON Schema beside the dataset describes the bundled file, and rejects a wrong shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const read = (p) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(read('../public/data/dataset.schema.json'));

test('the bundled dataset matches its JSON Schema', () => {
  const ok = validate(read('../public/data/kazakhstan-2006.json'));
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

test('the schema rejects a wrong shape and an unknown version', () => {
  assert.equal(validate(read('./fixtures/broken/wrong-shape.json')), false);
  assert.equal(validate(read('./fixtures/broken/unknown-schema-version.json')), false);
});
