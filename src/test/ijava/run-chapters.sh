#!/usr/bin/env bash
# Executes every chapter (notebooks/*.ipynb) in the REAL IJava 1.3.0 kernel through Jupyter's nbconvert,
# in quick mode, and fails if any cell of any chapter errors.
#
# usage: src/test/ijava/run-chapters.sh RIG_DIR [OUT_DIR [NOTEBOOK...]]
#   RIG_DIR   the folder given to ../shared/ijava/build.sh (holds env.sh and the kernelspec "java")
#   OUT_DIR   where the executed copies go (default target/ijava-chapters); the committed notebooks
#             are never written: their outputs come from the headless runner (`mvn verify` checks those)
#   NOTEBOOK  chapters to run (default: all of notebooks/*.ipynb)
# Needs kernel-lib/ filled (`mvn package`) and data/ fetched. Quick mode caps default to CI's
# (CONVBOOK_MAX_EPOCHS=1 CONVBOOK_MAX_SAMPLES=2000); set them to override.
# Prints one line per chapter (name, seconds, ok/FAILED) and a final "N passed, N failed" line;
# for a failed chapter, the end of nbconvert's log (the failing cell and its error) follows its line.
set -uo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
rig=${1:?usage: run-chapters.sh RIG_DIR [OUT_DIR [NOTEBOOK...]]}
[ -f "$rig/env.sh" ] || { echo "no $rig/env.sh: build the kernel with ../shared/ijava/build.sh first"; exit 2; }
rig=$(cd "$rig" && pwd)
out=${2:-$root/target/ijava-chapters}
mkdir -p "$out" && out=$(cd "$out" && pwd)
shift $(( $# >= 2 ? 2 : $# ))
chapters=()
for nb in "$@"; do chapters+=("$(realpath "$nb")"); done
cd "$root"
ls kernel-lib/convbook-*.jar >/dev/null 2>&1 || { echo "kernel-lib/ is empty: run mvn package first"; exit 2; }
. "$rig/env.sh"
export CONVBOOK_MAX_EPOCHS=${CONVBOOK_MAX_EPOCHS:-1} CONVBOOK_MAX_SAMPLES=${CONVBOOK_MAX_SAMPLES:-2000}
[ ${#chapters[@]} -gt 0 ] || chapters=(notebooks/*.ipynb)
case "$out/" in "$root/notebooks/"*) echo "OUT_DIR must not be notebooks/: the committed outputs stay as they are"; exit 2;; esac

# the failing cell and its error (nbclient's CellExecutionError), else the log's end without the kernel's INFO lines
excerpt() {
  if grep -q 'CellExecutionError: ' "$1"; then
    sed -n '/CellExecutionError: /,$p' "$1" | head -n 40
  else
    grep -v -E '^(INFO: |[A-Z][a-z]{2} [0-9]{1,2}, [0-9]{4} .* io\.github\.spencerpark)' "$1" | tail -n 40
  fi
}

passed=0 failed=0
for nb in "${chapters[@]}"; do
  name=$(basename "$nb" .ipynb)
  log="$out/$name.log"
  rm -f "$out/$name.ipynb"
  start=$(date +%s%N)
  # nbconvert stops at the first cell error and exits non-zero; the kernel starts in the notebook's folder
  timeout 1800 /usr/bin/jupyter nbconvert --to notebook --execute \
      --ExecutePreprocessor.kernel_name=java --ExecutePreprocessor.timeout=600 \
      "$nb" --output-dir "$out" --output "$name" >"$log" 2>&1
  rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  secs=$(printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)))
  # belt and braces: the written copy must exist and hold no error output
  if [ $rc = 0 ] && ! /usr/bin/python3 "src/test/ijava/check_outputs.py" "$out/$name.ipynb" >>"$log" 2>&1; then
    rc=1
  fi
  if [ $rc = 0 ]; then
    passed=$((passed + 1)); printf '%-32s %7s s  ok\n' "$name" "$secs"
  else
    failed=$((failed + 1)); printf '%-32s %7s s  FAILED (exit %s, log %s)\n' "$name" "$secs" "$rc" "$log"
    excerpt "$log" | sed 's/^/    | /'
  fi
done
echo "$passed passed, $failed failed"
[ $failed = 0 ]
