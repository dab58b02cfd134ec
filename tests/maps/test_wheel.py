"""The built wheel alone draws a map: installed in a fresh virtualenv, run from elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv

import pytest

from tests.conftest import ROOT


def _run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    # Build from a copy of what the wheel is made of, so the checkout gets no build/ debris.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "NOTICE", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "geo_ukraine", source / "geo_ukraine",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    wheels = tmp_path_factory.mktemp("wheels")
    # No build isolation: the build backend is the installed setuptools (the test extra pins
    # it), so the test needs no network.
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
          "-w", str(wheels), str(source)])
    [wheel] = wheels.glob("geo_ukraine-*.whl")
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "--no-deps", "--force-reinstall", "-q",
          str(wheel)])
    return env_dir


def test_installed_wheel_renders_the_seed_map(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    where = _run([str(installed / "bin" / "python"), "-c",
                  "import geo_ukraine, sys; print(geo_ukraine.__file__); "
                  f"print(any(p.rstrip('/') == {str(ROOT)!r} for p in sys.path))"],
                 cwd=tmp_path, env=env)
    module_file, checkout_on_path = where.split()
    assert module_file.startswith(str(installed)), "the wheel, not the checkout, is imported"
    assert checkout_on_path == "False"
    out = tmp_path / "m.html"
    _run([str(installed / "bin" / "geo-ukraine"), "map", str(ROOT / "examples" /
          "seed_events.yaml"), "-o", str(out)], cwd=tmp_path, env=env)
    html = out.read_text(encoding="utf-8")
    assert "geoUkraineEventMap" in html and "geoUkraineBasemap" in html
    assert '"riverLabels"' in html and "Siverskyi Donets" in html, "maps/data/ shipped"
    assert out.stat().st_size > 100_000
