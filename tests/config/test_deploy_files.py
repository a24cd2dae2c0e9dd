"""What a host runs: the Procfile (PaaS, `make run-scaled`) and the VPS's systemd units."""

import shutil
import subprocess
from pathlib import Path

import pytest
from honcho.environ import parse_procfile

ROOT = Path(__file__).resolve().parents[2]


def test_the_procfile_runs_the_release_web_worker_and_scheduler_on_the_platforms_port():
    processes = parse_procfile((ROOT / "Procfile").read_text()).processes
    assert set(processes) == {"release", "web", "worker", "scheduler"}
    assert processes["release"] == "python manage.py migrate --no-input"
    assert "gunicorn comptoir.config.wsgi --bind 0.0.0.0:$PORT" in processes["web"]
    assert "celery -A comptoir.config worker" in processes["worker"]
    assert "celery -A comptoir.config beat" in processes["scheduler"]
    local = parse_procfile((ROOT / "Procfile.local").read_text()).processes
    assert local == {
        "web": "python manage.py runserver 127.0.0.1:$PORT",
        "scheduler": "python manage.py run_chores",
    }


def test_run_scaled_starts_the_production_shape_from_the_procfile():
    script = (ROOT / "scripts" / "run_scaled.sh").read_text()
    assert "honcho -f Procfile start" in script
    assert "bin/gunicorn" not in script and "bin/celery" not in script  # no second way to start them


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not on this machine")
def test_the_vps_units_pass_systemd_analyze_verify(tmp_path):
    # The units name /srv/comptoir; here the checkout (with its .venv) stands in for it.
    environment = tmp_path / "comptoir.env"
    environment.write_text("COMPTOIR_ENV=production\n")
    units = []
    for unit in sorted((ROOT / "deploy" / "systemd").glob("*.service")):
        text = (
            unit.read_text()
            .replace("/srv/comptoir", str(ROOT))
            .replace("/etc/comptoir.env", str(environment))
        )
        (tmp_path / unit.name).write_text(text)
        units.append(str(tmp_path / unit.name))
    assert [Path(unit).name for unit in units] == [
        "comptoir-scheduler.service", "comptoir-web.service", "comptoir-worker.service",
    ]  # fmt: skip
    result = subprocess.run(
        [shutil.which("systemd-analyze"), "verify", *units], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""
