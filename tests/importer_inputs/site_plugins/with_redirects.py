"""A test site's extra plugin: the redirects of imported releases (redirects.py)."""

from press_release import redirects


def register():
    redirects.register()
