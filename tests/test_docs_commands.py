"""The command lines the README and the docs show run as written."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _commands(path: Path) -> list[str]:
    """The ``cnreport`` lines of the ``sh`` blocks of a page, comments cut."""
    blocks = re.findall(r"```sh\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if re.match(r"(cat \S+ \| )?cnreport ", line)]


COMMANDS = sorted({(page, c) for page in ("README.md", "docs/cli.md", "docs/speakers.md", "docs/tour.md")
                   for c in _commands(ROOT / page)})


def test_the_pages_show_commands() -> None:
    assert len({page for page, _ in COMMANDS}) >= 3 and len(COMMANDS) >= 8


@pytest.mark.parametrize("page, command", COMMANDS, ids=[f"{p}:{c[:40]}" for p, c in COMMANDS])
def test_a_documented_command_runs(page: str, command: str, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "report.txt").write_text((ROOT / "seeds" / "000_f7e51955b27f69e8.txt").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "COLUMNS": "100"}
    run = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout or "-o " in command
