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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from vknz_desktop.domain.errors import VaultDamagedError, WrongPassphraseError
from vknz_desktop.storage.fsutil import write_atomically
from vknz_desktop.storage.key_memory import new_key, scrub

KEY_FILE_NAME = "vault.key"
#: A second copy of the key file (same wrapped key, same passphrase), so one damaged or lost
#: file does not lock the owner out of the whole vault. Written after the key file itself.
SPARE_SUFFIX = ".spare"
FORMAT = "vknz-keyfile"
FORMAT_VERSION = 2
#: Version 1 files (before generations) are still read, as generation 0.
READABLE_VERSIONS = (1, 2)
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
    """How hard key derivation should be: memory and a target duration to tune time_cost for.

    ``enforce_floor``: the tuned parameters never go below ``ARGON2_FLOOR``, whatever the
    measurement says (a busy machine measures slow and would otherwise tune low).
    """

    memory_cost_kib: int
    parallelism: int
    target_seconds: float
    max_time_cost: int = 40
    enforce_floor: bool = True


@dataclass(frozen=True)
class KdfFloor:
    """The least Argon2id cost a key file of a real vault is ever written with."""

    memory_cost_kib: int
    time_cost: int
    parallelism: int


#: Fixed minimum: 64 MiB, three passes, two lanes. Tuning may only raise the time cost.
ARGON2_FLOOR = KdfFloor(memory_cost_kib=64 * 1024, time_cost=3, parallelism=2)
# About 0.5-1 s on a 2-core laptop of today; memory-hard so GPUs gain little.
STANDARD_PROFILE = KdfProfile(memory_cost_kib=64 * 1024, parallelism=2, target_seconds=0.7)
#: Only for automated tests, which pass it in explicitly (nothing in the app or the command
#: line can choose it): fast, still Argon2id, below the floor.
TEST_PROFILE = KdfProfile(
    memory_cost_kib=8 * 1024,
    parallelism=1,
    target_seconds=0.0,
    max_time_cost=1,
    enforce_floor=False,
)


def tune_kdf(profile: KdfProfile) -> KdfParams:
    """Pick Argon2id parameters so derivation takes about ``profile.target_seconds`` here,
    never below ``ARGON2_FLOOR`` (unless the profile is the tests' own)."""
    salt = os.urandom(SALT_BYTES)
    floor = ARGON2_FLOOR if profile.enforce_floor else KdfFloor(profile.memory_cost_kib, 1, 1)
    memory = max(profile.memory_cost_kib, floor.memory_cost_kib)
    lanes = max(profile.parallelism, floor.parallelism)

    def params(time_cost: int) -> KdfParams:
        return KdfParams(salt, max(time_cost, floor.time_cost), memory, lanes)

    def seconds(candidate: KdfParams) -> float:
        started = time.perf_counter()
        candidate.derive("kalibratie")
        return max(time.perf_counter() - started, 1e-4)

    if profile.target_seconds <= 0:
        return params(1)

    def clamp(value: float) -> int:
        return max(1, min(max(profile.max_time_cost, floor.time_cost), round(value)))

    # The first run pays for allocating memory: take the faster of two single passes,
    # then correct the estimate once with a measurement at the estimated cost.
    single = KdfParams(salt, 1, memory, lanes)
    one_pass = min(seconds(single), seconds(single))
    effective = max(clamp(profile.target_seconds / one_pass), floor.time_cost)
    measured = seconds(params(effective))
    return params(clamp(effective * profile.target_seconds / measured))


def below_floor(kdf: KdfParams) -> bool:
    """Whether a key file's parameters are weaker than ``ARGON2_FLOOR``."""
    return (
        kdf.memory_cost_kib < ARGON2_FLOOR.memory_cost_kib
        or kdf.time_cost < ARGON2_FLOOR.time_cost
        or kdf.parallelism < ARGON2_FLOOR.parallelism
    )


