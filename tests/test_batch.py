"""Batch integrity: every input gives a record or an error, the batch goes on, nothing half-written."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time


from conftest import POSTING, jdparse_argv, run_cli
from jdparse import batch


def _folder(tmp_path, n=2, name="in"):
    src = tmp_path / name
    src.mkdir()
    for i in range(n):
        (src / f"p{i:03d}.txt").write_text(POSTING, encoding="utf-8")
    return src


def _records(proc):
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]


def test_broken_symlink_is_an_error_record(tmp_path):
    src = _folder(tmp_path)
    (src / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    proc = run_cli("parse", str(src), "--format", "jsonl")
    assert proc.returncode == 1
    recs = {r["source"].rsplit("/", 1)[-1]: r for r in _records(proc)}
    assert recs["gone.txt"]["error"] == "broken symbolic link"
    assert recs["p000.txt"]["title"] == "Senior Data Engineer"
    assert b"parsed 2, failed 1" in proc.stderr


def test_symlink_loops_do_not_hang(tmp_path):
    src = _folder(tmp_path)
    (src / "again").symlink_to(src, target_is_directory=True)  # a folder loop
    (src / "a.txt").symlink_to(src / "b.txt")  # a file loop
    (src / "b.txt").symlink_to(src / "a.txt")
    proc = run_cli("parse", str(src), "--format", "jsonl")
    assert proc.returncode == 1
    errors = [r for r in _records(proc) if "error" in r]
    assert {r["source"].rsplit("/", 1)[-1] for r in errors} == {"a.txt", "b.txt"}
    assert all("cannot read" in r["error"] for r in errors)
    assert sum("title" in r for r in _records(proc)) == 2


def test_file_that_vanishes_during_the_run(tmp_path):
    src = _folder(tmp_path, 3)
    job = batch.Job(paths=[str(src)], fmt="jsonl")
    items = list(batch.expand(job.paths, job.globs))
    os.unlink(src / "p001.txt")  # listed, then gone before it is read
    import io

    out, err = io.StringIO(), io.StringIO()
    summary = batch.run(job, items, out=out, err=err)
    assert (summary.parsed, summary.failed) == (2, 1)
    assert err.getvalue().strip().endswith("p001.txt: no such file")
    assert '"error": "no such file"' in out.getvalue()


def test_unreadable_file(tmp_path, monkeypatch):
    # Tests run as root here, where chmod 000 does not stop reading: the
    # permission error is raised where the file is opened instead.
    # (Inputs may be opened as files or as bare descriptors: both are refused.)
    src = _folder(tmp_path, 2)

    def refusing(real):
        def fake_open(path, *a, **k):
            if str(path).endswith("p001.txt"):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *a, **k)
        return fake_open

    monkeypatch.setattr("builtins.open", refusing(open))
    monkeypatch.setattr("os.open", refusing(os.open))
    import io

    job = batch.Job(paths=[str(src)], fmt="jsonl")
    out, err = io.StringIO(), io.StringIO()
    summary = batch.run(job, list(batch.expand(job.paths, job.globs)), out=out, err=err)
    assert (summary.parsed, summary.failed) == (1, 1)
    assert "p001.txt: permission denied" in err.getvalue()


def test_file_name_not_valid_utf8(tmp_path):
    src = _folder(tmp_path, 1)
    raw = os.fsencode(str(src)) + b"/caf\xe9.txt"
    with open(raw, "wb") as f:
        f.write(POSTING.encode())
    out = tmp_path / "out"
    proc = run_cli("parse", str(src), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    sources = sorted(r["source"].rsplit("/", 1)[-1] for r in _records(proc))
    assert sources == ["caf\\xe9.txt", "p000.txt"]
    proc = run_cli("parse", str(src), "--format", "json", "--out-dir", str(out))
    assert proc.returncode == 0
    assert os.path.exists(os.fsencode(str(out)) + b"/caf\xe9.json")


def test_output_folder_not_writable(tmp_path):
    src = _folder(tmp_path, 2)
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    proc = run_cli("parse", str(src), "--format", "json", "--out-dir", str(blocker))
    assert proc.returncode == 1
    lines = proc.stderr.decode().strip().splitlines()
    assert sum("cannot write output" in line for line in lines) == 2
    assert lines[-1].startswith("jdparse: parsed 0, failed 2")


def test_skip_existing_resumes(tmp_path):
    src = _folder(tmp_path, 3)
    out = tmp_path / "out"
    first = run_cli("parse", str(src), "--format", "json", "--out-dir", str(out))
    assert first.returncode == 0
    (out / "p001.json").unlink()
    again = run_cli("parse", str(src), "--format", "json", "--out-dir", str(out), "--skip-existing")
    assert again.returncode == 0
    assert b"parsed 1, failed 0, skipped 2" in again.stderr
    assert json.loads((out / "p001.json").read_text())["title"] == "Senior Data Engineer"


def test_outputs_are_written_whole(tmp_path):
    src = _folder(tmp_path, 5)
    out = tmp_path / "out"
    run_cli("parse", str(src), "--format", "json", "--out-dir", str(out))
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"p{i:03d}.json" for i in range(5)]  # no temporary files left
    for p in out.iterdir():
        json.loads(p.read_text())


def test_ctrl_c_stops_with_summary_and_130(tmp_path):
    # The 11th input is a named pipe nobody writes to: reading it blocks, so the
    # batch is certainly still running when Ctrl-C comes, however fast parsing is.
    src = _folder(tmp_path, 40)
    (src / "p010.txt").unlink()
    os.mkfifo(src / "p010.txt")
    out = tmp_path / "out"
    env = dict(os.environ)
    proc = subprocess.Popen([*jdparse_argv(), "parse", str(src), "--format", "json", "--out-dir", str(out),
                             "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.time() + 60
    while time.time() < deadline and not (out.exists() and len(list(out.glob("*.json"))) >= 10):
        time.sleep(0.02)
    time.sleep(0.2)  # the batch is now blocked on the pipe
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert b"Traceback" not in stderr
    assert b"jdparse: interrupted: parsed 10, failed 0" in stderr
    written = sorted(p.name for p in out.glob("*"))
    assert written == [f"p{i:03d}.json" for i in range(10)]  # every output whole, no temporary file left
    for p in out.glob("*"):
        json.loads(p.read_text())


def test_jobs_keep_input_order(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(150):
        (src / f"p{i:03d}.txt").write_text(POSTING.replace("Senior Data Engineer", f"Engineer {i}"), encoding="utf-8")
    one = run_cli("parse", str(src), "--format", "jsonl", "--jobs", "1")
    two = run_cli("parse", str(src), "--format", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert [r["title"] for r in _records(two)] == [f"Engineer {i}" for i in range(150)]


def test_small_batch_runs_in_one_process():
    job = batch.Job(paths=[], jobs=8)
    assert batch.workers_for(job, 20) == 1
    assert batch.workers_for(job, 20 * batch.SMALL_BATCH) == 8
    assert batch.workers_for(batch.Job(paths=[], jobs=2), 1000) == 2
