"""The onderzoeker feature on its own, through a fake Host: its menu and place, why actions are
disabled, the marker in the status bar, and that shutting down closes the key and says so."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from tests.ui.features.fakes import FakeHost, FakeSession
from vknz_desktop.domain.passphrase import StrengthEstimate
from vknz_desktop.domain.sealing import Onderzoeker, klant_items_possible
from vknz_desktop.services.onderzoeker import SealingStatus
from vknz_desktop.ui.features.onderzoeker.feature import OnderzoekerFeature


class FakeEstimator:
    def estimate(self, passphrase: str) -> StrengthEstimate:
        strong = len(passphrase.split()) >= 4
        return StrengthEstimate(4 if strong else 1, 12.0 if strong else 4.0, strong, "te kort")

    def suggestion(self) -> str:
        return "appel boom fiets kanaal"


class FakeKey:
    def __init__(self, name: str = "Onderzoeker Fictief") -> None:
        self.name = name
        self.closed = False

    @property
    def open(self) -> bool:
        return not self.closed

    def close(self) -> None:
        self.closed = True


class FakeOnderzoekers:
    """OnderzoekerService.status() with the onderzoekers a test gives."""

    def __init__(self, names: tuple[str, ...] = ()) -> None:
        self.onderzoekers = tuple(
            Onderzoeker(id=f"o{i}", name=n, registered_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
            for i, n in enumerate(names)
        )

    def status(self) -> SealingStatus:
        return SealingStatus(self.onderzoekers, 3, 0, klant_items_possible(len(self.onderzoekers)))

    def items(self, _key: object) -> list[object]:
        return []


class FakeVault:
    read_only = False

    def recordings(self) -> list[object]:
        return []


def _feature(host: FakeHost) -> OnderzoekerFeature:
    return OnderzoekerFeature(host, FakeEstimator())


def test_the_menu_comes_after_samen_terugkijken_and_needs_a_vault(host: FakeHost) -> None:
    _feature(host)
    bar = [a.text() for a in host.window.menuBar().actions()]
    assert bar.index("&Onderzoeker") == bar.index("observations") + 1  # 70: after 40
    items = host.registry.action("onderzoeker.items")
    assert not items.isEnabled() and items.toolTip() == "Ontgrendel eerst de kluis."
    host.unlock(FakeSession(onderzoeker=None))
    assert not items.isEnabled()
    assert items.toolTip() == "Onderzoekers zijn in deze uitvoering niet beschikbaar."


def test_why_opening_closing_and_registering_are_disabled(host: FakeHost) -> None:
    feature = _feature(host)
    host.unlock(FakeSession(vault=FakeVault(), onderzoeker=FakeOnderzoekers()))
    unlock = host.registry.action("onderzoeker.unlock")
    close = host.registry.action("onderzoeker.close_key")
    register = host.registry.action("onderzoeker.register")
    assert not unlock.isEnabled() and "nog geen onderzoeker geregistreerd" in unlock.toolTip()
    assert not close.isEnabled() and close.toolTip() == (
        "Er is geen sleutel van een onderzoeker open."
    )
    assert register.isEnabled()
    host.unlock(
        FakeSession(vault=FakeVault(), onderzoeker=FakeOnderzoekers(("Onderzoeker Fictief",)))
    )
    assert unlock.isEnabled()
    assert not register.isEnabled() and "open eerst je eigen sleutel" in register.toolTip()
    feature.use_key(FakeKey())  # type: ignore[arg-type]
    assert not unlock.isEnabled() and unlock.toolTip() == (
        "De sleutel van Onderzoeker Fictief is al open."
    )
    assert close.isEnabled() and register.isEnabled()  # now they can vouch


def test_a_read_only_vault_registers_nobody(host: FakeHost) -> None:
    _feature(host)
    vault = FakeVault()
    vault.read_only = True
    host.unlock(FakeSession(vault=vault, onderzoeker=FakeOnderzoekers()))
    register = host.registry.action("onderzoeker.register")
    assert not register.isEnabled() and "alleen-lezen" in register.toolTip()


def test_the_marker_shows_in_the_status_bar_while_a_key_is_open(host: FakeHost) -> None:
    feature = _feature(host)
    host.window.show()
    host.unlock(
        FakeSession(vault=FakeVault(), onderzoeker=FakeOnderzoekers(("Onderzoeker Fictief",)))
    )
    assert feature.marker.parent() is host.window.statusBar()
    assert not feature.marker.isVisible()
    sent: list[object] = []
    feature.keyChanged.connect(sent.append)
    key = FakeKey()
    feature.use_key(key)  # type: ignore[arg-type]
    assert sent == [key]
    assert (
        feature.marker.isVisible() and feature.marker.text() == "Sleutel open: Onderzoeker Fictief"
    )
    feature.close_key()
    assert key.closed and sent == [key, None] and not feature.marker.isVisible()


def test_shutdown_closes_the_key_and_the_vault_closing_clears_the_page(host: FakeHost) -> None:
    feature = _feature(host)
    host.unlock(
        FakeSession(vault=FakeVault(), onderzoeker=FakeOnderzoekers(("Onderzoeker Fictief",)))
    )
    sent: list[object] = []
    feature.keyChanged.connect(sent.append)
    key = FakeKey()
    feature.use_key(key)  # type: ignore[arg-type]
    feature.shutdown()
    host.events.vaultClosing.emit()
    assert key.closed and sent == [key, None] and feature.key is None
    assert feature.view.status_label.text() == "" and feature.view.rows == []
    assert isinstance(feature, QObject)
