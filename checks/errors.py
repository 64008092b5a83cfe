"""The exceptions the library raises. Messages are meant for people: they say
where the problem is and what to do. Only cli.py turns them into ``Error: …``."""


class ChecksError(Exception):
    "Base class for every error checks reports to a person."


class InputError(ChecksError):
    "Bad input in a file or stream: ``where`` is e.g. ``line 12`` or a path."

    def __init__(self, message, where=None):
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class FetchError(ChecksError):
    "A URL could not be fetched or was refused."

    def __init__(self, url, message):
        self.url = url
        self.message = message
        super().__init__(f"{url}: {message}")


class AuthError(ChecksError):
    "A reviewer account problem (unknown name, empty password)."
