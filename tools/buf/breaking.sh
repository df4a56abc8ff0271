#!/bin/sh
# buf breaking (the FILE rules of buf.yaml): the working tree's contract against the previous
# commit's. Run from the repository's root (make buf-breaking; part of make test). Offline: the
# previous commit's buf.yaml, proto/ and third_party/ are taken from git into a temporary folder.
#
# AGAINST names another commit to compare with (default HEAD~1). A clone without that commit (a
# shallow CI checkout, or a first commit) says so on standard error and compares with HEAD; outside
# a git checkout, or at a commit without buf.yaml, there is nothing to compare with and it passes.
set -eu
BUF=${BUF:-tools/buf/node_modules/.bin/buf}
ref=${AGAINST:-HEAD~1}

if ! git rev-parse -q --verify HEAD^{commit} >/dev/null 2>&1; then
  echo "buf breaking: not a git checkout with a commit: nothing to compare the contract with" >&2
  exit 0
fi
if ! git rev-parse -q --verify "$ref^{commit}" >/dev/null 2>&1; then
  echo "buf breaking: $ref is not in this clone (shallow, or the first commit): comparing with HEAD instead" >&2
  ref=HEAD
fi
if ! git cat-file -e "$ref:buf.yaml" 2>/dev/null; then
  echo "buf breaking: $ref has no buf.yaml: nothing to compare the contract with" >&2
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
paths=buf.yaml
for p in proto third_party; do
  if git cat-file -e "$ref:$p" 2>/dev/null; then paths="$paths $p"; fi
done
# shellcheck disable=SC2086 # the paths are words
git archive --format=tar "$ref" -- $paths | tar -x -C "$tmp"
echo "buf breaking: the contract against $(git rev-parse --short "$ref") ($ref)" >&2
"$BUF" breaking --against "$tmp"
