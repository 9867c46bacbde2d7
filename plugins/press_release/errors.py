"""The plugin's one error type."""


class PressReleaseError(Exception):
    """A release file that cannot be read at all (undecodable, binary, empty), or a
    build step of the plugin (such as the search index) that cannot be completed."""
