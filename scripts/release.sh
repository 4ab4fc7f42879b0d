#!/usr/bin/env bash
# Tags a release: vX.Y.Z and the moving major tag vX, after checking that the bundle is fresh and the
# tests pass. Usage: scripts/release.sh X.Y.Z [--dry-run]   (then: git push origin vX.Y.Z vX --force)
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:-}
dry_run=false
[ "${2:-}" = "--dry-run" ] && dry_run=true
fail() { echo "release: $*" >&2; exit 1; }

[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "give a version such as 1.2.3 (got '${version}')"
major="v${version%%.*}"
tag="v$version"
[ -z "$(git status --porcelain)" ] || fail "the working tree has uncommitted changes"
git rev-parse -q --verify "refs/tags/$tag" >/dev/null && fail "$tag exists already"
[ "$(node -p 'require("./package.json").version')" = "$version" ] ||
  fail "package.json says version $(node -p 'require("./package.json").version'); set it to $version and commit"
grep -q "^## \[$version\]" CHANGELOG.md || fail "CHANGELOG.md has no '## [$version]' section"

echo "release: rebuilding dist/"
npm run --silent build
[ -z "$(git status --porcelain --ignored -- dist)" ] || fail "dist/ is stale or partly ignored: commit the output of 'npm run build'"
echo "release: running the tests"
npm test --silent >/dev/null || fail "the tests fail"

if $dry_run; then
  echo "release: dry run: would tag $(git rev-parse --short HEAD) as $tag and move $major to it"
else
  git tag -a "$tag" -m "kube-pod-preview $tag"
  git tag -f -a "$major" -m "kube-pod-preview $major (currently $tag)"
  echo "release: tagged $tag and $major; publish with: git push origin $tag $major --force"
fi
