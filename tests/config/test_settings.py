"""Settings come from the environment; production refuses the demo's secrets."""

import os
import subprocess
import sys

import pytest

STRONG_KEY = "k" * 20 + "-not-the-demo-key-" + "z" * 20


# What the test process itself sets (the browser tests allow sync database calls) is no shop's setting.
NOT_INHERITED = {"SECRET_KEY", "DEBUG", "COMPTOIR_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def clean_environment(environment: dict[str, str]) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    return env | {"DJANGO_SETTINGS_MODULE": "comptoir.config.settings", **environment}


def run_settings(environment: dict[str, str], code: str = "") -> subprocess.CompletedProcess[str]:
    script = "import django; django.setup(); from django.conf import settings\n" + code
    return subprocess.run(
        [sys.executable, "-c", script],
        env=clean_environment(environment),
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_the_demo_secret_key():
    result = run_settings({"COMPTOIR_ENV": "production", "ALLOWED_HOSTS": "shop.example"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    result = run_settings(
        {
            "COMPTOIR_ENV": "production",
            "SECRET_KEY": STRONG_KEY,
            "DEBUG": "true",
            "ALLOWED_HOSTS": "shop.example",
        }
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_production_with_its_own_secret_starts_with_secure_cookies():
    result = run_settings(
        {"COMPTOIR_ENV": "production", "SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "shop.example"},
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE,"
        " settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "31536000"]


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("postgres://shop@db.example:5432/comptoir", "django.db.backends.postgresql"),
        ("sqlite:////tmp/shop.sqlite3", "django.db.backends.sqlite3"),
    ],
)
def test_the_database_comes_from_database_url(url, engine):
    result = run_settings({"DATABASE_URL": url}, "print(settings.DATABASES['default']['ENGINE'])")
    assert result.stdout.strip() == engine


def test_redis_url_moves_the_cache_and_sessions_to_redis():
    result = run_settings(
        {"REDIS_URL": "redis://127.0.0.1:6379/1"},
        "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)",
    )
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cache",
    ]


def test_deploy_checks_are_clean_in_production():
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean_environment(
            {
                "COMPTOIR_ENV": "production",
                "SECRET_KEY": STRONG_KEY,
                "DEBUG": "false",
                "ALLOWED_HOSTS": "shop.example",
            }
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
