#!/usr/bin/python3
"""A scripted session in the REAL IJava 1.3.0 kernel: interrupting a long `fit` must really stop it.

usage: /usr/bin/python3 src/test/ijava/interrupt_session.py RIG_DIR [--interrupt-after SECONDS]
  RIG_DIR  the folder given to ../shared/ijava/build.sh (its share/jupyter holds the kernelspec "java")
Needs kernel-lib/ filled (`mvn package`); no data sets (the model trains on random numbers).
Uses Debian's python3 and its jupyter_client (7.4.x), as build.sh installs them.

Steps and checks (each printed as PASS/FAIL; the exit status is 1 if any fails):
  load   `%jars ../kernel-lib/*.jar` and `%load ../kernel-lib/startup.jsh` in ONE execute request
         (the chapters' first cell) load the library
  fit    a Dense 512-512-10 model on random data starts a long `fit` (many epochs, minutes) and prints
         progress; the kernel is interrupted (KernelManager.interrupt_kernel()) a few seconds into it
  (a)    the interrupted cell ends with an error reply within a few seconds
  (b)    the kernel is idle within seconds, and its process uses (almost) no CPU afterwards:
         training really stopped (CPU time from /proc/PID/stat, twice, 2 s apart)
  (c)    the next cell prints only its own output (nothing from the stopped training: no `Epoch`,
         no progress bar), and after 5 quiet seconds another cell, busy for 3 s, gets none either
         (IJava sends a thread's output to whichever cell runs; between cells it goes to the kernel
         process's own stdout, which no front end shows)
  (d)    a new short `fit` of the same model (1 epoch on 2,000 samples) works and shows its progress
         (a training still running in the background shares the model's buffers and can break it)
  (e)    a restart (`restart_kernel`) works and `1 + 2` then gives 3
"""
import argparse
import os
import re
import sys
import time

PROGRESS = re.compile(r"Epoch \d+/\d+|\d+/\d+ \[|loss: |ETA")
OUTPUT_TYPES = ("stream", "display_data", "update_display_data", "execute_result", "error")
CLK_TCK = os.sysconf("SC_CLK_TCK")
# the long fit: 30 epochs of 1,875 steps (about 25 s each on 2 busy cores) take many minutes
LONG_FIT = "model.fit(x, y, epochs(30))"

results = []


def check(name, ok, detail=""):
    results.append((name, ok))
    print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f": {detail}" if detail else ""), flush=True)
    return ok


def log(text):
    print(f"      {text}", flush=True)


def text_of(msg):
    """The visible text of an output message (stream text, text/plain of displays, error name and value)."""
    c = msg["content"]
    kind = msg["msg_type"]
    if kind == "stream":
        return c.get("text", "")
    if kind in ("display_data", "update_display_data", "execute_result"):
        t = c.get("data", {}).get("text/plain", "")
        return "".join(t) if isinstance(t, list) else t
    if kind == "error":
        return f"{c.get('ename')}: {c.get('evalue')}"
    return ""


def cpu_seconds(pid):
    """User + system CPU time of the whole process (all threads), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK   # fields 14 and 15 of stat(5), utime and stime


def cpu_use(pid, seconds=2.0):
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return cpu_seconds(pid) - before


class Session:
    def __init__(self, km, kc):
        self.km, self.kc = km, kc
        self.stray = []   # output messages that belong to no cell we were waiting for

    def pid(self):
        return self.km.provisioner.process.pid

    def drain(self, seconds):
        """Reads iopub for this long; every output seen belongs to no running cell (stray)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            msg = self._iopub(min(0.2, max(0.0, end - time.monotonic())))
            if msg is not None and msg["msg_type"] in OUTPUT_TYPES:
                self.stray.append(msg)

    def _iopub(self, timeout):
        try:
            return self.kc.get_iopub_msg(timeout=timeout)
        except Exception:   # queue.Empty
            return None

    def send(self, code):
        return Cell(self, self.kc.execute(code, store_history=True, allow_stdin=False))

    def run(self, code, timeout=120):
        cell = self.send(code)
        cell.wait(timeout)
        return cell


