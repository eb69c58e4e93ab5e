#!/usr/bin/python3
"""The one-command "ConvBook (Java)" kernel (kernel-lib/install.py), tested as a learner uses it.

usage: /usr/bin/python3 src/test/ijava/convbook_kernel.py RIG_DIR
  RIG_DIR  the folder given to ../shared/ijava/build.sh (its share/jupyter holds IJava's kernelspec "java");
           the ConvBook kernelspec is installed there too (--prefix RIG_DIR), where the browser test finds it.
Needs kernel-lib/ filled (`mvn package`). Prints PASS/FAIL per check; exit status 1 if any fails.

  missing   without IJava on Jupyter's path the command fails (exit 1), installs nothing and says how to get IJava
  install   with IJava installed, the command installs "convbook"; `jupyter kernelspec list` shows it, named
            "ConvBook (Java)", running IJava's jar with kernel-lib/*.jar and startup.jsh
  typing    in a fresh "convbook" kernel, ConvBook works at once (no %jars/%load): a Dense layer's output shape, a tensor shown as an HTML table
  first     the chapters' first cell (%jars + %load of kernel-lib) is harmless there: no error, same results after it
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
INSTALL = os.path.join(ROOT, "kernel-lib", "install.py")
results = []


def check(name, ok, detail=""):
    results.append((name, ok))
    print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f": {detail}" if detail else ""), flush=True)
    return ok


def run_install(env, *args):
    return subprocess.run([sys.executable, INSTALL, *args], env=env, capture_output=True, text=True)


def execute(kc, code):
    """Runs one cell; returns (status, text/plain and stream text, list of MIME types of rich outputs)."""
    texts, mimes = [], []

    def on_output(msg):
        content, kind = msg["content"], msg["msg_type"]
        if kind == "stream":
            texts.append(content["text"])
        elif kind in ("display_data", "execute_result"):
            texts.append(content["data"].get("text/plain", ""))
            mimes.extend(content["data"].keys())
        elif kind == "error":
            texts.append(f"{content['ename']}: {content['evalue']}")

    reply = kc.execute_interactive(code, output_hook=on_output, timeout=120)
    return reply["content"]["status"], "".join(texts), mimes


def main():
    rig = os.path.abspath(sys.argv[1])
    base = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_PATH", "JUPYTER_DATA_DIR")}

    # missing: a home of its own and no JUPYTER_PATH, so only the system's kernels (no IJava) are visible
    with tempfile.TemporaryDirectory() as home:
        env = dict(base, HOME=home)
        listed = subprocess.run(["jupyter", "kernelspec", "list", "--json"], env=env, capture_output=True, text=True)
        if "ijava" in listed.stdout.lower():
            print("skip  missing: this machine has IJava installed system-wide")
        else:
            r = run_install(env)
            check("missing", r.returncode == 1 and "IJava is not installed" in r.stderr
                  and "ijava-1.3.0.zip" in r.stderr and "install.py" in r.stderr
                  and not os.path.exists(os.path.join(home, ".local", "share", "jupyter", "kernels", "convbook")),
                  r.stderr.strip().splitlines()[0] if r.stderr.strip() else f"exit {r.returncode}")

    # install: into the rig, beside IJava's kernelspec
    env = dict(base, JUPYTER_PATH=os.path.join(rig, "share", "jupyter"))
    r = run_install(env, "--prefix", rig, "--heap", "4g")
    listed = subprocess.run(["jupyter", "kernelspec", "list", "--json"], env=env, capture_output=True, text=True)
    spec = json.loads(listed.stdout)["kernelspecs"].get("convbook", {}).get("spec", {})
    kernel_lib = os.path.join(ROOT, "kernel-lib")
    check("install", r.returncode == 0 and spec.get("display_name") == "ConvBook (Java)"
          and spec["argv"][-3:-1] == ["-jar", os.path.join(rig, "ijava-1.3.0.jar")] and "-Xmx4g" in spec["argv"]
          and spec["env"]["IJAVA_CLASSPATH"] == kernel_lib + "/*.jar"
          and spec["env"]["IJAVA_STARTUP_SCRIPTS_PATH"] == kernel_lib + "/startup.jsh",
          (r.stdout + r.stderr).strip().splitlines()[0] if (r.stdout + r.stderr).strip() else "")
    if not spec:
        return report()

    os.environ["JUPYTER_PATH"] = env["JUPYTER_PATH"]
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name="convbook")
    km.start_kernel(cwd=os.path.join(ROOT, "notebooks", "ko"))   # as Jupyter: the notebook's folder
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        probe = "new Dense(4).apply(Tensor.ones(2, 3), false).shape()"
        status, text, _ = execute(kc, probe)
        first = check("typing", status == "ok" and "(2, 4)" in text, text.strip()[:200])
        status, text, mimes = execute(kc, "Tensor.arange(6).reshape(2, 3)")
        check("typing: HTML table", status == "ok" and "text/html" in mimes, f"{status}, {sorted(set(mimes))}")
        status, text, _ = execute(kc, "%jars ../../kernel-lib/*.jar\n%load ../../kernel-lib/startup.jsh")
        ok = status == "ok"
        status2, text2, mimes2 = execute(kc, "Tensor.arange(6).reshape(2, 3)")
        status3, text3, _ = execute(kc, probe)
        check("first", first and ok and status2 == "ok" and mimes2.count("text/html") == 1 and status3 == "ok"
              and "(2, 4)" in text3, (text + text2 + text3).strip()[:300])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return report()


def report():
    failed = [n for n, ok in results if not ok]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed" + (f" ({', '.join(failed)})" if failed else ""))
    return 1 if failed or not results else 0


if __name__ == "__main__":
    shutil.which("jupyter") or sys.exit("jupyter not found: run ../shared/ijava/build.sh first")
    sys.exit(main())
