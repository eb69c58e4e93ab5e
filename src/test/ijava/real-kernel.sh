#!/usr/bin/env bash
# The real IJava 1.3.0 kernel, as learners run it (mvn verify calls this after the headless chapters; skip it with
# -Dijava.skip=true): build the kernel from ../shared/ijava/ (it installs Debian's Jupyter with apt when missing),
# execute every chapter in quick mode through nbconvert, interrupt a running fit in a scripted session, install the
# "ConvBook (Java)" kernel with the learner's one command (kernel-lib/install.py) and try it, then run a Korean
# chapter through Jupyter Notebook's page in headless Chromium with that kernel (src/test/browser/).
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
# the one-command ConvBook kernel: a clear message without IJava; installed beside IJava's kernelspec, it works at once
/usr/bin/python3 src/test/ijava/convbook_kernel.py target/ijava || status=1
# a Korean chapter in a real browser with that kernel: every cell runs, no error output, every figure drawn
bash src/test/browser/browser-test.sh target/ijava || status=1
exit $status
