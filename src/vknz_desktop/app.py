"""Composition root of the GUI: paths, logging, adapters, and the main window."""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from vknz_desktop import __version__
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Role
from vknz_desktop.domain.ports import MediaProber, OpenVault
from vknz_desktop.logging_setup import setup_logging
from vknz_desktop.media.deferred import DeferredAnalyzer, DeferredProber, DeferredRemuxer
from vknz_desktop.media.vlc_player import VlcEngine, VlcPlayer
from vknz_desktop.paths import AppPaths
from vknz_desktop.storage.keyfile import STANDARD_PROFILE, KdfProfile
from vknz_desktop.storage.vault import Vault, vault_exists
from vknz_desktop.strength import DutchPassphraseEstimator
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.shell.main_window import AppContext, MainWindow, ShellParts
from vknz_desktop.ui.shell.session import VaultSession

if TYPE_CHECKING:  # the rest is imported where it is first used, after the unlock dialog
    from vknz_desktop.domain.profiles import Profile
    from vknz_desktop.ui.features.learning.export import LearningBackend
    from vknz_desktop.ui.shell.host import Feature, Host

log = logging.getLogger("vknz_desktop.app")
# In a PyInstaller bundle resources/ sits in the bundle's data folder (sys._MEIPASS).
_RESOURCES_ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
TRANSLATIONS_DIR = _RESOURCES_ROOT / "resources" / "translations"


class DirectoryVaultGateway:
    """Creates or opens the vault in one directory (implements the VaultGateway port)."""

    def __init__(self, directory: Path, kdf_profile: KdfProfile) -> None:
        self.directory = directory
        self._kdf_profile = kdf_profile
        self.estimator = DutchPassphraseEstimator()  # also for a strength meter while typing

    def exists(self) -> bool:
        return vault_exists(self.directory)

    def create(self, passphrase: str, role: Role) -> Vault:
        return Vault.create(
            self.directory,
            passphrase,
            role=role,
            kdf_profile=self._kdf_profile,
            passphrase_check=self.estimator.problem,
        )

    def open(self, passphrase: str) -> Vault:
        return Vault.open(self.directory, passphrase)

    def change_passphrase(self, old: str, new: str) -> None:
        Vault.change_passphrase(
            self.directory, old, new, self._kdf_profile, passphrase_check=self.estimator.problem
        )


def install_translations(app: QApplication, config_dir: Path | None = None) -> None:
    """The UI language (``ui/common/language.py``): Dutch is the source language, English
    comes from a compiled .qm; Qt's own texts (file dialogs, standard buttons, key names) come
    from Qt's ``qtbase`` catalogue in the same language."""
    from vknz_desktop.ui.common.language import install_translators, ui_language

    install_translators(app, ui_language(config_dir, QLocale.system().name()), TRANSLATIONS_DIR)


def create_window(
    paths: AppPaths,
    vlc_args: tuple[str, ...] = (),
    *,
    deferred: bool = False,
    kdf_profile: KdfProfile = STANDARD_PROFILE,
) -> tuple[MainWindow, VlcEngine]:
    """Wire adapters into a MainWindow (also used by GUI tests and screenshots).

    ``deferred`` (the app's own start): only what the unlock dialog needs is made; the window's
    ``finish_building`` loads the rest (``_complete``: profiles, the session factory, the
    features) and ``engine.start_in_background`` starts libVLC. PyAV and numpy load when a
    recording is first probed or analysed. ``kdf_profile``: Argon2id cost of new key files
    (the vault's and AVG packages'); only tests pass a cheaper one.
    """
    engine = VlcEngine(vlc_args, deferred=deferred)
    prober = DeferredProber()
    gateway = DirectoryVaultGateway(paths.vault_dir, kdf_profile)
    context = AppContext(
        gateway=gateway,
        prober=prober,
        analyzer=DeferredAnalyzer(),
        controller=PlayerController(VlcPlayer(engine), DeferredAnalyzer()),
        complete=lambda: _complete(paths, engine, prober, kdf_profile),
        config_dir=paths.config_dir,
        estimator=gateway.estimator,
        manual=_RESOURCES_ROOT / "docs" / "handleiding.md",
        audio_notice=engine.audio_notice,
    )
    return MainWindow(context, build=not deferred), engine


