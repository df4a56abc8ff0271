'use strict';
// A small client for the HOCR decision service (hocr.v1.DecisionService) on @grpc/grpc-js.
//
//   const { connect } = require('@hocr/decision-client');
//   const client = connect('localhost:50051', { token: process.env.HOCR_TOKEN, ca: fs.readFileSync('ca.crt') });
//   const decision = await client.decide(incident);        // protobuf JSON mapping (camelCase)
//
// Errors are rejected with the grpc-js error, plus `fieldViolations` ([{field, description}]) decoded
// from the google.rpc.BadRequest detail of an INVALID_ARGUMENT status.
const path = require('node:path');
const fs = require('node:fs');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

// The repository's protos; HOCR_PROTO_ROOT points elsewhere for a copy packaged with an app.
const ROOT = process.env.HOCR_PROTO_ROOT || path.resolve(__dirname, '..', '..');
const INCLUDE = [
  path.join(ROOT, 'proto'),
  path.join(ROOT, 'third_party', 'googleapis'),
  path.join(ROOT, 'third_party', 'grpc'),
];
const LOADER = { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true, includeDirs: INCLUDE };

// google.protobuf.Timestamp travels as an RFC 3339 string in the protobuf JSON mapping (as grpcurl,
// buf curl and the hocr CLI write it); teach protobufjs that form both ways.
function timestamp(value) {
  if (typeof value !== 'string') return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError(`not an RFC 3339 time: ${value}`);
  const frac = /\.(\d+)/.exec(value);
  return { seconds: Math.floor(ms / 1000), nanos: frac ? Number((frac[1] + '000000000').slice(0, 9)) : 0 };
}
protobuf.wrappers['.google.protobuf.Timestamp'] = {
  fromObject(object) {
    return this.fromObject(timestamp(object));
  },
  toObject(message, options) {
    const seconds = Number(message.seconds || 0);
    const iso = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
    return message.nanos ? iso.replace('Z', `.${String(message.nanos).padStart(9, '0')}Z`.replace(/0+Z$/, 'Z')) : iso;
  },
};

const definition = protoLoader.loadSync(['hocr/v1/hocr.proto', 'grpc/health/v1/health.proto'], LOADER);
const api = grpc.loadPackageDefinition(definition);

// For decoding rich error details (grpc-status-details-bin).
const details = new protobuf.Root();
details.resolvePath = (_origin, target) => {
  for (const dir of INCLUDE) {
    const candidate = path.join(dir, target);
    if (fs.existsSync(candidate)) return candidate;
  }
  return target;
};
details.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto', 'hocr/v1/hocr.proto'], { keepCase: false });
const Status = details.lookupType('google.rpc.Status');
const BadRequest = details.lookupType('google.rpc.BadRequest');

// The protobuf JSON mapping accepts both lowerCamelCase and the proto's snake_case field names (as
// json_format does); protobufjs knows only the camelCase ones, so rename by the schema (map keys,
// such as attribute names, are data and stay as they are).
const camel = (name) => name.replace(/_([a-z0-9])/g, (_m, c) => c.toUpperCase());
function normalise(type, value) {
  if (type.fullName === '.google.protobuf.Timestamp') return timestamp(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    const field = type.fields[key] || type.fields[camel(key)];
    if (!field) { out[key] = item; continue; }
    field.resolve();
    const sub = field.resolvedType instanceof protobuf.Type ? field.resolvedType : null;
    if (sub && !field.map) {
      out[field.name] = field.repeated && Array.isArray(item) ? item.map((x) => normalise(sub, x)) : normalise(sub, item);
    } else if (sub && field.map) {
      out[field.name] = Object.fromEntries(Object.entries(item || {}).map(([k, v]) => [k, normalise(sub, v)]));
    } else {
      out[field.name] = item;
    }
  }
  return out;
}
const Incident = details.lookupType('hocr.v1.Incident');
const normaliseIncident = (incident) => normalise(Incident, incident);

function fieldViolations(err) {
  const raw = err && err.metadata && err.metadata.get('grpc-status-details-bin')[0];
  if (!raw) return [];
  const status = Status.decode(raw);
  const out = [];
  for (const any of status.details || []) {
    if ((any.typeUrl || any.type_url) === 'type.googleapis.com/google.rpc.BadRequest') {
      for (const v of BadRequest.decode(any.value).fieldViolations) {
        out.push({ field: v.field, description: v.description });
      }
    }
  }
  return out;
}

function credentials(opts) {
  if (!opts.ca && !opts.cert) return grpc.credentials.createInsecure();
  const channel = grpc.credentials.createSsl(opts.ca || null, opts.key || null, opts.cert || null);
  if (!opts.token) return channel;
  const token = grpc.credentials.createFromMetadataGenerator((_params, callback) => {
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${opts.token}`);
    callback(null, md);
  });
  return grpc.credentials.combineChannelCredentials(channel, token);
}

function connect(address, opts = {}) {
  const creds = credentials(opts);
  const channelOptions = {
    // A DecideBatch reply can be large; the service splits big work (see README "Batch size").
    'grpc.max_receive_message_length': opts.maxReceiveBytes || 16 * 1024 * 1024,
    ...(opts.serverName ? { 'grpc.ssl_target_name_override': opts.serverName } : {}),
  };
  const stub = new api.hocr.v1.DecisionService(address, creds, channelOptions);
  const health = new api.grpc.health.v1.Health(address, creds, channelOptions);
  // Plaintext (a server started with --insecure on localhost) still accepts a token header.
  const metadata = () => {
    const md = new grpc.Metadata();
    if (opts.token && !opts.ca && !opts.cert) md.set('authorization', `Bearer ${opts.token}`);
    return md;
  };
  const call = (target, method, request, deadlineMs = opts.deadlineMs || 10000) =>
    new Promise((resolve, reject) => {
      target[method](request, metadata(), { deadline: Date.now() + deadlineMs }, (err, reply) => {
        if (err) {
          err.fieldViolations = fieldViolations(err);
          reject(err);
        } else {
          resolve(reply);
        }
      });
    });
  return {
    decide: (incident, extra = {}) =>
      call(stub, 'Decide', { incident: normaliseIncident(incident), ...extra, ...(extra.asOf ? { asOf: timestamp(extra.asOf) } : {}) }).then((reply) => reply.decision),
    decideBatch: (incidents, extra = {}) =>
      call(stub, 'DecideBatch', { requests: incidents.map((incident) => ({ incident: normaliseIncident(incident), ...extra, ...(extra.asOf ? { asOf: timestamp(extra.asOf) } : {}) })) }, 60000),
    describeVocabulary: (edition = '') => call(stub, 'DescribeVocabulary', { edition }).then((reply) => reply.vocabulary),
    health: (service = 'hocr.v1.DecisionService') => call(health, 'Check', { service }),
    close: () => { stub.close(); health.close(); },
  };
}

module.exports = { connect, fieldViolations, normaliseIncident };