class Cell:
    def __init__(self, session, msg_id):
        self.s, self.msg_id = session, msg_id
        self.sent = time.monotonic()
        self.outputs = []          # output messages of this cell, in order
        self.reply = None          # content of execute_reply
        self.reply_at = self.idle_at = None

    def pump(self, seconds):
        """Reads shell and iopub messages for up to `seconds` (less once the cell is idle and replied)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and not self.done():
            if self.reply is None:
                try:
                    msg = self.s.kc.get_shell_msg(timeout=0.01)
                    if msg["parent_header"].get("msg_id") == self.msg_id and msg["msg_type"] == "execute_reply":
                        self.reply, self.reply_at = msg["content"], time.monotonic()
                except Exception:   # queue.Empty
                    pass
            msg = self.s._iopub(0.1)
            if msg is None:
                continue
            mine = msg["parent_header"].get("msg_id") == self.msg_id
            if msg["msg_type"] == "status" and mine and msg["content"].get("execution_state") == "idle":
                self.idle_at = time.monotonic()
            elif msg["msg_type"] in OUTPUT_TYPES:
                (self.outputs if mine else self.s.stray).append(msg)
        return self.done()

    def done(self):
        return self.reply is not None and self.idle_at is not None

    def wait(self, timeout):
        return self.pump(timeout)

    @property
    def status(self):
        return self.reply.get("status") if self.reply else None

    def text(self):
        return "".join(text_of(m) + "\n" for m in self.outputs)

    def stdout(self):
        return "".join(m["content"].get("text", "") for m in self.outputs if m["msg_type"] == "stream")

    def progress(self):
        return [text_of(m) for m in self.outputs if PROGRESS.search(text_of(m))]

    def error(self):
        if self.reply and self.reply.get("status") == "error":
            return f"{self.reply.get('ename')}: {self.reply.get('evalue')}"
        return None


def short(text, n=300):
    text = text.strip().replace("\n", " | ")
    return text if len(text) <= n else text[:n] + " ..."


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rig", help="the folder given to ../shared/ijava/build.sh")
    ap.add_argument("--interrupt-after", type=float, default=5.0,
                    help="seconds of training (after its first progress output) before the interrupt")
    args = ap.parse_args()
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    rig = os.path.abspath(args.rig)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [os.path.join(rig, "share", "jupyter")] + ([os.environ["JUPYTER_PATH"]] if os.environ.get("JUPYTER_PATH") else []))
    from jupyter_client.manager import KernelManager

    env = {k: v for k, v in os.environ.items() if not k.startswith("CONVBOOK_MAX_")}   # no quick-mode caps here
    km = KernelManager(kernel_name="java")
    km.start_kernel(cwd=os.path.join(root, "notebooks"), env=env)   # as Jupyter: the notebooks' folder
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        s = Session(km, kc)
        log(f"kernel started, pid {s.pid()}")
        steps(s, km, args.interrupt_after)
    finally:
        try:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
        except Exception:
            km.shutdown_kernel(now=True)
    failed = [n for n, ok in results if not ok]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed" + (f" ({', '.join(failed)})" if failed else ""))
    return 1 if failed else 0


def steps(s, km, interrupt_after):
    # load: both magics in one execute request, as in every chapter's first cell
    c = s.run("%jars ../kernel-lib/*.jar\n%load ../kernel-lib/startup.jsh", timeout=180)
    probe = s.run("Tensor.zeros(2, 3).shape()", timeout=60)
    if not check("load: %jars and %load in one execute request", c.status == "ok" and probe.status == "ok",
                 f"reply {c.status} {c.error() or ''}; Tensor.zeros(2, 3).shape() -> {short(probe.text())}"):
        return

    c = s.run("""
        Utils.setRandomSeed(1);
        var x = Tensor.randn(60000, 784);
        var y = x.slice(1, 0, 10).argmax(1);   // labels 0..9 that depend on x, so there is something to learn
        var model = new Sequential(new Dense(512).activation("relu").inputShape(784),
                                   new Dense(512).activation("relu"),
                                   new Dense(10).activation("softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        """, timeout=180)
    if not check("setup: random data and a compiled Dense 512-512-10 model", c.status == "ok", c.error() or ""):
        return

    fit = s.send(LONG_FIT)
    t0 = time.monotonic()
    while not fit.progress() and not fit.done() and time.monotonic() - t0 < 120:
        fit.pump(0.5)
    if not check("fit: the long fit starts and shows progress", bool(fit.progress()) and not fit.done(),
                 f"after {time.monotonic() - t0:.1f} s: {short(fit.text())}"):
        return
    fit.pump(max(0.0, interrupt_after - 2.0))
    busy = cpu_use(s.pid(), 2.0)   # the last 2 s before the interrupt (messages wait in their queues meanwhile)
    log(f"training for {time.monotonic() - t0:.1f} s, kernel CPU while training: {busy:.2f} s per 2 s; interrupting")
    interrupted_at = time.monotonic()
    km.interrupt_kernel()
    fit.pump(30)

    # (a) the cell ends with an error reply, soon
    reply_after = (fit.reply_at - interrupted_at) if fit.reply_at else None
    check("(a) the interrupted cell ends with an error reply within 5 s",
          fit.status == "error" and reply_after is not None and reply_after <= 5,
          f"reply {fit.status} after {reply_after if reply_after is None else round(reply_after, 1)} s: {short(fit.error() or '', 160)}")

    # (b) idle soon, and the kernel's CPU use drops to (almost) nothing: training really stopped
    idle_after = (fit.idle_at - interrupted_at) if fit.idle_at else None
    time.sleep(1.0)   # let the JIT and the garbage collector settle
    used = cpu_use(s.pid(), 2.0)
    check("(b) the kernel is idle within 5 s and uses almost no CPU after the interrupt",
          idle_after is not None and idle_after <= 5 and used < 0.3,
          f"idle after {idle_after if idle_after is None else round(idle_after, 1)} s; "
          f"CPU {used:.2f} s in 2 s (while training: {busy:.2f} s; limit 0.3 s)")

    # (c) nothing from the stopped training reaches later cells
    s.stray.clear()
    after = s.run('System.out.println("after")', timeout=60)
    s.drain(5.0)
    # a cell that stays busy for 3 s: output of a training still running would land in it
    after2 = s.run('Thread.sleep(3000); System.out.println("after 2");', timeout=60)
    # An update_display_data for a display the interrupted cell created rewrites that cell's own progress line (the
    # stop message, "Epoch 1/30: interrupted at batch ..."): Jupyter front ends and nbclient apply it there, by its
    # display id, whichever request it arrives under. Anything else is output landing in a later cell.
    fit_displays = {m["content"].get("transient", {}).get("display_id") for m in fit.outputs
                    if m["msg_type"] == "display_data"} - {None}
    def leaks(m):
        return not (m["msg_type"] == "update_display_data"
                    and m["content"].get("transient", {}).get("display_id") in fit_displays)
    leaked = [f"{m['msg_type']} {short(text_of(m), 120)!r}" for m in after.outputs + after2.outputs
              if (m["msg_type"] != "stream" or PROGRESS.search(text_of(m))) and leaks(m)]
    leaked += [f"stray {m['msg_type']} {short(text_of(m), 120)!r}" for m in s.stray if leaks(m)]
    check("(c) the next cells print only their own output (no Epoch, no progress)",
          after.status == "ok" and after.stdout() == "after\n" and after2.status == "ok"
          and after2.stdout() == "after 2\n" and not leaked,
          f"'after' cell: {short(after.text())!r}; 'after 2' cell: {short(after2.text())!r}; "
          f"stray/leaked outputs: {len(leaked)} {leaked[:3]}")

    # (d) a new short fit works and shows its progress
    short_fit = s.run("model.fit(x.slice(0, 2000), y.slice(0, 2000), epochs(1))", timeout=300)
    text = short_fit.text()
    foreign = [line for line in text.splitlines() if "/1875 [" in line or "/30" in line]
    check("(d) a new short fit (1 epoch, 2,000 samples) works and shows its progress",
          short_fit.status == "ok" and "Epoch 1/1" in text and "63/63 [" in text,
          f"reply {short_fit.status} {short_fit.error() or ''}; outputs: {short(text, 300)!r}"
          + (f"; note: {len(foreign)} of its output lines come from the interrupted fit" if foreign else ""))

    # (e) restart, then a fresh session answers
    old_pid = s.pid()
    t = time.monotonic()
    km.restart_kernel(now=False)
    s.kc.wait_for_ready(timeout=120)
    s.drain(0.5)
    three = s.run("1 + 2", timeout=60)
    results_3 = [text_of(m) for m in three.outputs if m["msg_type"] == "execute_result"]
    check("(e) restart_kernel works and `1 + 2` gives 3 afterwards",
          three.status == "ok" and results_3 == ["3"] and s.pid() != old_pid,
          f"restart took {time.monotonic() - t:.1f} s, pid {old_pid} -> {s.pid()}; results {results_3}")


if __name__ == "__main__":
    sys.exit(main())
