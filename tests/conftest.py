import pytest


@pytest.fixture(scope="session")
def _session_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, _session_media_root):
    """Uploaded images and their renditions go to a temporary folder, never into var/.

    One folder for the whole session: ImageKit's storage keeps the location it first saw.
    """
    settings.MEDIA_ROOT = _session_media_root


@pytest.fixture(autouse=True)
def _french_by_default(settings):
    settings.LANGUAGE_CODE = "fr"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no page cached by an earlier test's (rolled back) rows."""
    from django.core.cache import cache

    from comptoir.analytics.visit_buffer import take_views

    cache.clear()
    take_views()  # and no page view buffered by an earlier test
