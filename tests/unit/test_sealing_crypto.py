"""The crypto of sealed klant items: X25519 + HKDF + AES-256-GCM with the item id as associated
data, and the onderzoeker's private key wrapped under an Argon2id key from their passphrase."""

from __future__ import annotations

import dataclasses
import json

import pytest

from vknz_desktop.domain.errors import VaultDamagedError, WrongPassphraseError
from vknz_desktop.storage import sealing_crypto as sc
from vknz_desktop.storage.keyfile import TEST_PROFILE, tune_kdf


def pair() -> sc.KeyPair:
    return sc.new_key_pair()


def test_every_recipient_opens_the_item_and_nobody_else() -> None:
    ans, bo, eve = pair(), pair(), pair()
    words, stanzas = sc.seal("item-1", b"Ik was bang", [("ans", ans.public), ("bo", bo.public)])
    assert b"bang" not in words.ciphertext
    by_id = {s.onderzoeker_id: s for s in stanzas}
    assert sc.unseal("item-1", words, by_id["ans"], ans.private) == b"Ik was bang"
    assert sc.unseal("item-1", words, by_id["bo"], bo.private) == b"Ik was bang"
    # Each stanza has its own ephemeral key; another private key opens neither.
    assert by_id["ans"].ephemeral_public != by_id["bo"].ephemeral_public
    for stanza in stanzas:
        with pytest.raises(VaultDamagedError):
            sc.unseal("item-1", words, stanza, eve.private)
    # Ans's stanza relabelled as Bo's: the associated data (item and onderzoeker) refuses it.
    relabelled = dataclasses.replace(by_id["ans"], onderzoeker_id="bo")
    with pytest.raises(VaultDamagedError):
        sc.unseal("item-1", words, relabelled, ans.private)


def test_the_item_id_is_bound_in_and_changes_are_detected() -> None:
    ans = pair()
    words, (stanza,) = sc.seal("item-1", b"geheim", [("ans", ans.public)])
    with pytest.raises(VaultDamagedError):  # moved to another item
        sc.unseal("item-2", words, stanza, ans.private)
    flipped = bytearray(words.ciphertext)
    flipped[0] ^= 1
    with pytest.raises(VaultDamagedError):
        sc.unseal("item-1", sc.SealedWords(words.nonce, bytes(flipped)), stanza, ans.private)
    # Same words sealed twice look different (fresh item key, nonce, ephemeral key).
    again, _ = sc.seal("item-1", b"geheim", [("ans", ans.public)])
    assert again.ciphertext != words.ciphertext


def test_sealing_needs_a_recipient() -> None:
    with pytest.raises(ValueError, match="recipient"):
        sc.seal("item-1", b"x", [])


def test_a_wrapped_private_key_opens_only_with_its_passphrase_owner_and_parameters() -> None:
    ans = pair()
    kdf = tune_kdf(TEST_PROFILE)
    wrapped = sc.WrappedPrivateKey.wrap(
        ans.private, "lantaarn kompas vijver", kdf, "ans", ans.public
    )
    stored = sc.WrappedPrivateKey.from_json(wrapped.to_json())
    private = stored.unwrap("lantaarn kompas vijver", "ans", ans.public)
    assert private == ans.private
    with pytest.raises(WrongPassphraseError):
        stored.unwrap("lantaarn kompas vijveR", "ans", ans.public)
    with pytest.raises(WrongPassphraseError):  # moved to another onderzoeker
        stored.unwrap("lantaarn kompas vijver", "bo", ans.public)
    data = json.loads(wrapped.to_json())
    data["kdf"]["time_cost"] = 1
    data["kdf"]["memory_cost_kib"] = 8  # an attacker lowering the cost is noticed
    weakened = sc.WrappedPrivateKey.from_json(json.dumps(data))
    with pytest.raises(WrongPassphraseError):
        weakened.unwrap("lantaarn kompas vijver", "ans", ans.public)
    for damaged in ("{", "[]", json.dumps({**data, "nonce": "AAAA"}), '{"format": "x"}'):
        with pytest.raises(VaultDamagedError):
            sc.WrappedPrivateKey.from_json(damaged)


def test_wipe_overwrites_a_secret() -> None:
    secret = bytearray(b"\x01" * 32)
    sc.wipe(secret)
    assert secret == bytearray(32)


def test_the_length_of_sealed_words_shows_only_steps_of_256_bytes() -> None:
    import datetime as dt

    from vknz_desktop.domain.models import Observation, Role
    from vknz_desktop.storage.sealed_store import PAD_BYTES, decode, encode

    now = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)

    def words(text: str) -> bytes:
        item = Observation(
            id="o1",
            recording_id="r1",
            time_ms=0,
            text=text,
            author_role=Role.KLANT,
            created_at=now,
            edited_at=now,
        )
        return encode(item)

    short, longer, long = words("Ja"), words("Ik was bang voor een korting " * 3), words("x" * 300)
    assert len(short) == len(longer) == PAD_BYTES == 256
    assert len(long) % PAD_BYTES == 0 and len(long) > PAD_BYTES
    assert decode(longer)["text"] == "Ik was bang voor een korting " * 3
    ans = pair()
    sealed_short, _ = sc.seal("o1", short, [("ans", ans.public)])
    sealed_longer, _ = sc.seal("o1", longer, [("ans", ans.public)])
    assert len(sealed_short.ciphertext) == len(sealed_longer.ciphertext)
