'use strict';
// Runs against a real server: HOCR_ADDRESS (host:port), HOCR_CASES (a JSON file of
// [{name, incident, expected: {outcome, crimes: [{classification, hoCode, victim, flags}], recordBy}}]
// written by tests/test_node_client.py from the Python CLI's decisions) and HOCR_INVALID (an invalid
// incident, with the field path the service must name).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { connect } = require('..');

const address = process.env.HOCR_ADDRESS;
const cases = JSON.parse(fs.readFileSync(process.env.HOCR_CASES, 'utf8'));
const invalid = JSON.parse(fs.readFileSync(process.env.HOCR_INVALID, 'utf8'));
const client = connect(address, { token: process.env.HOCR_TOKEN });
test.after(() => client.close());

const summary = (d) => ({
  outcome: d.outcome.replace(/^OUTCOME_/, ''),
  crimes: d.crimes.map((c) => ({ classification: c.classification, hoCode: c.hoCode, victim: c.victim,
    flags: c.flags.map((f) => f.name).sort() })),
  recordBy: d.recordBy,
});

test('health reports SERVING', async () => {
  const reply = await client.health();
  assert.equal(reply.status, 'SERVING');
});

for (const c of cases) {
  test(`Decide gives the CLI's decision: ${c.name}`, async () => {
    const decision = await client.decide(c.incident, { asOf: c.asOf });
    assert.deepEqual(summary(decision), c.expected);
  });
}

test('DecideBatch gives one result per incident, in order, each the CLI decision', async () => {
  const reply = await client.decideBatch(cases.map((c) => c.incident));
  assert.equal(reply.results.length, cases.length);
  reply.results.forEach((r, i) => {
    assert.equal(r.result, 'decision', `item ${i} has no decision: ${JSON.stringify(r.error)}`);
    assert.deepEqual({ ...summary(r.decision) }, cases[i].expected);
  });
});

test('an invalid payload is INVALID_ARGUMENT with google.rpc.BadRequest field violations', async () => {
  await assert.rejects(client.decide(invalid.incident), (err) => {
    assert.equal(err.code, 3); // INVALID_ARGUMENT
    const fields = err.fieldViolations.map((v) => v.field);
    assert.ok(fields.includes(invalid.field), `expected ${invalid.field} among ${JSON.stringify(fields)}`);
    return true;
  });
});
