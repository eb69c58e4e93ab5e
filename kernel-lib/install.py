#!/usr/bin/env python3
"""Installs the "ConvBook (Java)" Jupyter kernel: IJava 1.3 with ConvBook's jars and imports already loaded.

    python3 kernel-lib/install.py                 # for you (Jupyter's user folder)
    python3 kernel-lib/install.py --sys-prefix    # into the active Python environment
    python3 kernel-lib/install.py --prefix DIR    # into DIR/share/jupyter/kernels/convbook

It finds the installed IJava kernel with `jupyter kernelspec list --json` (a kernelspec whose command runs an
ijava-*.jar), and installs a kernelspec named "convbook" that runs the same jar with IJava's own settings
IJAVA_CLASSPATH (every jar in kernel-lib/, built by `mvn -B package -DskipTests`) and IJAVA_STARTUP_SCRIPTS_PATH
(kernel-lib/startup.jsh: ConvBook's imports and its HTML renderers). Pick "ConvBook (Java)" in Jupyter and type code
at once; the chapters' first cell (%jars + %load) still works, in this kernel and in plain IJava.

The kernelspec holds absolute paths to this checkout and to IJava's jar: after moving either, run the command again.
Needs only Python 3 and the `jupyter` command (the one you start notebooks with).
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

NAME = "convbook"
DISPLAY_NAME = "ConvBook (Java)"
IJAVA_RELEASE = "https://github.com/SpencerPark/IJava/releases/tag/v1.3.0"
HERE = os.path.dirname(os.path.abspath(__file__))


class InstallError(Exception):
    """A problem the learner can fix; its message says how."""


def jupyter():
    path = shutil.which("jupyter")
    if path is None:
        raise InstallError("the `jupyter` command is not on PATH. Install Jupyter first (`pip install notebook`, or "
                           "on Debian/Ubuntu `sudo apt install jupyter-notebook`), then run this command again.")
    return path


def kernelspecs():
    """`jupyter kernelspec list --json` as a dict: name -> {"resource_dir", "spec"}."""
    result = subprocess.run([jupyter(), "kernelspec", "list", "--json"], capture_output=True, text=True)
    if result.returncode != 0:
        raise InstallError("`jupyter kernelspec list --json` failed (exit %d): %s"
                           % (result.returncode, result.stderr.strip()[-500:]))
    return json.loads(result.stdout)["kernelspecs"]


def ijava_jar(argv, resource_dir):
    """The IJava jar a kernel command runs (`java ... -jar .../ijava-1.3.0.jar {connection_file}`), or None."""
    for i, arg in enumerate(argv[:-1]):
        if arg == "-jar":
            jar = argv[i + 1].replace("{resource_dir}", resource_dir)
            if os.path.basename(jar).lower().startswith("ijava") and jar.endswith(".jar"):
                return os.path.abspath(jar)
    return None


def find_ijava(specs):
    """(name, spec, jar) of the installed IJava kernel; prefers the one named "java", as IJava installs itself."""
    found = []
    for name, entry in specs.items():
        spec = entry.get("spec", {})
        jar = ijava_jar(spec.get("argv", []), entry.get("resource_dir", ""))
        if jar is not None and name != NAME:
            found.append((name != "java", name, spec, jar))
    if not found:
        raise InstallError(
            "IJava is not installed: no Jupyter kernel runs an ijava-*.jar (`jupyter kernelspec list` shows %s).\n"
            "Install IJava 1.3 (it needs Java 9 or newer): download ijava-1.3.0.zip from %s, unzip it, and run\n"
            "    python3 install.py --user\n"
            "in the unzipped folder (`jupyter kernelspec list` then shows `java`). Then run this command again."
            % (", ".join(sorted(specs)) or "no kernels", IJAVA_RELEASE))
    _, name, spec, jar = sorted(found)[0]
    if not os.path.isfile(jar):
        raise InstallError("the IJava kernel '%s' runs %s, which does not exist: reinstall IJava 1.3 (%s), then run "
                           "this command again." % (name, jar, IJAVA_RELEASE))
    return name, spec, jar


def default_heap():
    """Half the machine's memory, at most 8 GB (the chapters train on 60,000 images): "-Xmx4g"."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):   # not on Linux/macOS
        return "4g"
    return "%dg" % max(1, min(8, total // 2 // 2**30))


def kernel_json(ijava_spec, jar, heap):
    """IJava's kernelspec, renamed, with a heap size, ConvBook's jars and startup script added."""
    jars = sorted(glob.glob(os.path.join(HERE, "convbook-*.jar")))
    if not jars:
        raise InstallError("%s holds no convbook-*.jar: build ConvBook first with `mvn -B package -DskipTests` in %s, "
                           "then run this command again." % (HERE, os.path.dirname(HERE)))
    argv = list(ijava_spec["argv"])
    at = argv.index("-jar")
    jvm_options = [arg for arg in argv[1:at] if not arg.startswith("-Xmx")]
    argv = [argv[0]] + jvm_options + ["-Xmx" + heap, "-jar", jar] + argv[at + 2:]
    env = dict(ijava_spec.get("env") or {})
    # IJava splits these on the path separator and expands globs itself; it wants "/" even on Windows
    classpath = os.path.join(HERE, "*.jar").replace(os.sep, "/")
    startup = os.path.join(HERE, "startup.jsh").replace(os.sep, "/")
    env["IJAVA_CLASSPATH"] = os.pathsep.join(p for p in [classpath, env.get("IJAVA_CLASSPATH")] if p)
    env["IJAVA_STARTUP_SCRIPTS_PATH"] = os.pathsep.join(
        p for p in [startup, env.get("IJAVA_STARTUP_SCRIPTS_PATH")] if p)
    # ND4J's OpenMP threads sleep instead of spinning while they wait: a busy laptop stays usable
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return {
        "argv": argv,
        "display_name": DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": ijava_spec.get("interrupt_mode", "message"),
        "env": env,
        "metadata": {"convbook": {"kernel_lib": HERE, "ijava_jar": jar}},
    }


def install(args):
    heap = args.heap or default_heap()
    if not re.fullmatch(r"[1-9][0-9]*[mMgG]", heap):
        raise InstallError("--heap expects a size such as 6g or 4096m, got '%s'" % heap)
    name, spec, jar = find_ijava(kernelspecs())
    spec_json = kernel_json(spec, jar, heap)
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, NAME)
        os.mkdir(source)
        with open(os.path.join(source, "kernel.json"), "w", encoding="utf-8") as f:
            json.dump(spec_json, f, indent=1, sort_keys=True)
            f.write("\n")
        command = [jupyter(), "kernelspec", "install", source, "--name", NAME, "--replace"]
        if args.prefix:
            command += ["--prefix", os.path.abspath(args.prefix)]
        elif args.sys_prefix:
            command += ["--sys-prefix"]
        else:
            command += ["--user"]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise InstallError("`%s` failed (exit %d): %s"
                               % (" ".join(command), result.returncode, result.stderr.strip()[-800:]))
    # jupyter says "Installed kernelspec convbook in DIR"
    said = re.search(r"Installed kernelspec \S+ in (.+)", result.stdout + result.stderr)
    where = said.group(1).strip() if said else None
    found = kernelspecs().get(NAME)
    print("Installed the Jupyter kernel '%s' (%s)%s" % (NAME, DISPLAY_NAME, " in " + where if where else ""))
    print("  runs IJava's %s (from the kernel '%s') with -Xmx%s" % (jar, name, heap))
    print("  loads %s and %s" % (os.path.join(HERE, "*.jar"), os.path.join(HERE, "startup.jsh")))
    if not found:
        print("Note: `jupyter kernelspec list` does not show it: the folder you installed into is not on Jupyter's "
              "path (add DIR/share/jupyter to JUPYTER_PATH).")
    elif where and os.path.realpath(found["resource_dir"]) != os.path.realpath(where):
        print("Note: Jupyter will start another '%s' kernel, in %s, which comes first on its path (an earlier "
              "install with other options?): delete that folder, or install there with the matching option."
              % (NAME, found["resource_dir"]))
    print("Next: jupyter notebook notebooks/   and pick \"%s\" (Kernel > Change kernel)." % DISPLAY_NAME)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", help="install for the current user (the default)")
    where.add_argument("--sys-prefix", action="store_true", help="install into the active Python environment")
    where.add_argument("--prefix", metavar="DIR", help="install into DIR/share/jupyter/kernels/")
    parser.add_argument("--heap", metavar="SIZE", help="the JVM's maximum heap, e.g. 6g (default: half the "
                        "machine's memory, at most 8g)")
    args = parser.parse_args()
    try:
        install(args)
    except InstallError as e:
        print("ConvBook kernel not installed: " + str(e), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
