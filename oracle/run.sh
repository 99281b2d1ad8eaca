#!/usr/bin/env bash
# The differential oracle, live: records every in-scope example interview with the real
# docassemble (installed by ../shared/docassemble-reference/setup.sh into /tmp/darun), then
# replays the recordings against Colloquy's engine and prints the report.
#
#   bash oracle/run.sh                     # everything (about 4 min to record)
#   bash oracle/run.sh --filter fields.yml # only interviews whose path contains this
set -euo pipefail
cd "$(dirname "$0")/.."
REFERENCE=${DA_REFERENCE:-$(cd .. && pwd)/shared/docassemble-reference}
DARUN=${DARUN:-/tmp/darun}
if [ ! -x "$DARUN/venv/bin/python" ]; then
    bash "$REFERENCE/setup.sh" install
fi
export DA_REFERENCE="$REFERENCE"
export NLTK_DATA="$DARUN/nltk_data"
export DA_CONFIG_FILE="$DARUN/config/config.yml"
export CONTAINERROLE=all
export LANG=en_US.UTF-8
FILTER=()
if [ "${1:-}" = "--filter" ] && [ -n "${2:-}" ]; then
    FILTER=(--filter "$2")
fi
"$DARUN/venv/bin/python" oracle/record.py "${FILTER[@]}" 2> >(grep -v '^\[nltk_data\]' >&2)
cargo run --release -p engine --example oracle -- --quiet "${FILTER[@]}"