def _complete(
    paths: AppPaths, engine: VlcEngine, prober: MediaProber, kdf_profile: KdfProfile
) -> ShellParts:
    """What the window needs once the unlock dialog shows: the Kijkwijzer profiles, how to
    build a vault's services after an unlock, and the features."""
    from vknz_desktop.storage.profile_files import builtin_profiles_dir, load_profiles

    profiles = load_profiles(builtin_profiles_dir(), paths.profiles_dir)
    learning = learning_backend()
    return ShellParts(
        profiles=profiles.profiles,
        profile_problems=profiles.problems,
        open_session=lambda vault, identity: open_session(
            vault, identity, prober, profiles.profiles, learning, kdf_profile
        ),
        install_features=lambda host: install_features(host, engine, learning),
    )


def open_session(
    vault: OpenVault,
    identity: Identity,
    prober: MediaProber,
    profiles: Sequence[Profile],
    learning: LearningBackend,
    kdf_profile: KdfProfile = STANDARD_PROFILE,
) -> VaultSession:
    """Every service on a vault just unlocked, built once (the GUI builds none itself)."""
    if not isinstance(vault, Vault):
        raise TypeError("the GUI needs the SQLCipher vault")
    from vknz_desktop.services.clips import ClipService
    from vknz_desktop.services.goals import GoalService
    from vknz_desktop.services.keep_fragments import KeepFragmentsService
    from vknz_desktop.services.observations import ObservationService
    from vknz_desktop.services.onderzoeker import OnderzoekerService
    from vknz_desktop.services.recordings import RecordingService
    from vknz_desktop.services.retention import RetentionService
    from vknz_desktop.services.review_sessions import ReviewSessionService
    from vknz_desktop.services.summary import SummaryService
    from vknz_desktop.storage.fragments_repo import FragmentsRepository
    from vknz_desktop.storage.gdpr_repo import GdprRepository
    from vknz_desktop.storage.goals_repo import GoalRepository
    from vknz_desktop.storage.retention_repo import RetentionRepository
    from vknz_desktop.storage.sealing_repo import SealingRepository
    from vknz_desktop.ui.shell.session import LearningServices, ReviewServices

    fragments = FragmentsRepository(vault)
    goals = GoalRepository(vault)
    strength = DutchPassphraseEstimator().problem
    from vknz_desktop.media.recorder.deferred import DeferredCaptureBackend, DeferredLiveFinisher
    from vknz_desktop.services.live_recording import LiveRecordingService
    from vknz_desktop.storage.live_recording_repo import LiveRecordingRepository
    from vknz_desktop.storage.source_files import SourceFileRemover

    return VaultSession(
        vault=vault,
        identity=identity,
        recordings=RecordingService(vault, prober),
        observations=ObservationService(vault),
        retention=RetentionService(vault, RetentionRepository(vault)),
        review=ReviewServices(
            repository=fragments,
            clips=ClipService(fragments),
            sessions=ReviewSessionService(fragments, vault, vault),
            keep_fragments=KeepFragmentsService(vault, fragments, DeferredRemuxer()),
        ),
        learning=LearningServices(
            repository=goals,
            goals=GoalService(goals),
            summary=SummaryService(
                goals,
                vault,
                profiles,
                learning.deidentify,
                method=learning.method(),
                clip_lookup=goals.clip_info,
                session_counter=goals.sessions_between,
            ),
        ),
        privacy=GdprRepository(vault, kdf_profile, strength),
        onderzoeker=OnderzoekerService(SealingRepository(vault, kdf_profile, strength)),
        source_files=SourceFileRemover(vault),
        live_recording=LiveRecordingService(
            LiveRecordingRepository(vault), DeferredCaptureBackend(), DeferredLiveFinisher()
        ),
    )


def install_features(host: Host, engine: VlcEngine, learning: LearningBackend) -> list[Feature]:
    """The features, in the order they install, wired to each other in this one place."""
    from vknz_desktop.ui.features.learning.feature import LearningFeature
    from vknz_desktop.ui.features.onderzoeker.feature import OnderzoekerFeature
    from vknz_desktop.ui.features.privacy.feature import PrivacyFeature
    from vknz_desktop.ui.features.recording.feature import RecordingFeature
    from vknz_desktop.ui.features.review.feature import ReviewFeature
    from vknz_desktop.ui.features.watch_together.feature import SamenKijkenFeature

    review = ReviewFeature(
        host, make_player=lambda: PlayerController(VlcPlayer(engine), DeferredAnalyzer())
    )
    leerdoelen = LearningFeature(host, learning)
    review.goalsRequested.connect(leerdoelen.new_goal_from_session)  # a session's goals
    onderzoeker = OnderzoekerFeature(host, DutchPassphraseEstimator())
    onderzoeker.keyChanged.connect(review.use_onderzoeker)  # sessions show the sealed items
    features: list[Feature] = [review, leerdoelen, SamenKijkenFeature(host)]
    privacy = PrivacyFeature(host, DutchPassphraseEstimator())
    return [*features, privacy, onderzoeker, RecordingFeature(host)]


