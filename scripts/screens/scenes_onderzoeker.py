"""The onderzoeker's screens: the page when nobody is registered yet, registering, opening the
key (after a wrong passphrase), the klant's items with the key open (and the status-bar
marker), and the page once the key is closed again.

The first scene that needs it registers a made-up onderzoeker in the demo vault and adds a few
made-up klant items to the demo video (with the consent *klant kijkt mee*).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget
from scripts.screens.stage import Scene, Stage

from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.domain.sealing import NO_ONDERZOEKER_EXPLANATION
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.ui.features.onderzoeker.feature import OnderzoekerFeature
from vknz_desktop.ui.features.onderzoeker.items_view import KeyState
from vknz_desktop.ui.features.onderzoeker.register_dialog import RegisterDialog

NAME = "Onderzoeker Demo"
PASSPHRASE = "lantaarn kompas vijver molen"
#: Made-up words of a made-up klant, at made-up moments of the demo video.
KLANT_ITEMS = (
    (6_000, "Ik vond het fijn dat je eerst vroeg hoe het met me ging."),
    (
        21_000,
        "Hier werd ik zenuwachtig: ik dacht dat ik een boete zou krijgen. Dat durfde ik toen "
        "niet te zeggen.",
    ),
    (47_500, "Het papier met de uitleg begreep ik niet, maar ik knikte wel."),
    (70_000, "Je liet me uitpraten. Dat gebeurt niet vaak."),
)


def feature(stage: Stage) -> OnderzoekerFeature:
    return stage.window.feature(OnderzoekerFeature)


def ready(stage: Stage) -> None:
    """Once: an onderzoeker and sealed klant items in the demo vault."""
    session = stage.window.session
    assert session is not None and session.onderzoeker is not None
    if session.onderzoeker.status().onderzoekers:
        return
    video = stage.demo["video"]
    session.vault.set_consent(
        video,
        make_consent(
            [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
            given_by=Role.KLANT,
            given_on=dt.date(2026, 10, 12),
        ),
        role=Role.KLANTMANAGER,
    )
    session.onderzoeker.register(NAME, PASSPHRASE, role=Role.ONDERZOEKER)
    for moment, text in KLANT_ITEMS:
        session.observations.create(video, moment, text=text, author_role=Role.KLANT)
    feature(stage).refresh()


def nobody_registered(stage: Stage) -> QWidget | None:
    """The page as it reads before the first registration (the state the feature shows)."""
    this = feature(stage)
    this.show_view()
    this.view.set_state(KeyState(0, 0, no_onderzoeker_reason=NO_ONDERZOEKER_EXPLANATION), [])
    stage.pump(0.3)
    return None


def register(stage: Stage) -> QWidget | None:
    session = stage.window.session
    assert session is not None and session.onderzoeker is not None
    dialog = RegisterDialog(
        session.onderzoeker,
        feature(stage)._estimator,
        role=Role.KLANTMANAGER,
        taken=[],
        parent=stage.window,
    )
    dialog.name_edit.setText(NAME)
    dialog.passphrase.setText("Zoetermeer2026")
    dialog.repeat.setText("Zoetermeer2026")
    dialog.example_button.click()
    return stage.show_dialog(dialog)


def unlock_wrong(stage: Stage) -> QWidget | None:
    """The unlock dialog after a wrong passphrase: nothing opened, and it says so."""
    ready(stage)
    this = feature(stage)
    this.close_key()
    this.show_view()
    this.view.unlock_button.click()
    dialog = this.dialog
    assert dialog is not None
    dialog.passphrase.setText("verkeerd wachtwoord")  # type: ignore[union-attr]
    dialog.ok_button.click()  # type: ignore[union-attr]
    for _ in range(100):
        stage.pump(0.1)
        if not dialog.busy:
            break
    stage.pump(0.3)
    return dialog


def items(stage: Stage) -> QWidget | None:
    """The key open: the klant's items, one chosen and its moment on screen; the marker."""
    ready(stage)
    this = feature(stage)
    if this.key is None:
        this.show_view()
        this.view.unlock_button.click()
        dialog = this.dialog
        assert dialog is not None
        dialog.passphrase.setText(PASSPHRASE)  # type: ignore[union-attr]
        dialog.ok_button.click()  # type: ignore[union-attr]
        for _ in range(100):
            stage.pump(0.1)
            if this.key is not None:
                break
    this.show_view()
    rows = this.view.rows
    this.view.select(rows[1].observation.id)
    this.view.play_current()
    stage.pump(1.5)
    this.view.playback.pause()
    stage.pump(0.5)
    return None


def key_closed(stage: Stage) -> QWidget | None:
    """After Sleutel sluiten: counts and how to open, no words."""
    ready(stage)
    this = feature(stage)
    this.close_key()
    this.show_view()
    stage.pump(0.3)
    return None


SCENES = [
    Scene("onderzoeker-nobody", nobody_registered),
    Scene("onderzoeker-register", register),
    Scene("onderzoeker-unlock-wrong", unlock_wrong),
    Scene("onderzoeker-items", items),
    Scene("onderzoeker-key-closed", key_closed),
]
