#!/usr/bin/env bash
# Debian's h5py, with which the saving tests read ConvBook's .keras / .weights.h5 files as Keras's own tools would.
# Installed with apt when missing and when this runs as root; otherwise those tests skip (they fail under CI=true).
if /usr/bin/python3 -c 'import h5py' 2>/dev/null; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq python3-h5py >/dev/null && exit 0
fi
echo "python-tools: h5py is missing; install it with: sudo apt-get install python3-h5py"
