"""The privacy feature on its own, through a fake Host: its Help items, why they are disabled,
and what it asks of the shell before an erasure."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from tests.ui.features.fakes import FakeHost, FakeSession
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.privacy.feature import PrivacyFeature
from vknz_desktop.ui.features.privacy.privacy_help import PrivacyHelpDialog


def test_help_items_and_why_they_are_disabled(host: FakeHost) -> None:
    PrivacyFeature(host)
    help_menu = [a.text() for a in host.registry.menu("help").actions()]
    assert help_menu == ["&Wat gebeurt er met de opnames?", "&Logboek…", "A&VG-verzoek…"]
    request = host.registry.action("privacy.request")
    assert host.registry.action("privacy.help").isEnabled()  # no vault needed to read it
    assert not request.isEnabled() and request.toolTip() == "Ontgrendel eerst de kluis."
    host.unlock(FakeSession(privacy=None))
    assert not request.isEnabled()
    assert request.toolTip() == "AVG-verzoeken zijn in deze uitvoering niet beschikbaar."
    assert host.registry.action("privacy.audit_log").isEnabled()


def test_the_privacy_page_opens_and_a_lock_can_close_it(host: FakeHost) -> None:
    feature = PrivacyFeature(host)
    shown: list[str] = []

    def look_and_close() -> None:
        dialogs = messages.bridge().open_dialogs()
        shown.extend(type(d).__name__ for d in dialogs)
        messages.close_all()

    QTimer.singleShot(50, look_and_close)
    feature.show_privacy_help()
    assert shown == [PrivacyHelpDialog.__name__]


def test_before_an_erasure_nothing_shows_or_reads_the_recordings(host: FakeHost) -> None:
    feature = PrivacyFeature(host)
    feature.before_erase(["r1"])  # what the request dialog calls back
    assert host.calls == ["stop_analysis", "show_library"]
    feature.shutdown()  # no request open: nothing to stop
