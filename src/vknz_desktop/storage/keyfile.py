"""The vault key file: the database key, wrapped by a key derived from the passphrase.

The SQLCipher database is opened with a random 256-bit raw key. That key is stored only here,
encrypted with AES-256-GCM under a key derived from the passphrase with Argon2id. The Argon2id
parameters and salt are stored beside it and bound into the AES-GCM associated data, so editing
them is detected. A SHA-256 checksum of the whole body tells a damaged file apart from a wrong
passphrase.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vknz_desktop.domain.errors import VaultDamagedError, WrongPassphraseError
from vknz_desktop.storage.fsutil import write_atomically

KEY_FILE_NAME = "vault.key"
#: A second copy of the key file (same wrapped key, same passphrase), so one damaged or lost
#: file does not lock the owner out of the whole vault. Written after the key file itself.
SPARE_SUFFIX = ".spare"
FORMAT = "vknz-keyfile"
FORMAT_VERSION = 1
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12

WRONG_PASSPHRASE_MESSAGE = "Onjuist wachtwoord of geen kluisbestand"  # noqa: S105
DAMAGED_KEY_FILE_MESSAGE = (
    "Het sleutelbestand van de kluis (vault.key) en zijn reservekopie (vault.key.spare) zijn "
    "beschadigd. Zet een reservekopie van de kluismap terug."
)
MISSING_KEY_FILE_MESSAGE = (
    "Het sleutelbestand van de kluis (vault.key) ontbreekt, en zijn reservekopie "
    "(vault.key.spare) ook; zonder sleutelbestand kan de kluis niet worden geopend."
)
RESTORED_KEY_FILE_MESSAGE = (
    "Het sleutelbestand van de kluis (vault.key) was beschadigd of weg. Het is hersteld uit de "
    "reservekopie (vault.key.spare); de kluis zelf is in orde."
)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters; stored in the key file and bound into its authentication."""

    salt: bytes
    time_cost: int
    memory_cost_kib: int
    parallelism: int

    def derive(self, passphrase: str) -> bytes:
        """The 256-bit wrapping key for ``passphrase``."""
        return hash_secret_raw(
            secret=passphrase.encode("utf-8"),
            salt=self.salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_cost_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )

    def as_json(self) -> dict[str, Any]:
        """The parameters as stored."""
        return {
            "name": "argon2id",
            "salt": _b64(self.salt),
            "time_cost": self.time_cost,
            "memory_cost_kib": self.memory_cost_kib,
            "parallelism": self.parallelism,
        }


@dataclass(frozen=True)
class KdfProfile:
    """How hard key derivation should be: memory and a target duration to tune time_cost for."""

    memory_cost_kib: int
    parallelism: int
    target_seconds: float
    max_time_cost: int = 40


# About 0.5-1 s on a 2-core laptop of today; memory-hard so GPUs gain little.
STANDARD_PROFILE = KdfProfile(memory_cost_kib=64 * 1024, parallelism=2, target_seconds=0.7)
# Only for automated tests (VKNZ_KDF_PROFILE=test): fast, still Argon2id.
TEST_PROFILE = KdfProfile(
    memory_cost_kib=8 * 1024, parallelism=1, target_seconds=0.0, max_time_cost=1
)


def profile_from_environment(environ: Mapping[str, str] | None = None) -> KdfProfile:
    """Argon2id cost for new key files; ``VKNZ_KDF_PROFILE=test`` is for automated tests only."""
    env = os.environ if environ is None else environ
    return TEST_PROFILE if env.get("VKNZ_KDF_PROFILE") == "test" else STANDARD_PROFILE


def tune_kdf(profile: KdfProfile) -> KdfParams:
    """Pick Argon2id parameters so derivation takes about ``profile.target_seconds`` here."""
    salt = os.urandom(SALT_BYTES)

    def params(time_cost: int) -> KdfParams:
        return KdfParams(salt, time_cost, profile.memory_cost_kib, profile.parallelism)

    def seconds(candidate: KdfParams) -> float:
        started = time.perf_counter()
        candidate.derive("kalibratie")
        return max(time.perf_counter() - started, 1e-4)

    if profile.target_seconds <= 0:
        return params(1)

    def clamp(value: float) -> int:
        return max(1, min(profile.max_time_cost, round(value)))

    # The first run pays for allocating memory: take the faster of two single passes,
    # then correct the estimate once with a measurement at the estimated cost.
    one_pass = min(seconds(params(1)), seconds(params(1)))
    estimate = clamp(profile.target_seconds / one_pass)
    measured = seconds(params(estimate))
    return params(clamp(estimate * profile.target_seconds / measured))


