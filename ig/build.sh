#!/usr/bin/env bash
# Compiles the CWH Implementation Guide (ig/input/fsh) to FHIR JSON in profiles/, offline and repeatably.
# Needs only Java 17, Maven and Node 20 (npm registry for SUSHI, Maven Central for HAPI); see
# ../shared/design/IG-BUILD.md. Exit status is SUSHI's (its number of errors) or the first failing step's.
#
#   bash ig/build.sh          build; profiles/ is replaced by the generated resources
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$root/target/ig
fhir_home=$work/fhir-home
core=$fhir_home/.fhir/packages/hl7.fhir.r4.core#4.0.1

# 1. SUSHI, pinned by ig/package-lock.json; reinstalled only when the lock file changes.
lock_sum=$(sha256sum ig/package-lock.json | cut -d' ' -f1)
if [[ ! -x ig/node_modules/.bin/sushi || "$(cat ig/node_modules/.cwh-lock-sum 2>/dev/null)" != "$lock_sum" ]]; then
  (cd ig && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > ig/node_modules/.cwh-lock-sum
fi

# 2. The FHIR core package, built from hapi-fhir-validation-resources-r4 (no FHIR package registry is reachable).
if [[ ! -f $core/package/package.json ]]; then
  mkdir -p "$work"
  mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/classpath.txt"
  rm -rf "$core"
  java -cp "$(cat "$work/classpath.txt")" ig/CorePackage.java "$core.tmp"
  mv "$core.tmp" "$core"
fi

# 3. SUSHI with snapshots, against the private package cache only ($HOME/.fhir/packages is its only cache).
#    Offline npm skips its check for a newer SUSHI; silent keeps that check from printing npm errors.
rm -rf "$work/sushi"
status=0
HOME=$fhir_home npm_config_offline=true npm_config_loglevel=silent ig/node_modules/.bin/sushi build ig -s --out "$work/sushi" || status=$?
if [[ $status -ne 0 ]]; then
  echo "ig/build.sh: SUSHI reported $status error(s); profiles/ left unchanged" >&2
  exit "$status"
fi

# 4. profiles/ is exactly SUSHI's output: conformance resources and examples, flat.
rm -rf profiles
mkdir profiles
cp "$work"/sushi/fsh-generated/resources/*.json profiles/
echo "ig/build.sh: $(ls profiles | wc -l) resources in profiles/"
