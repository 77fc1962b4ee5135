"""The cryptography of sealed klant items (see ``domain.sealing``).

- **Onderzoeker key pair**: X25519. The public key is stored in the vault; the private key is
  stored wrapped with AES-256-GCM under an Argon2id key from the onderzoeker's passphrase
  (``keyfile.KdfParams``, tuned like the vault's and never below ``ARGON2_FLOOR``). The
  onderzoeker's id, the public key and the KDF parameters are the associated data, so the
  wrapped key cannot be moved to another onderzoeker or weakened unnoticed.
- **Sealing an item** (in the style of age and HPKE): a random 256-bit item key encrypts the
  item's words with AES-256-GCM, with the item id as associated data. For every onderzoeker
  the item key is wrapped once: a fresh (ephemeral) X25519 key pair, the shared secret with
  the onderzoeker's public key, HKDF-SHA256 (salt: both public keys) to a wrapping key, and
  AES-256-GCM with the item id and the onderzoeker's id as associated data. Sealing needs only
  public keys, so it works without the onderzoeker present.
- **Unsealing**: the onderzoeker's private key and the ephemeral public key give the same
  shared secret, which unwraps the item key, which opens the words.

Secrets are kept in ``bytearray``s that ``wipe`` overwrites; the ``cryptography`` objects made
from them keep their own copy inside OpenSSL until they are freed, which Python cannot wipe.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from vknz_desktop.domain.errors import VaultDamagedError, WrongPassphraseError
from vknz_desktop.storage.keyfile import KdfParams

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
WRAPPED_KEY_FORMAT = "vknz-onderzoeker-key"
WRAPPED_KEY_VERSION = 1
_ITEM_CONTEXT = b"vknz-sealed-item/1\x00"
_STANZA_CONTEXT = b"vknz-sealed-item-key/1\x00"
_HKDF_INFO = b"vknz seal X25519 HKDF-SHA256 AES-256-GCM v1"

DAMAGED_ONDERZOEKER_KEY = (
    "De sleutel van deze onderzoeker in de kluis is beschadigd; zijn of haar verzegelde items "
    "kunnen niet worden geopend."
)
DAMAGED_SEALED_ITEM = "Een verzegeld item is beschadigd en kan niet worden geopend."


def wipe(secret: bytearray) -> None:
    """Overwrite a secret held in a ``bytearray``."""
    for index in range(len(secret)):
        secret[index] = 0


@dataclass(frozen=True)
class KeyPair:
    """A fresh onderzoeker key pair; ``private`` is to be wiped after wrapping."""

    private: bytearray
    public: bytes


def new_key_pair() -> KeyPair:
    """A new X25519 key pair (raw 32-byte keys)."""
    private_key = X25519PrivateKey.generate()
    raw = bytearray(private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
    public = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return KeyPair(raw, public)


def public_key_of(private: bytearray) -> bytes:
    """The public key that belongs to a raw private key."""
    return (
        X25519PrivateKey.from_private_bytes(bytes(private))
        .public_key()
        .public_bytes(Encoding.Raw, PublicFormat.Raw)
    )


@dataclass(frozen=True)
class WrappedPrivateKey:
    """An onderzoeker's private key, encrypted under their passphrase (stored as JSON)."""

    kdf: KdfParams
    nonce: bytes
    wrapped: bytes

    @staticmethod
    def associated_data(kdf: KdfParams, onderzoeker_id: str, public_key: bytes) -> bytes:
        """Format, the onderzoeker, their public key and the KDF parameters."""
        header = {
            "format": WRAPPED_KEY_FORMAT,
            "version": WRAPPED_KEY_VERSION,
            "onderzoeker": onderzoeker_id,
            "public": _b64(public_key),
            "kdf": kdf.as_json(),
        }
        return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()

    @classmethod
    def wrap(
        cls,
        private: bytearray,
        passphrase: str,
        kdf: KdfParams,
        onderzoeker_id: str,
        public_key: bytes,
    ) -> WrappedPrivateKey:
        """``private`` encrypted under a key derived from ``passphrase``."""
        nonce = os.urandom(NONCE_BYTES)
        wrapping = bytearray(kdf.derive(passphrase))
        try:
            sealed = AESGCM(bytes(wrapping)).encrypt(
                nonce, bytes(private), cls.associated_data(kdf, onderzoeker_id, public_key)
            )
        finally:
            wipe(wrapping)
        return cls(kdf, nonce, sealed)

    def unwrap(self, passphrase: str, onderzoeker_id: str, public_key: bytes) -> bytearray:
        """The raw private key, or WrongPassphraseError."""
        wrapping = bytearray(self.kdf.derive(passphrase))
        try:
            private = bytearray(
                AESGCM(bytes(wrapping)).decrypt(
                    self.nonce,
                    self.wrapped,
                    self.associated_data(self.kdf, onderzoeker_id, public_key),
                )
            )
        except InvalidTag as error:
            raise WrongPassphraseError("wrong onderzoeker passphrase") from error
        finally:
            wipe(wrapping)
        if len(private) != KEY_BYTES or public_key_of(private) != public_key:
            wipe(private)
            raise VaultDamagedError(DAMAGED_ONDERZOEKER_KEY)
        return private

    def to_json(self) -> str:
        """As stored in the vault."""
        return json.dumps(
            {
                "format": WRAPPED_KEY_FORMAT,
                "version": WRAPPED_KEY_VERSION,
                "kdf": self.kdf.as_json(),
                "nonce": _b64(self.nonce),
                "wrapped": _b64(self.wrapped),
            },
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> WrappedPrivateKey:
        """Parse a stored wrapped key; VaultDamagedError when it is not one."""
        try:
            data: dict[str, Any] = json.loads(text)
            if data["format"] != WRAPPED_KEY_FORMAT or data["version"] != WRAPPED_KEY_VERSION:
                raise ValueError("format")
            kdf = data["kdf"]
            if kdf["name"] != "argon2id":
                raise ValueError("kdf")
            params = KdfParams(
                salt=_unb64(kdf["salt"]),
                time_cost=_positive(kdf["time_cost"]),
                memory_cost_kib=_positive(kdf["memory_cost_kib"]),
                parallelism=_positive(kdf["parallelism"]),
            )
            nonce = _unb64(data["nonce"])
            wrapped = _unb64(data["wrapped"])
            if len(nonce) != NONCE_BYTES or len(wrapped) != KEY_BYTES + TAG_BYTES:
                raise ValueError("sizes")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise VaultDamagedError(DAMAGED_ONDERZOEKER_KEY) from error
        return cls(params, nonce, wrapped)


@dataclass(frozen=True)
class Stanza:
    """The item key wrapped for one onderzoeker."""

    onderzoeker_id: str
    ephemeral_public: bytes
    nonce: bytes
    wrapped_key: bytes


@dataclass(frozen=True)
class SealedWords:
    """An item's words, encrypted under its item key."""

    nonce: bytes
    ciphertext: bytes


def _item_aad(item_id: str) -> bytes:
    return _ITEM_CONTEXT + item_id.encode("utf-8")


def _stanza_aad(item_id: str, onderzoeker_id: str) -> bytes:
    return _STANZA_CONTEXT + item_id.encode("utf-8") + b"\x00" + onderzoeker_id.encode("utf-8")


def _wrapping_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytearray:
    if not any(shared):  # a low-order public key: refuse rather than use a known secret
        raise VaultDamagedError(DAMAGED_ONDERZOEKER_KEY)
    return bytearray(
        HKDF(
            algorithm=hashes.SHA256(),
            length=KEY_BYTES,
            salt=ephemeral_public + recipient_public,
            info=_HKDF_INFO,
        ).derive(shared)
    )


def wrap_item_key(
    item_id: str, item_key: bytearray, onderzoeker_id: str, recipient_public: bytes
) -> Stanza:
    """The item key wrapped for one onderzoeker (a fresh ephemeral key each time)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    wrapping = _wrapping_key(shared, ephemeral_public, recipient_public)
    nonce = os.urandom(NONCE_BYTES)
    try:
        wrapped = AESGCM(bytes(wrapping)).encrypt(
            nonce, bytes(item_key), _stanza_aad(item_id, onderzoeker_id)
        )
    finally:
        wipe(wrapping)
    return Stanza(onderzoeker_id, ephemeral_public, nonce, wrapped)


def seal(
    item_id: str, plaintext: bytes, recipients: Sequence[tuple[str, bytes]]
) -> tuple[SealedWords, list[Stanza]]:
    """Encrypt ``plaintext`` for every (onderzoeker id, public key) in ``recipients``."""
    if not recipients:
        raise ValueError("sealing needs at least one recipient")
    item_key = bytearray(os.urandom(KEY_BYTES))
    try:
        nonce = os.urandom(NONCE_BYTES)
        words = SealedWords(
            nonce, AESGCM(bytes(item_key)).encrypt(nonce, plaintext, _item_aad(item_id))
        )
        stanzas = [
            wrap_item_key(item_id, item_key, onderzoeker_id, public)
            for onderzoeker_id, public in recipients
        ]
    finally:
        wipe(item_key)
    return words, stanzas


def open_item_key(item_id: str, stanza: Stanza, private: bytearray) -> bytearray:
    """The item key from an onderzoeker's stanza (VaultDamagedError when it does not open)."""
    private_key = X25519PrivateKey.from_private_bytes(bytes(private))
    own_public = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = private_key.exchange(X25519PublicKey.from_public_bytes(stanza.ephemeral_public))
    wrapping = _wrapping_key(shared, stanza.ephemeral_public, own_public)
    try:
        return bytearray(
            AESGCM(bytes(wrapping)).decrypt(
                stanza.nonce, stanza.wrapped_key, _stanza_aad(item_id, stanza.onderzoeker_id)
            )
        )
    except InvalidTag as error:
        raise VaultDamagedError(DAMAGED_SEALED_ITEM) from error
    finally:
        wipe(wrapping)


def open_words(item_id: str, words: SealedWords, item_key: bytearray) -> bytes:
    """The item's words (VaultDamagedError when they were changed or moved to another id)."""
    try:
        return AESGCM(bytes(item_key)).decrypt(words.nonce, words.ciphertext, _item_aad(item_id))
    except InvalidTag as error:
        raise VaultDamagedError(DAMAGED_SEALED_ITEM) from error


def unseal(item_id: str, words: SealedWords, stanza: Stanza, private: bytearray) -> bytes:
    """Open an item with an onderzoeker's private key and their stanza."""
    item_key = open_item_key(item_id, stanza, private)
    try:
        return open_words(item_id, words, item_key)
    finally:
        wipe(item_key)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _positive(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 2**32:
        raise ValueError("expected a positive integer")
    return value