@dataclass(frozen=True)
class KeyFile:
    """The parsed contents of a key file."""

    kdf: KdfParams
    nonce: bytes
    wrapped_key: bytes

    def associated_data(self) -> bytes:
        """What the AES-GCM tag authenticates besides the key: format and KDF parameters."""
        header = {"format": FORMAT, "version": FORMAT_VERSION, "kdf": self.kdf.as_json()}
        return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()

    def unwrap(self, passphrase: str) -> bytes:
        """The database key, or WrongPassphraseError."""
        wrapping_key = self.kdf.derive(passphrase)
        try:
            return AESGCM(wrapping_key).decrypt(
                self.nonce, self.wrapped_key, self.associated_data()
            )
        except InvalidTag as error:
            raise WrongPassphraseError(WRONG_PASSPHRASE_MESSAGE) from error

    def to_bytes(self) -> bytes:
        """Serialised key file (JSON with a checksum over its body)."""
        body = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "kdf": self.kdf.as_json(),
            "wrap": {
                "alg": "AES-256-GCM",
                "nonce": _b64(self.nonce),
                "key": _b64(self.wrapped_key),
            },
        }
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
        checksum = hashlib.sha256(canonical.encode()).hexdigest()
        return (
            json.dumps({"body": body, "sha256": checksum}, indent=2, sort_keys=True) + "\n"
        ).encode()

    @classmethod
    def wrap(cls, database_key: bytes, passphrase: str, kdf: KdfParams) -> KeyFile:
        """A key file holding ``database_key`` under ``passphrase``."""
        unsealed = cls(kdf=kdf, nonce=os.urandom(NONCE_BYTES), wrapped_key=b"")
        sealed = AESGCM(kdf.derive(passphrase)).encrypt(
            unsealed.nonce, database_key, unsealed.associated_data()
        )
        return cls(kdf=kdf, nonce=unsealed.nonce, wrapped_key=sealed)

    @classmethod
    def parse(cls, data: bytes) -> KeyFile:
        """Parse and check a key file; VaultDamagedError when it is not a sound key file."""
        try:
            outer = json.loads(data.decode("utf-8"))
            body = outer["body"]
            canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
            if hashlib.sha256(canonical.encode()).hexdigest() != outer["sha256"]:
                raise ValueError("checksum")
            if body["format"] != FORMAT:
                raise ValueError("format")
            if body["version"] != FORMAT_VERSION:
                raise ValueError("version")
            kdf = body["kdf"]
            if kdf["name"] != "argon2id":
                raise ValueError("kdf")
            params = KdfParams(
                salt=_unb64(kdf["salt"]),
                time_cost=_positive_int(kdf["time_cost"]),
                memory_cost_kib=_positive_int(kdf["memory_cost_kib"]),
                parallelism=_positive_int(kdf["parallelism"]),
            )
            nonce = _unb64(body["wrap"]["nonce"])
            wrapped = _unb64(body["wrap"]["key"])
            if len(nonce) != NONCE_BYTES or len(wrapped) != KEY_BYTES + 16:
                raise ValueError("sizes")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError) as error:
            raise VaultDamagedError(DAMAGED_KEY_FILE_MESSAGE) from error
        return cls(kdf=params, nonce=nonce, wrapped_key=wrapped)


def read_key_file(path: Path) -> KeyFile:
    """Read and parse the key file at ``path``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise VaultDamagedError(DAMAGED_KEY_FILE_MESSAGE) from error
    return KeyFile.parse(data)


def spare_path(path: Path) -> Path:
    """Where the spare copy of the key file at ``path`` lives."""
    return path.with_name(path.name + SPARE_SUFFIX)


def write_key_file(path: Path, key_file: KeyFile) -> None:
    """Write ``key_file`` and then its spare copy, each atomically (temporary file, fsync,
    rename, fsync directory). A crash in between leaves a working key file: the old pair, or
    the new key file with an old spare that the next unlock brings up to date."""
    data = key_file.to_bytes()
    write_atomically(path, data)
    write_atomically(spare_path(path), data)


@dataclass(frozen=True)
class KeyFileRead:
    """The key file that was read, and whether it came from the spare copy."""

    key_file: KeyFile
    data: bytes
    from_spare: bool
    spare_sound: bool


def read_key_file_or_spare(path: Path) -> KeyFileRead:
    """Read the key file; when it is missing or damaged, its spare copy.

    Raises VaultDamagedError naming vault.key when neither can be used.
    """
    spare = spare_path(path)
    spare_data: bytes | None = None
    spare_file: KeyFile | None = None
    with contextlib.suppress(OSError, VaultDamagedError):
        spare_data = spare.read_bytes()
        spare_file = KeyFile.parse(spare_data)
    try:
        data = path.read_bytes()
        return KeyFileRead(KeyFile.parse(data), data, False, spare_data == data)
    except (OSError, VaultDamagedError) as error:
        if spare_file is None or spare_data is None:
            if isinstance(error, FileNotFoundError):
                raise VaultDamagedError(MISSING_KEY_FILE_MESSAGE) from error
            raise VaultDamagedError(DAMAGED_KEY_FILE_MESSAGE) from error
        return KeyFileRead(spare_file, spare_data, True, True)


def repair_key_files(path: Path, read: KeyFileRead) -> None:
    """After a successful unwrap: restore the key file from its spare, or refresh the spare."""
    if read.from_spare:
        write_atomically(path, read.data)
    elif not read.spare_sound:
        write_atomically(spare_path(path), read.data)


def new_database_key() -> bytes:
    """A fresh random 256-bit database key."""
    return os.urandom(KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _positive_int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 2**32:
        raise ValueError("expected a positive integer")
    return value
