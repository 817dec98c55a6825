#!/usr/bin/env bash
# The client library's public API is its own: no generated OpenAPI type (Components, Operations, the
# generated Client, Nullable) appears in a public declaration of MotCuaClient, and a program that
# imports only MotCuaClient cannot name one. Run after `swift build --build-tests` (make test does).
set -euo pipefail
build=${1:-.build/debug}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
includes=(-I "$build/Modules" -I "$build" -I Sources/CCurl -I Sources/CLibPQ)
for dir in .build/checkouts/*/Sources/*/include; do includes+=(-I "$dir"); done
target=$(swiftc -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["target"]["triple"])')

swift-symbolgraph-extract -module-name MotCuaClient -target "$target" -minimum-access-level public \
  -output-dir "$work" "${includes[@]}"
python3 - "$work/MotCuaClient.symbols.json" <<'PY'
import json, sys
leaks = []
for symbol in json.load(open(sys.argv[1]))['symbols']:
    # Only what this module declares; members a protocol extension of another module adds are theirs.
    if 'Sources/MotCuaClient/' not in symbol.get('location', {}).get('uri', ''):
        continue
    fragments = symbol.get('declarationFragments', [])
    text = ''.join(f.get('spelling', '') for f in fragments)
    if any('9MotCuaAPI' in f.get('preciseIdentifier', '') for f in fragments) or 'Components.' in text:
        leaks.append('.'.join(symbol['pathComponents']) + ': ' + ' '.join(text.split())[:160])
if leaks:
    sys.exit('generated types in the public API of MotCuaClient:\n  ' + '\n  '.join(leaks))
PY

for name in Components.Schemas.Dossier Operations.GetDossier.Output Client NullableString; do
  printf 'import MotCuaClient\nlet leaked: %s? = nil\n' "$name" > "$work/caller.swift"
  if swiftc -typecheck -target "$target" "${includes[@]}" "$work/caller.swift" 2>/dev/null; then
    echo "a program importing only MotCuaClient can name $name" >&2
    exit 1
  fi
done
printf 'import MotCuaClient\nlet status: DossierStatus = .inProgress\nlet page: Page<Dossier>? = nil\n' > "$work/caller.swift"
swiftc -typecheck -target "$target" "${includes[@]}" "$work/caller.swift"
echo "MotCuaClient's public API has no generated type"
