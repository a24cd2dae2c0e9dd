"""Visit every page a visitor can reach from the home page and the sitemaps; fail on any error.

    python scripts/smoke_pages.py http://127.0.0.1:8000    (run by `make run-scaled SCALED_SMOKE=1`)

A breadth-first walk over same-site links (at most MAX_PAGES), plus every address of the sitemaps and
the static files the pages load (which must carry a long cache lifetime). Prints one line per failure
and exits 1 if there was any.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from collections import deque
from urllib.parse import urldefrag, urljoin, urlparse

MAX_PAGES = 400
LINK = re.compile(r'(?:href|src)="([^"#]+)"')
SKIPPED = (
    "/media/",
    "/admin/",
    "/atelier/",
    "logout",
    "deconnexion",
    "/paiement/",
    ".ics",
    "/rss/",
    "/atom/",
)


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers={"User-Agent": "comptoir-smoke"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            body = response.read()
            text = (
                body.decode("utf-8", "replace") if "text" in response.headers.get("Content-Type", "") else ""
            )
            return response.status, dict(response.headers), text
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


def main(base: str) -> int:
    host = urlparse(base).netloc
    queue = deque([f"{base}/fr/", f"{base}/en/", f"{base}/sitemap.xml", f"{base}/robots.txt"])
    seen, failures, statics = set(queue), [], set()
    pages = 0
    while queue and pages < MAX_PAGES:
        url = queue.popleft()
        status, headers, text = fetch(url)
        pages += 1
        if status >= 400:
            failures.append(f"{status} {url}")
            continue
        found = LINK.findall(text) + re.findall(r"<loc>([^<]+)</loc>", text)
        for link in found:
            target = urldefrag(urljoin(url, link.replace("&amp;", "&"))).url
            if urlparse(target).netloc != host or target in seen or any(part in target for part in SKIPPED):
                continue
            seen.add(target)
            (statics.add(target) if "/static/" in target else queue.append(target))
    for url in sorted(statics):
        status, headers, _text = fetch(url)
        if status != 200:
            failures.append(f"{status} {url}")
        elif "immutable" not in headers.get("Cache-Control", "") and re.search(r"\.[0-9a-f]{12}\.", url):
            failures.append(f"short cache lifetime ({headers.get('Cache-Control')}) {url}")
    print(f"{pages} pages and {len(statics)} static files visited, {len(failures)} failures")
    for failure in failures:
        print(f"  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000"))
