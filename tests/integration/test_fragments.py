"""Clips, sessions, sharing and keep-fragments-only against the real vault and PyAV."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import time
from pathlib import Path

import av
import numpy as np
import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import distinctive_blocks, files_containing, import_file

from vknz_desktop.domain.errors import ImportCancelledError, KnownError
from vknz_desktop.domain.fragments import ConsentRefusedError
from vknz_desktop.domain.models import (
    AuditAction,
    ConsentScope,
    Participant,
    Role,
    SharingState,
)
from vknz_desktop.domain.ports import CancelToken
from vknz_desktop.media.frames import decode_frame_at
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.media.remux import PyAvRemuxer
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.keep_fragments import KeepFragmentsService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
from vknz_desktop.services.review_sessions import ReviewSessionService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault


def create(vault_dir: Path) -> Vault:
    return Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)


def import_self_only(vault: Vault, source: Path, title: str):
    consent = make_consent([ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1))
    return RecordingService(vault, PyAvProber()).import_recording(
        ImportRequest(source=source, consent=consent, title=title)
    )


# -- clips ------------------------------------------------------------------------------------
def test_clips_are_stored_edited_and_undeleted_with_their_playlist_places(
    vault_dir: Path,
) -> None:
    with create(vault_dir) as vault:
        recording = import_file(vault, facts.VIDEO_MP4)
        repo = FragmentsRepository(vault)
        clips = ClipService(repo)
        first = clips.create(recording.id, 4200, 2500, title=" Begroeting ", duration_ms=8000)
        assert (first.start_ms, first.end_ms, first.title) == (2500, 4200, "Begroeting")
        second = clips.create(recording.id, 6000, 9999, duration_ms=8000)
        assert second.end_ms == 8000  # kept inside the recording
        with pytest.raises(KnownError, match="minstens 0,1 seconde"):
            clips.create(recording.id, 1000, 1050)
        edited = clips.update(first, note="Let op de handdruk", theme_id="werkrelatie")
        assert repo.clip(first.id) == edited
        assert [c.id for c in clips.for_recording(recording.id)] == [first.id, second.id]

        sessions = ReviewSessionService(repo, vault, vault)
        session = sessions.create("Met de onderzoeker")
        item = sessions.add_clip(session.id, first.id, "Wat zie je bij de begroeting?")
        deleted = clips.delete(first.id)
        assert deleted is not None and deleted.session_items == (item,)
        assert repo.session_items(session.id) == []
        clips.undelete(deleted)
        assert repo.session_items(session.id) == [item]
        assert repo.clip(first.id) == edited


# -- sessions ---------------------------------------------------------------------------------
def test_session_playlist_order_prompts_and_consent_refusal(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        shared = import_file(vault, facts.VIDEO_MP4, title="Gedeeld")
        private = import_self_only(vault, facts.AUDIO_M4A, "Alleen voor mij")
        repo = FragmentsRepository(vault)
        clips = ClipService(repo)
        a = clips.create(shared.id, 1000, 2000, title="A")
        b = clips.create(shared.id, 3000, 4000, title="B")
        mine = clips.create(private.id, 500, 1500, title="Privé")
        service = ReviewSessionService(repo, vault, vault)
        session = service.create(
            "Terugkijken met Ans",
            session_date=dt.date(2026, 11, 20),
            participants=(
                Participant(display_name="Ans", role=Role.ONDERZOEKER),
                Participant(display_name="Sam", role=Role.KLANTMANAGER),
            ),
        )
        first = service.add_clip(session.id, a.id, "Kijk naar de houding")
        second = service.add_clip(session.id, b.id)
        with pytest.raises(ConsentRefusedError) as refused:
            service.add_clip(session.id, mine.id)
        print(f"refusal shown to the user: {refused.value.message}")
        assert "alleen zelf terugkijken" in refused.value.message
        assert "Alleen voor mij" in refused.value.message
        choices = {c.clip.id: c.problem for c in service.clip_choices(session)}
        assert choices[a.id] is None and choices[mine.id] is not None

        service.reorder(session.id, [second.id, first.id])
        service.set_prompt(session.id, second.id, "Welke vraag stel je hier?")
        playlist = service.playlist(session.id)
        assert [e.clip.title for e in playlist] == ["B", "A"]
        assert [e.item.prompt for e in playlist] == [
            "Welke vraag stel je hier?",
            "Kijk naar de houding",
        ]
        assert all(e.playable for e in playlist)

        # Adding the klant later needs consent "klant kijkt mee", which these recordings lack.
        with pytest.raises(ConsentRefusedError, match="klant kijkt mee"):
            service.update(session, perspectives=(Role.KLANT, Role.ONDERZOEKER))
        assert service.session(session.id).perspectives == (Role.ONDERZOEKER, Role.KLANTMANAGER)

        # Observations in both columns, and the overview at the end.
        entry = playlist[0]
        service.add_observation(session, entry, Role.ONDERZOEKER, "Open vraag gesteld", 3200)
        service.add_observation(session, entry, Role.KLANTMANAGER, "Ik praat te snel", 3500)
        service.add_observation(session, entry, Role.KLANTMANAGER, "Ik kijk weg", 3700)
        seen = service.observations(session.id, Role.KLANTMANAGER)
        assert [(o.perspective, o.author_name) for o in seen] == [
            (Role.ONDERZOEKER, "Ans"),
            (Role.KLANTMANAGER, "Sam"),
            (Role.KLANTMANAGER, "Sam"),
        ]
        assert all(o.session_id == session.id for o in seen)
        summary = service.finish(session.id, [second.id])
        assert (summary.fragments_total, summary.fragments_seen) == (2, 1)
        assert summary.observations == {Role.ONDERZOEKER: 1, Role.KLANTMANAGER: 2}
        assert service.session(session.id).ended_at is not None
        # In the workspace, the same observations belong to the recording.
        assert len(vault.observations(shared.id)) == 3


def test_klant_feedback_hidden_until_shared_and_audited_without_text(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        recording = import_file(vault, facts.VIDEO_MP4)
        consent = make_consent(
            [ConsentScope.SELF, ConsentScope.RESEARCHER, ConsentScope.CLIENT],
            given_by=Role.KLANT,
            given_on=dt.date(2026, 11, 1),
        )
        vault.set_consent(recording.id, consent, role=Role.ONDERZOEKER)
        repo = FragmentsRepository(vault)
        clip = ClipService(repo).create(recording.id, 1000, 3000)
        service = ReviewSessionService(repo, vault, vault)
        session = service.create("Met de klant", perspectives=(Role.KLANT, Role.ONDERZOEKER))
        service.add_clip(session.id, clip.id)
        entry = service.playlist(session.id)[0]
        secret = "Ik was bang dat mijn uitkering stopt"
        said = service.add_observation(session, entry, Role.KLANT, secret, 1500)
        assert said.sharing_state == SharingState.NOT_ASKED
        assert service.observations(session.id, Role.KLANTMANAGER) == []
        assert [o.id for o in service.observations(session.id, Role.ONDERZOEKER)] == [said.id]
        with pytest.raises(KnownError, match="onderzoeker"):
            service.set_sharing(said, SharingState.SHARED, role=Role.KLANTMANAGER)
        shared = service.set_sharing(said, SharingState.SHARED, role=Role.ONDERZOEKER)
        assert service.observations(session.id, Role.KLANTMANAGER) == [shared]
        # A later save of the observation (e.g. an undo of a text edit) keeps the state.
        ObservationService(vault).restore(said)
        assert vault.observation(said.id).sharing_state == SharingState.SHARED  # type: ignore[union-attr]
        service.set_sharing(shared, SharingState.NOT_SHARED, role=Role.ONDERZOEKER)
        assert service.observations(session.id, Role.KLANTMANAGER) == []
        entries = [e for e in vault.audit_entries() if e.action == AuditAction.SHARING_CHANGED]
        assert [e.details["to"] for e in entries] == ["mag_gedeeld", "niet_delen"]
        assert all(e.role == Role.ONDERZOEKER for e in entries)
        assert "bang" not in repr([e.model_dump() for e in vault.audit_entries()])
        assert vault.verify() == []


# -- keep fragments only ----------------------------------------------------------------------
def _decoded_duration_ms(data: bytes) -> int:
    with av.open(io.BytesIO(data)) as container:
        return int(container.duration * 1000 // av.time_base)


def test_keep_fragments_only_end_to_end(vault_dir: Path, tmp_path: Path) -> None:
    started = time.time()
    original_bytes = facts.VIDEO_MP4.read_bytes()
    blocks = distinctive_blocks(original_bytes)
    with create(vault_dir) as vault:
        recording = import_file(vault, facts.VIDEO_MP4, title="Gesprek")
        repo = FragmentsRepository(vault)
        clips = ClipService(repo)
        greeting = clips.create(recording.id, 2500, 4500, title="Begroeting")
        ending = clips.create(recording.id, 5200, 6800)
        observations = ObservationService(vault)
        outside_before = observations.create(recording.id, 1000, text="Voor het fragment")
        inside_first = observations.create(recording.id, 3000, text="Hand geven", end_ms=4400)
        inside_second = observations.create(recording.id, 6000, text="Afspraak maken")
        outside_after = observations.create(recording.id, 7500, text="Na het fragment")
        sessions = ReviewSessionService(repo, vault, vault)
        session = sessions.create("Samen")
        sessions.add_clip(session.id, ending.id, "Hoe sluit je af?")

        service = KeepFragmentsService(vault, repo, PyAvRemuxer())
        preview = service.preview(recording.id)
        assert (preview.observations_inside, preview.observations_outside) == (2, 2)
        steps: list[tuple[int, int]] = []
        result = service.run(
            recording.id, role=Role.KLANTMANAGER, progress=lambda d, t: steps.append((d, t))
        )
        assert steps[-1] == (3, 3)

        # Two new recordings, each cut at the keyframe before its in point (every 1 s here).
        assert result.cut_starts_ms == (2000, 5000)
        first, second = result.recordings
        print(
            "fragments: "
            + ", ".join(
                f"{r.title!r} {r.duration_ms} ms from {cut} ms"
                for r, cut in zip(result.recordings, result.cut_starts_ms, strict=True)
            )
        )
        assert first.title == "Gesprek — fragment 1: Begroeting"
        assert second.title == "Gesprek — fragment 2"
        # Each fragment fully contains its marked range, and little more.
        assert 4500 - 2000 <= first.duration_ms <= 4500 - 2000 + 300
        assert 6800 - 5000 <= second.duration_ms <= 6800 - 5000 + 300
        assert first.consent == recording.consent and first.participants == recording.participants
        with vault.open_media(first.id) as stream:
            first_bytes = stream.read()
        assert _decoded_duration_ms(first_bytes) == first.duration_ms
        # No re-encoding: the picture at 3.0 s of the original is bit-identical at 1.0 s.
        with vault.open_media(first.id) as stream:
            moved_frame = decode_frame_at(stream, 1000)
        assert np.array_equal(moved_frame, decode_frame_at(str(facts.VIDEO_MP4), 3000))
        with vault.open_media(second.id) as stream:
            assert np.array_equal(
                decode_frame_at(stream, 1600), decode_frame_at(str(facts.VIDEO_MP4), 6600)
            )

        # Clips and observations moved with rebased times; the outside ones stay as text.
        assert [(c.id, c.start_ms, c.end_ms) for c in repo.clips(first.id)] == [
            (greeting.id, 500, 2500)
        ]
        assert [(c.id, c.start_ms, c.end_ms) for c in repo.clips(second.id)] == [
            (ending.id, 200, 1800)
        ]
        moved = {o.id: (o.time_ms, o.end_ms) for o in vault.observations(first.id)}
        assert moved == {inside_first.id: (1000, 2400)}
        assert [o.id for o in vault.observations(second.id)] == [inside_second.id]
        assert vault.observation(inside_second.id).time_ms == 1000  # type: ignore[union-attr]
        kept = vault.observations(recording.id)
        assert [o.id for o in kept] == [outside_before.id, outside_after.id]
        assert [o.text for o in kept] == ["Voor het fragment", "Na het fragment"]
        assert (result.observations_moved, result.observations_kept_as_text) == (2, 2)
        # The session still plays its fragment, now from the new recording.
        assert [e.recording.id for e in sessions.playlist(session.id)] == [second.id]

        # The original is gone: no key, no file, no thumbnails; the row stays for the text.
        old = vault.recording(recording.id)
        assert not old.media_available
        with pytest.raises(KnownError, match="verwijderd"):
            vault.open_media(recording.id)
        assert not (vault.media_dir / f"{recording.id}.vkm").exists()
        assert sorted(p.name for p in vault.media_dir.iterdir()) == sorted(
            f"{r.id}.vkm" for r in result.recordings
        )
        key = vault._conn.execute(
            "SELECT media_key FROM recordings WHERE id = ?", (recording.id,)
        ).fetchone()[0]
        assert key is None
        audit = [e for e in vault.audit_entries() if e.action == AuditAction.KEEP_FRAGMENTS]
        assert audit[-1].recording_id == recording.id
        assert audit[-1].details["observations_kept_as_text"] == 2
        assert "Begroeting" not in repr([e.model_dump() for e in vault.audit_entries()])
        assert vault.verify() == []
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.verify() == []
        assert len([r for r in vault.recordings() if r.media_available]) == 2
    # No plaintext of the recording anywhere: vault dir, HOME, XDG dirs, system temp.
    hits = files_containing(blocks, [tmp_path]) + files_containing(
        blocks, [Path(tempfile.gettempdir())], changed_since=started
    )
    print(f"scanned for {len(blocks)} distinctive 32-byte blocks: {len(hits)} files with plaintext")
    assert hits == []
    assert first_bytes[:64] not in b"".join(p.read_bytes() for p in (vault_dir / "media").iterdir())


@pytest.mark.parametrize("source", [facts.AUDIO_M4A, facts.AUDIO_OGG, facts.VIDEO_WEBM])
def test_keep_fragments_of_other_containers(vault_dir: Path, source: Path) -> None:
    with create(vault_dir) as vault:
        recording = import_file(vault, source)
        repo = FragmentsRepository(vault)
        ClipService(repo).create(recording.id, 500, 1500)
        result = KeepFragmentsService(vault, repo, PyAvRemuxer()).run(
            recording.id, role=Role.ONDERZOEKER
        )
        (fragment,) = result.recordings
        cut = result.cut_starts_ms[0]
        print(f"{source.name}: cut at {cut} ms, fragment {fragment.duration_ms} ms")
        assert cut <= 500
        assert fragment.duration_ms >= 1500 - cut - 60  # audio frames are ~20-60 ms
        assert fragment.media.has_audio == recording.media.has_audio
        assert vault.verify() == []


def test_cancel_or_failure_leaves_the_recording_untouched(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        recording = import_file(vault, facts.VIDEO_MP4)
        repo = FragmentsRepository(vault)
        ClipService(repo).create(recording.id, 1000, 2000)
        ClipService(repo).create(recording.id, 3000, 4000)
        observation = ObservationService(vault).create(recording.id, 1500, text="Binnen")
        before = sorted(p.name for p in vault.media_dir.iterdir())
        token = CancelToken()

        def cancel_after_first(done: int, _total: int) -> None:
            if done == 1:
                token.cancel()

        service = KeepFragmentsService(vault, repo, PyAvRemuxer())
        with pytest.raises(ImportCancelledError):
            service.run(
                recording.id, role=Role.KLANTMANAGER, progress=cancel_after_first, cancel=token
            )
        assert sorted(p.name for p in vault.media_dir.iterdir()) == before
        assert vault.recording(recording.id).media_available
        assert vault.observation(observation.id).recording_id == recording.id  # type: ignore[union-attr]

        class Broken(PyAvRemuxer):
            calls = 0

            def remux(self, stream, start_ms, end_ms):  # type: ignore[no-untyped-def]
                Broken.calls += 1
                if Broken.calls == 2:
                    raise KnownError("kapot")
                return super().remux(stream, start_ms, end_ms)

        with pytest.raises(KnownError, match="kapot"):
            KeepFragmentsService(vault, repo, Broken()).run(recording.id, role=Role.KLANTMANAGER)
        assert sorted(p.name for p in vault.media_dir.iterdir()) == before
        assert len(vault.recordings()) == 1
        assert vault.verify() == []


def test_keep_fragments_needs_clips(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        recording = import_file(vault, facts.AUDIO_WAV)
        service = KeepFragmentsService(vault, FragmentsRepository(vault), PyAvRemuxer())
        with pytest.raises(KnownError, match="nog geen fragmenten"):
            service.preview(recording.id)
