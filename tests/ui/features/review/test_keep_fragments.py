"""Keeping fragments only: the menu item asks the service whether it can run (and says why
not), and the confirmation shows the preview's figures, which are what the cut produces:
overlapping fragments merged, exact lengths, only observations the asker may see."""

from __future__ import annotations

from PySide6.QtCore import QObject

from tests.ui.features.fakes import FakeHost, FakePlayer, FakeSession
from tests.ui.features.review.conftest import ReviewVault
from vknz_desktop.domain.models import Role
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.ui.common.formatting import format_clip_time
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.review.feature import ReviewFeature
from vknz_desktop.ui.shell.session import ReviewServices


def open_feature(host: FakeHost, review_vault: ReviewVault, role: Role) -> ReviewFeature:
    feature = ReviewFeature(host, make_player=FakePlayer)  # type: ignore[arg-type]
    services = ReviewServices(
        repository=review_vault.repository,
        clips=review_vault.clips,
        sessions=review_vault.sessions,
        keep_fragments=review_vault.keep,
    )
    host.workspace.recording = review_vault.vault.recording(review_vault.video)
    host.unlock(FakeSession(identity=Identity(role, ""), vault=review_vault.vault, review=services))
    return feature


def test_the_action_says_why_it_cannot_run_until_fragments_are_marked(
    host: FakeHost, review_vault: ReviewVault
) -> None:
    open_feature(host, review_vault, Role.KLANTMANAGER)
    action = host.registry.action("review.keep_fragments")
    assert not action.isEnabled()
    print(f"disabled: {action.toolTip()}")
    assert action.toolTip().startswith("Deze opname heeft nog geen fragmenten.")
    review_vault.clips.create(review_vault.video, 1000, 2000)
    # Opening the menu asks again (marking happens in the workspace, not here).
    host.registry.menu("fragments").aboutToShow.emit()
    assert action.isEnabled() and not action.toolTip().startswith("Deze opname")


def test_the_confirmation_shows_what_the_cut_produces(
    host: FakeHost, review_vault: ReviewVault
) -> None:
    video = review_vault.video
    for start, end in ((1000, 3000), (2500, 4000), (6000, 7000)):  # two overlap
        review_vault.clips.create(video, start, end)
    notes = ObservationService(review_vault.vault)
    notes.create(video, 1500, text="Binnen")
    notes.create(video, 5000, text="Buiten")
    feature = open_feature(host, review_vault, Role.KLANTMANAGER)
    asked: list[tuple[str, str]] = []

    def confirm(preview: object) -> bool:
        asked.append(feature.keep_fragments_text(preview))  # type: ignore[arg-type]
        return False

    feature.confirm_keep_fragments = confirm  # type: ignore[method-assign]
    host.registry.action("review.keep_fragments").trigger()
    preview = review_vault.keep.preview(video, Role.KLANTMANAGER)
    question, details = asked[0]
    print(question, details, sep="\n")
    assert "Gesprek met mevrouw Jansen" in question  # the klantmanager alone at the keyboard
    kept = format_clip_time(preview.kept_ms)
    assert preview.kept_ms == 4000 and kept == "0:04,0"  # 1,0–4,0 merged, plus 6,0–7,0
    assert f"2 nieuwe opnamen, samen {kept} van de 0:08,0." in details
    assert "Er zijn 3 fragmenten gemarkeerd; wat overlapt of aansluit, wordt één opname." in details
    assert "0:04,0 van de opname wordt vernietigd." in details
    assert "1 waarneming binnen de fragmenten gaat mee." in details
    assert "1 waarneming daarbuiten blijft als tekst bewaard" in details
    # Nothing was cut: the user said no.
    assert review_vault.vault.recording(video).media_available
    assert not feature.busy and isinstance(feature, QObject)
