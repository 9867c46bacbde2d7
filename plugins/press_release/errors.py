"""The plugin's one error type."""


class PressReleaseError(Exception):
    """A release file that cannot be read at all (undecodable, binary, empty), or a
    build step of the plugin (such as the search index) that cannot be completed."""

    @property
    def message(self):
        """What the error says: a ``messages.Message`` where one was given (shown in the
        build's language), else its text."""
        return self.args[0] if self.args else ""