def learning_backend() -> LearningBackend:
    """Summary export (deduce) and the team agenda, as the GUI's ports."""
    from vknz_desktop import export
    from vknz_desktop.export import deidentifier, team_agenda
    from vknz_desktop.export import render as summary_render
    from vknz_desktop.ui.features.learning.export import LearningBackend

    return LearningBackend(
        deidentify=export.deidentify,
        preload=deidentifier.preload,
        is_loaded=deidentifier.is_loaded,
        start_in_background=deidentifier.start_in_background,
        method=deidentifier.method_description,
        render=summary_render.render,
        load_summaries=team_agenda.load_summary_files,
        render_agenda=team_agenda.render_agenda,
        stop=deidentifier.stop_if_used,
        preload_waiting=deidentifier.preload,
    )


def _startup_probe(app: QApplication, modules: bool = False) -> None:
    """Print ``startup_ms=N`` (ms since the process started; Linux /proc) and quit.

    ``modules`` (``VKNZ_STARTUP_PROBE=modules``): also print the windows shown and the modules
    loaded at that moment (tests/integration/test_startup_imports.py).
    """
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        elapsed = (uptime - int(stat[19]) / os.sysconf("SC_CLK_TCK")) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        elapsed = -1.0  # no /proc: measure from outside
    print(f"startup_ms={elapsed:.0f}", flush=True)
    if modules:
        shown = sorted(type(w).__name__ for w in app.topLevelWidgets() if w.isVisible())
        print("startup_windows=" + ",".join(shown))
        print("startup_modules=" + ",".join(sorted(list(sys.modules))), flush=True)
    app.quit()


def _finish_startup(window: MainWindow, engine: VlcEngine) -> None:
    """Once the unlock dialog is up: the rest of the window, then libVLC in a thread. Without
    libVLC the app says so and stops, as it did when libVLC started before the window."""
    window.finish_building()
    engine.start_in_background()
    timer = QTimer(window)

    def check() -> None:
        if engine.starting:
            return
        timer.stop()
        if engine.start_problem is not None:
            messages.critical(window, "VKNZ", engine.start_problem.message)
            window.close()  # saves and closes the vault, should it already be open
            QApplication.exit(2)

    timer.timeout.connect(check)
    timer.start(100)


def run_gui(args: argparse.Namespace) -> int:
    """Start the GUI; returns the exit code."""
    paths = AppPaths.resolve(args.vault)
    setup_logging(paths.log_dir)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("VKNZ")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("vknz")
    install_translations(app, paths.config_dir)
    messages.install_excepthook()
    extra = tuple(shlex.split(os.environ.get("VKNZ_VLC_ARGS", "")))
    try:
        window, engine = create_window(paths, extra, deferred=True)
    except KnownError as error:
        messages.critical(None, "VKNZ", error.message)
        return 2
    window.identity = window.identity.__class__(args.role, "")
    window.resize(1280, 720)
    window.session_watcher.start()
    window.show()
    QTimer.singleShot(0, window.show_unlock)
    probe = os.environ.get("VKNZ_STARTUP_PROBE")
    if probe:
        # For measuring start-up (make bundle-test): once the unlock dialog is shown and its
        # first paint is processed, print the time since the process started and quit.
        QTimer.singleShot(
            0, lambda: QTimer.singleShot(0, lambda: _startup_probe(app, probe == "modules"))
        )
    # One pass later, with the dialog painted: the rest of the window and libVLC.
    QTimer.singleShot(
        0,
        lambda: QTimer.singleShot(
            0, lambda: QTimer.singleShot(0, lambda: _finish_startup(window, engine))
        ),
    )
    log.info("gui started")
    code = app.exec()
    window.context.controller.shutdown()
    engine.release()
    return int(code)