@dataclass(frozen=True)
class KeyFile:
    """The parsed contents of a key file.

    ``generation`` counts passphrase changes: a spare copy with a lower (or equal) generation
    than the key file is stale and is never tried with a passphrase the key file refuses, so a
    stale spare cannot bring an old passphrase back.
    """

    kdf: KdfParams
    nonce: bytes
    wrapped_key: bytes
    generation: int = 1
    version: int = FORMAT_VERSION

    def associated_data(self) -> bytes:
        """What the AES-GCM tag authenticates besides the key: format, generation and KDF
        parameters."""
        header: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "kdf": self.kdf.as_json(),
        }
        if self.version >= 2:
            header["generation"] = self.generation
        return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()

    def unwrap(self, passphrase: str) -> bytearray:
        """The database key (in a buffer the caller wipes), or WrongPassphraseError."""
        wrapping_key = self.kdf.derive(passphrase)
        aead = AESGCM(wrapping_key)
        scrub(wrapping_key)
        key = bytearray(max(0, len(self.wrapped_key) - 16))
        try:
            aead.decrypt_into(self.nonce, self.wrapped_key, self.associated_data(), key)
        except InvalidTag as error:
            raise WrongPassphraseError(WRONG_PASSPHRASE_MESSAGE) from error
        except ValueError as error:  # a wrapped key too short to hold a tag
            raise WrongPassphraseError(WRONG_PASSPHRASE_MESSAGE) from error
        return key

    def to_bytes(self) -> bytes:
        """Serialised key file (JSON with a checksum over its body)."""
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "kdf": self.kdf.as_json(),
            "wrap": {
                "alg": "AES-256-GCM",
                "nonce": _b64(self.nonce),
                "key": _b64(self.wrapped_key),
            },
        }
        if self.version >= 2:
            body["generation"] = self.generation
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
        checksum = hashlib.sha256(canonical.encode()).hexdigest()
        return (
            json.dumps({"body": body, "sha256": checksum}, indent=2, sort_keys=True) + "\n"
        ).encode()

    @classmethod
    def wrap(
        cls, database_key: bytes | bytearray, passphrase: str, kdf: KdfParams, generation: int = 1
    ) -> KeyFile:
        """A key file holding ``database_key`` under ``passphrase``."""
        unsealed = cls(
            kdf=kdf, nonce=os.urandom(NONCE_BYTES), wrapped_key=b"", generation=generation
        )
        wrapping_key = kdf.derive(passphrase)
        aead = AESGCM(wrapping_key)
        scrub(wrapping_key)
        sealed = aead.encrypt(unsealed.nonce, database_key, unsealed.associated_data())
        return cls(kdf=kdf, nonce=unsealed.nonce, wrapped_key=sealed, generation=generation)

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
            version = body["version"]
            if version not in READABLE_VERSIONS or isinstance(version, bool):
                raise ValueError("version")
            generation = _positive_int(body["generation"]) if version >= 2 else 0
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
        return cls(
            kdf=params, nonce=nonce, wrapped_key=wrapped, generation=generation, version=version
        )


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
    """Write the spare copy of ``key_file`` and then the key file itself, each atomically
    (temporary file, fsync, rename, fsync directory).

    This order is safe at every crash point: the spare is never older than the key file. A
    crash in between leaves the old key file with a newer spare; the next unlock then accepts
    the old passphrase (and makes the spare old again) or the new one (and restores the key
    file from the spare), never a passphrase older than both.
    """
    data = key_file.to_bytes()
    write_atomically(spare_path(path), data)
    write_atomically(path, data)


def leftover_temporary_files(path: Path) -> list[Path]:
    """Temporary files a crash during a key file write can leave (they hold a wrapped key):
    ``files.write_atomically``'s ``.vault.key.<random>.tmp`` and ``.vault.key.spare.<…>.tmp``,
    and the fixed ``vault.key.tmp`` names of earlier versions."""
    earlier = [p.with_name(p.name + ".tmp") for p in (path, spare_path(path))]
    return earlier + sorted(path.parent.glob(f".{path.name}.*.tmp"))


@dataclass(frozen=True)
class KeyFileRead:
    """The key file that was read, and whether it came from the spare copy."""

    key_file: KeyFile
    data: bytes
    from_spare: bool
    spare_sound: bool


@dataclass(frozen=True)
class _Candidates:
    main: tuple[KeyFile, bytes] | None
    spare: tuple[KeyFile, bytes] | None


def _read_candidates(path: Path) -> _Candidates:
    def read(candidate: Path) -> tuple[KeyFile, bytes] | None:
        with contextlib.suppress(OSError, VaultDamagedError):
            data = candidate.read_bytes()
            return KeyFile.parse(data), data
        return None

    return _Candidates(read(path), read(spare_path(path)))


def read_key_file_or_spare(path: Path) -> KeyFileRead:
    """Read the key file; when it is missing or damaged, its spare copy.

    Raises VaultDamagedError naming vault.key when neither can be used.
    """
    found = _read_candidates(path)
    if found.main is not None:
        key_file, data = found.main
        return KeyFileRead(
            key_file, data, False, found.spare is not None and found.spare[1] == data
        )
    if found.spare is not None:
        return KeyFileRead(found.spare[0], found.spare[1], True, True)
    if not path.exists() and not spare_path(path).exists():
        raise VaultDamagedError(MISSING_KEY_FILE_MESSAGE)
    raise VaultDamagedError(DAMAGED_KEY_FILE_MESSAGE)


def unlock_key(path: Path, passphrase: str) -> tuple[bytearray, KeyFileRead]:
    """The database key for ``passphrase`` and the file it came from.

    The key file is tried first; the spare too when the key file is missing or damaged, or
    when it is sound but refuses the passphrase and the spare is *newer* (a passphrase change
    that was cut off after the spare was written). WrongPassphraseError when none unwraps.
    """
    found = _read_candidates(path)
    read = read_key_file_or_spare(path)
    try:
        return read.key_file.unwrap(passphrase), read
    except WrongPassphraseError:
        spare = found.spare
        if read.from_spare or spare is None or found.main is None:
            raise
        if spare[0].generation <= found.main[0].generation:
            raise
    key = spare[0].unwrap(passphrase)
    return key, KeyFileRead(spare[0], spare[1], True, True)


def repair_key_files(path: Path, read: KeyFileRead) -> None:
    """After a successful unwrap: restore the key file from its spare, or refresh the spare."""
    if read.from_spare:
        write_atomically(path, read.data)
    elif not read.spare_sound:
        write_atomically(spare_path(path), read.data)


def next_generation(path: Path) -> int:
    """The generation for the next key file written at ``path`` (above both copies)."""
    found = _read_candidates(path)
    return 1 + max((c[0].generation for c in (found.main, found.spare) if c is not None), default=0)


def new_database_key() -> bytearray:
    """A fresh random 256-bit database key (in a buffer the caller wipes)."""
    return new_key(KEY_BYTES)


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
