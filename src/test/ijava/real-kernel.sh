#!/usr/bin/env bash
# The real IJava 1.3.0 kernel, as learners run it (mvn verify calls this after the headless chapters; skip it with
# -Dijava.skip=true): build the kernel from ../shared/ijava/ (it installs Debian's Jupyter with apt when missing),
# execute every chapter in quick mode through nbconvert, then interrupt a running fit in a scripted session.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ ! -f ../shared/ijava/build.sh ]; then
    echo "real-kernel: ../shared/ijava/build.sh not found beside this repository, so the IJava kernel cannot be built"
    [ "${CI:-}" = "true" ] && exit 1 || exit 0
fi
bash ../shared/ijava/build.sh "" target/ijava
status=0
# every chapter in quick mode through nbconvert; executed copies and logs in target/ijava-chapters/
bash src/test/ijava/run-chapters.sh target/ijava target/ijava-chapters || status=1
# interrupting a long fit must stop it: error reply, idle, no CPU, no stray output; then fit again, restart
/usr/bin/python3 src/test/ijava/interrupt_session.py target/ijava || status=1
exit $status
