#!/bin/sh
# Writes Sources/OCOPKit/Sample/new_units.csv: the 2025 units of the embedded sample's rows
# (products, then producers), as a load of the Sample folder finds them. The binary reads
# them instead of resolving 350 addresses at every start (Loader.sample); SampleUnitsTests
# fails when they differ from what a load finds (after a change to the units table or to
# the sample): rerun this then. Usage: Tools/make_sample_units.sh [path/to/ocop]
set -eu
cd "$(dirname "$0")/.."
OCOP=${1:-.build/release/ocop}
OUT=Sources/OCOPKit/Sample/new_units.csv
TMP=$(mktemp)
trap 'rm -f "$TMP"' EXIT
{
    echo "table,new_province,new_commune"
    for t in products producers; do
        "$OCOP" --data Sources/OCOPKit/Sample --format csv -e "$t select new_province, new_commune" | tail -n +2 | sed "s/^/$t,/"
    done
} > "$TMP"
mv "$TMP" "$OUT"
trap - EXIT
echo "wrote $OUT ($(($(wc -l < "$OUT") - 1)) rows)"
