#!/usr/bin/env node
'use strict';
// hocr-node decide FILE|- [--address HOST:PORT]: decide one incident (JSON, protobuf JSON mapping)
// and print the decision as JSON. Exit 3 with the field violations on INVALID_ARGUMENT.
const fs = require('node:fs');
const { connect } = require('./index');

async function main(argv) {
  const args = argv.slice(2);
  const at = args.indexOf('--address');
  const address = at >= 0 ? args.splice(at, 2)[1] : (process.env.HOCR_ADDRESS || 'localhost:50051');
  const [command, file] = args;
  if (command !== 'decide' || !file) {
    process.stderr.write('usage: hocr-node decide FILE|- [--address HOST:PORT]\n');
    return 2;
  }
  const incident = JSON.parse(fs.readFileSync(file === '-' ? 0 : file, 'utf8'));
  const client = connect(address, { token: process.env.HOCR_TOKEN });
  try {
    const decision = await client.decide(incident);
    process.stdout.write(JSON.stringify(decision) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(JSON.stringify({ code: err.code, details: err.details, fieldViolations: err.fieldViolations }) + '\n');
    return err.code === 3 ? 3 : 1;
  } finally {
    client.close();
  }
}

main(process.argv).then((code) => { process.exitCode = code; });
