#!/usr/bin/env bash
# A Korean chapter in a real browser: Jupyter Notebook 6 (Debian's jupyter-notebook) in headless Chromium (Debian's
# chromium, driven by puppeteer-core from npm) with the "ConvBook (Java)" kernel. Opens the chapter, switches to that
# kernel, runs all cells through the page (quick mode), and checks: every cell ran, no error output, every figure
# drawn, the page in Korean. Screenshots and the executed copy go to target/browser/ (test artefacts).
#
# usage: src/test/browser/browser-test.sh RIG_DIR [CHAPTER]
#   RIG_DIR  the folder given to ../shared/ijava/build.sh, with the ConvBook kernelspec installed into it
#            (kernel-lib/install.py --prefix RIG_DIR; src/test/ijava/convbook_kernel.py does that)
#   CHAPTER  default notebooks/ko/03-pooling.ipynb
# Installs with apt when missing: chromium, fonts-nanum (so the Hangul in the screenshots is readable), nodejs, npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
rig=$(cd "${1:?usage: browser-test.sh RIG_DIR [CHAPTER]}" && pwd)
chapter=${2:-notebooks/ko/03-pooling.ipynb}
out=$root/target/browser
cd "$root"
[ -f "$chapter" ] || { echo "browser-test: no $chapter"; exit 2; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# (no `grep -q` on a pipe: under pipefail its early exit fails the pipe)
case "$(fc-list 2>/dev/null)" in *Nanum*) ;; *) missing+=(fonts-nanum) ;; esac
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser-test: installing ${missing[*]} with apt"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi

# puppeteer-core, pinned by package-lock.json, in target/ (never in the source tree)
mkdir -p "$out/node"
cp src/test/browser/package.json src/test/browser/package-lock.json src/test/browser/run-chapter.mjs "$out/node/"
(cd "$out/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# the server works on a copy (Jupyter saves what it runs); kernel-lib and data are the repository's
site=$out/site
rm -rf "$site" && mkdir -p "$site/$(dirname "$chapter")"
cp "$chapter" "$site/$chapter"
ln -s "$root/kernel-lib" "$site/kernel-lib"
ln -s "$root/data" "$site/data"

. "$rig/env.sh"
case "$(/usr/bin/jupyter kernelspec list --json 2>/dev/null)" in *'"convbook"'*) ;; *) echo "browser-test: no ConvBook kernelspec on JUPYTER_PATH: run kernel-lib/install.py --prefix $rig"; exit 2 ;; esac
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export CONVBOOK_MAX_EPOCHS=${CONVBOOK_MAX_EPOCHS:-1} CONVBOOK_MAX_SAMPLES=${CONVBOOK_MAX_SAMPLES:-2000}
/usr/bin/jupyter notebook --no-browser --allow-root --ip=127.0.0.1 --port="$port" --NotebookApp.token='' \
    --NotebookApp.password='' --notebook-dir="$site" >"$out/jupyter.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  curl -sf "http://127.0.0.1:$port/api" >/dev/null 2>&1 && break
  sleep 1
done
# the figures the committed chapter shows (its image/png outputs), all of which the page must draw
figures=$(/usr/bin/python3 -c 'import json, sys
nb = json.load(open(sys.argv[1]))
print(sum("image/png" in o.get("data", {}) for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]))' \
  "$chapter")
echo "browser-test: $chapter in Jupyter Notebook + headless Chromium, kernel convbook, $figures figures expected"
status=0
node "$out/node/run-chapter.mjs" "http://127.0.0.1:$port/notebooks/$chapter" "$out/screenshots" convbook "$figures" \
  || status=1
cp "$site/$chapter" "$out/executed-$(basename "$chapter")" 2>/dev/null || true
echo "browser-test: screenshots in $out/screenshots, server log $out/jupyter.log"
exit $status
