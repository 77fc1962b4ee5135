"""Errors the user can understand and act on, as opposed to bugs."""

from __future__ import annotations


class KnownError(Exception):
    """A problem with a clear cause that is shown to the user as a Dutch message.

    The GUI shows ``message`` in a dialog; the CLI prints it as one line and exits with 2.
    Anything that is *not* a KnownError is treated as a bug.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongPassphraseError(KnownError):
    """The passphrase does not unwrap the vault key."""


class VaultMissingError(KnownError):
    """There is no vault at the given location."""


class VaultDamagedError(KnownError):
    """The vault database, key file or a media file is damaged or not what it claims to be."""


class ReadOnlyVaultError(KnownError):
    """A write was asked of a vault that was opened read-only because it is damaged."""


class VaultInUseError(KnownError):
    """Another process holds the vault open."""


class UnsupportedMediaError(KnownError):
    """A file offered for import is not playable media."""


class DuplicateRecordingError(KnownError):
    """The same source file (by SHA-256) is already in the vault."""


class ImportCancelledError(KnownError):
    """The user cancelled an import; nothing was kept."""


class ExportCancelledError(KnownError):
    """The user cancelled an export (e.g. a privacy request's package); nothing was kept."""


class WeakPassphraseError(KnownError):
    """A new passphrase is empty or too weak."""


class DiskFullError(KnownError):
    """The disk ran out of space while writing."""
