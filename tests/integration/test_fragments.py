"""Clips, sessions, sharing and keep-fragments-only against the real vault and PyAV."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import frame_numbers as fn
from tests.fixtures import media_facts as facts
from tests.integration.helpers import (
    distinctive_blocks,
    files_containing,
    import_file,
    onderzoeker_session,
    register_onderzoeker,
)

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
from vknz_desktop.domain.visibility import DEFAULT_PROMPT, Audience, neutral_label
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
        assert "Alleen voor mij" not in refused.value.message  # reasons never name a title
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


def test_klant_feedback_sealed_until_shared_and_audited_without_text(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        recording = import_file(vault, facts.VIDEO_MP4)
        consent = make_consent(
            [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
            given_by=Role.KLANT,
            given_on=dt.date(2026, 11, 1),
        )
        vault.set_consent(recording.id, consent, role=Role.ONDERZOEKER)
        register_onderzoeker(vault)
        repo = FragmentsRepository(vault)
        clip = ClipService(repo).create(recording.id, 1000, 3000)
        service = ReviewSessionService(repo, vault, vault)
        session = service.create("Met de klant", perspectives=(Role.KLANT, Role.ONDERZOEKER))
        service.add_clip(session.id, clip.id)
        entry = service.playlist(session.id)[0]
        secret = "Ik was bang dat mijn uitkering stopt"
        said = service.add_observation(session, entry, Role.KLANT, secret, 1500)
        assert said.sharing_state == SharingState.NOT_ASKED
        # Sealed: no role shows it without the onderzoeker's key, and it cannot be shared.
        assert service.observations(session.id, Role.KLANTMANAGER) == []
        assert service.observations(session.id, Role.ONDERZOEKER) == []
        with pytest.raises(KnownError, match="verzegeld"):
            service.set_sharing(said, SharingState.SHARED, role=Role.ONDERZOEKER)
        with onderzoeker_session(vault) as unlocked:
            keyed = ReviewSessionService(repo, vault, vault, onderzoeker=unlocked)
            assert [o.id for o in keyed.observations(session.id, Role.ONDERZOEKER)] == [said.id]
            assert keyed.observations(session.id, Role.ONDERZOEKER)[0].text == secret
            # The klantmanager at the screen: still hidden, even with the key unlocked.
            assert keyed.observations(session.id, Role.KLANTMANAGER) == []
            shared = keyed.set_sharing(said, SharingState.SHARED, role=Role.ONDERZOEKER)
        assert shared.shared_by == unlocked.key.onderzoeker_id and shared.shared_at is not None
        assert service.observations(session.id, Role.KLANTMANAGER) == [shared]
        # A later save of the observation (e.g. an undo of a text edit) keeps the state.
        ObservationService(vault).restore(said)
        assert vault.observation(said.id).sharing_state == SharingState.SHARED  # type: ignore[union-attr]
        # Set back to "niet delen": sealed again, gone for the klantmanager.
        service.set_sharing(shared, SharingState.NOT_SHARED, role=Role.ONDERZOEKER)
        assert service.observations(session.id, Role.KLANTMANAGER) == []
        assert vault.observation(said.id) is None
        assert [i.sharing_state for i in repo.sealed_items(recording.id)] == [
            SharingState.NOT_SHARED
        ]
        entries = [e for e in vault.audit_entries() if e.action == AuditAction.SHARING_CHANGED]
        assert [e.details["to"] for e in entries] == ["mag_gedeeld", "niet_delen"]
        assert entries[0].details["onderzoeker"] == unlocked.key.onderzoeker_id
        assert all(e.role == Role.ONDERZOEKER for e in entries)
        assert "bang" not in repr([e.model_dump() for e in vault.audit_entries()])
        assert vault.verify() == []


def test_sessions_keep_to_their_scope(vault_dir: Path) -> None:
    """Prompts never fall back to a private note, titles are neutral on shared screens,
    observations belong to their session, counts leave hidden items out, and a participant's
    role is checked before anything is stored."""
    with create(vault_dir) as vault:
        recording = import_file(vault, facts.VIDEO_MP4, title="Gesprek met mevrouw Jansen")
        vault.set_consent(
            recording.id,
            make_consent(
                [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
                given_by=Role.KLANT,
                given_on=dt.date(2026, 11, 1),
            ),
            role=Role.KLANTMANAGER,
        )
        repo = FragmentsRepository(vault)
        clip = ClipService(repo).create(
            recording.id, 1000, 5000, title="Bij mevrouw J.", note="Woont op de Dorpsstraat 12"
        )
        register_onderzoeker(vault)
        unlocked = onderzoeker_session(vault)
        service = ReviewSessionService(repo, vault, vault, onderzoeker=unlocked)
        alone = ObservationService(vault).create(recording.id, 2000, text="Zelf gezien")

        # Session 1: the onderzoeker with the klantmanager.
        first = service.create(
            "Met de onderzoeker", perspectives=(Role.ONDERZOEKER, Role.KLANTMANAGER)
        )
        service.add_clip(first.id, clip.id)
        entry = service.playlist(first.id)[0]
        by_researcher = service.add_observation(
            first, entry, Role.ONDERZOEKER, "Praat snel bij de uitleg", 2500
        )
        assert entry.heading == "Bij mevrouw J."  # no klant watching: the preparer's title
        assert entry.recording.title == entry.label != recording.title  # but someone watches

        # Session 2: with the klant. The klantmanager sits at the screen too.
        second = service.create(
            "Met de klant",
            participants=(
                Participant(display_name="Klant A", role=Role.KLANT),
                Participant(display_name="Sam", role=Role.KLANTMANAGER),
            ),
            perspectives=(Role.KLANT, Role.ONDERZOEKER),
        )
        service.add_clip(second.id, clip.id)  # no prompt written
        (shown,) = service.playlist(second.id)
        print(f"shared screen shows: {shown.recording.title!r}, {shown.heading!r}, {shown.prompt}")
        assert shown.prompt.text == DEFAULT_PROMPT and not shown.prompt.from_preparer
        assert shown.clip.note == ""
        day = recording.conversation_date or recording.imported_at.date()
        assert shown.recording.title == shown.label == neutral_label(1, day)
        assert shown.label.startswith("Opname 1, ")
        assert shown.heading == "Fragment 1 van 1"
        assert shown.recording.participants == ()
        screen_text = repr(shown)
        for secret in ("Dorpsstraat", "Jansen", "mevrouw J.", "Klant Fictief"):
            assert secret not in screen_text
        # Earlier sessions' observations: not by default, and not on request with a klant.
        assert service.fragment_observations(shown, Role.ONDERZOEKER) == []
        assert service.fragment_observations(shown, Role.KLANT, include_earlier=True) == []
        refused = service.earlier_observations(second.id, Role.ONDERZOEKER)
        assert not refused.allowed and "klant" in refused.reason
        # The klant says three things; one may be passed on.
        said = [
            service.add_observation(second, shown, Role.KLANT, text, 1500 + n * 100)
            for n, text in enumerate(("Ik was bang", "Het ging snel", "Fijn gesprek"))
        ]
        service.set_sharing(said[2], SharingState.SHARED, role=Role.ONDERZOEKER)
        on_screen = service.fragment_observations(shown, Role.ONDERZOEKER)
        assert [o.id for o in on_screen] == [said[2].id]
        summary = service.finish(second.id, [shown.item.id])
        print(f"overview counts: {summary.observations}")
        assert summary.observations == {Role.KLANT: 1, Role.ONDERZOEKER: 0}
        # Without the klantmanager, the klant and the onderzoeker see (and count) all three;
        # the same session's overview at a klantmanager's keyboard counts one.
        just_them = service.create("Alleen klant", perspectives=(Role.KLANT, Role.ONDERZOEKER))
        service.add_clip(just_them.id, clip.id)
        (theirs,) = service.playlist(just_them.id)
        for text in ("Eén", "Twee", "Drie"):
            service.add_observation(just_them, theirs, Role.KLANT, text, 2000)
        assert service.finish(just_them.id, []).observations[Role.KLANT] == 3
        assert len(service.fragment_observations(theirs, Role.KLANT)) == 3
        assert service.finish(just_them.id, [], Role.KLANTMANAGER).observations[Role.KLANT] == 0
        # Without the onderzoeker's key the klant's sealed words are not there for anyone.
        unlocked.close()
        assert service.finish(just_them.id, []).observations[Role.KLANT] == 0
        assert service.fragment_observations(theirs, Role.KLANT) == []

        # Session 3: onderzoeker and klantmanager again; earlier work only when asked.
        third = service.create("Nog eens", perspectives=(Role.ONDERZOEKER, Role.KLANTMANAGER))
        service.add_clip(third.id, clip.id)
        (again,) = service.playlist(third.id)
        assert service.fragment_observations(again, Role.KLANTMANAGER) == []
        assert service.earlier_observations(third.id, Role.KLANTMANAGER).allowed
        earlier = service.fragment_observations(again, Role.KLANTMANAGER, include_earlier=True)
        assert [o.id for o in earlier] == [said[2].id, alone.id, by_researcher.id]  # time order

        # Adding a participant: the role first, then the check; nothing stored when refused.
        private = import_self_only(vault, facts.AUDIO_M4A, "Alleen voor mij")
        researcher_only = import_file(vault, facts.AUDIO_WAV)
        own = ClipService(repo).create(researcher_only.id, 100, 900)
        fourth = service.create("Voorbereiding", perspectives=(Role.ONDERZOEKER, Role.KLANTMANAGER))
        service.add_clip(fourth.id, own.id)
        choices = service.role_choices(fourth)
        # The klantmanager of the session's perspective is no one extra; a colleague is.
        assert choices[Role.ONDERZOEKER].allowed and choices[Role.KLANTMANAGER].allowed
        assert not choices[Role.COLLEGA].allowed and "collega" in choices[Role.COLLEGA].reason
        assert not choices[Role.KLANT].allowed and "klant kijkt mee" in choices[Role.KLANT].reason
        with pytest.raises(ConsentRefusedError):
            service.add_participant(fourth, Participant(display_name="Klant B", role=Role.KLANT))
        assert service.session(fourth.id).participants == ()
        joined = service.add_participant(
            fourth, Participant(display_name="Bo", role=Role.ONDERZOEKER)
        )
        assert [p.display_name for p in joined.participants] == ["Bo"]
        joined = service.add_participant(
            joined, Participant(display_name="Sam", role=Role.KLANTMANAGER)
        )
        # Once the klantmanager is there, a second one is a colleague.
        assert not service.role_choices(joined)[Role.KLANTMANAGER].allowed
        # Comparing side by side with the klant watching asks the same policy.
        mine = ClipService(repo).create(private.id, 100, 900)
        compare = {c.clip.id: c for c in service.compare_choices(Audience.samen_kijken())}
        assert compare[mine.id].problem is not None and compare[clip.id].problem is None
        assert compare[clip.id].clip.note == ""

        # Consent narrowed while a session is open: nothing more is stored in it.
        vault.set_consent(
            recording.id,
            make_consent(
                [ConsentScope.RESEARCHER], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)
            ),
            role=Role.KLANTMANAGER,
        )
        with pytest.raises(ConsentRefusedError, match="klant kijkt mee"):
            service.add_observation(second, shown, Role.KLANT, "Nog iets", 1800)


# -- keep fragments only ----------------------------------------------------------------------
def _frame_range(data: bytes) -> list[int]:
    """The numbers of every picture stored in a fragment (edit lists ignored: nothing hidden)."""
    return [number for _time, number in fn.frame_numbers(data, ignore_editlist=True)]


def test_keep_fragments_only_cuts_exactly_merges_overlaps_and_tells_the_truth(
    vault_dir: Path, tmp_path: Path
) -> None:
    started = time.time()
    original_bytes = fn.FRAME_NUMBERS_MP4.read_bytes()
    blocks = distinctive_blocks(original_bytes)
    with create(vault_dir) as vault:
        recording = import_file(vault, fn.FRAME_NUMBERS_MP4, title="Gesprek")
        vault.set_consent(
            recording.id,
            make_consent(
                [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
                given_by=Role.KLANT,
                given_on=dt.date(2026, 11, 1),
            ),
            role=Role.KLANTMANAGER,
        )
        recording = vault.recording(recording.id)
        repo = FragmentsRepository(vault)
        clips = ClipService(repo)
        greeting = clips.create(recording.id, 1500, 3200, title="Begroeting")
        overlapping = clips.create(recording.id, 2800, 3600)  # overlaps: kept once
        ending = clips.create(recording.id, 4700, 5600)
        observations = ObservationService(vault)
        outside_before = observations.create(recording.id, 1000, text="Voor het fragment")
        inside_first = observations.create(recording.id, 2000, text="Hand geven")
        inside_span = observations.create(recording.id, 3400, text="Uitleg", end_ms=3550)
        inside_second = observations.create(recording.id, 5000, text="Afspraak maken")
        outside_after = observations.create(recording.id, 5800, text="Na het fragment")
        register_onderzoeker(vault)
        hidden = observations.create(
            recording.id, 2500, text="Ik was zenuwachtig", author_role=Role.KLANT
        )
        sessions = ReviewSessionService(repo, vault, vault)
        session = sessions.create("Samen")
        sessions.add_clip(session.id, ending.id, "Hoe sluit je af?")

        service = KeepFragmentsService(vault, repo, PyAvRemuxer())
        preview = service.preview(recording.id, Role.KLANTMANAGER)
        # The figures of the confirmation: overlaps merged, hidden klant feedback not counted.
        assert (preview.fragment_count, preview.clip_count) == (2, 3)
        assert preview.kept_ms == (3600 - 1500) + (5600 - 4700) == 3000
        assert preview.removed_ms == recording.duration_ms - 3000
        assert (preview.observations_inside, preview.observations_outside) == (3, 2)
        # The klant's item is sealed: the role picked at unlock reveals nothing, not a count.
        assert service.preview(recording.id, Role.ONDERZOEKER).observations_inside == 3
        steps: list[tuple[int, int]] = []
        result = service.run(
            recording.id, role=Role.KLANTMANAGER, progress=lambda d, t: steps.append((d, t))
        )
        assert steps[-1] == (3001, 3001)
        assert [d for d, _t in steps] == sorted(d for d, _t in steps)

        # Two new recordings, each starting exactly at its in point.
        assert result.cut_starts_ms == (1500, 4700)
        first, second = result.recordings
        print(
            "fragments: "
            + ", ".join(
                f"{r.title!r} {r.duration_ms} ms from {cut} ms"
                for r, cut in zip(result.recordings, result.cut_starts_ms, strict=True)
            )
            + f"; preview said {preview.kept_ms} ms, stored {result.kept_ms} ms"
        )
        assert first.title == "Gesprek — fragment 1: Begroeting"
        assert second.title == "Gesprek — fragment 2"
        assert abs(first.duration_ms - 2100) <= fn.FRAME_MS
        assert abs(second.duration_ms - 900) <= fn.FRAME_MS
        assert abs(result.kept_ms - preview.kept_ms) <= 2 * fn.FRAME_MS
        assert first.media.frame_rate == recording.media.frame_rate
        assert first.consent == recording.consent and first.participants == recording.participants

        # The pictures: the first and last kept frames are the chosen ones, within one frame,
        # and nothing from before the in point is in the file (not even behind an edit list).
        for fragment, (start_ms, end_ms) in zip(
            (first, second), ((1500, 3600), (4700, 5600)), strict=True
        ):
            with vault.open_media(fragment.id) as stream:
                data = stream.read()
            numbers = _frame_range(data)
            chosen = (start_ms // fn.FRAME_MS, (end_ms - 1) // fn.FRAME_MS)
            print(f"{fragment.title}: frames {numbers[0]}..{numbers[-1]}, chosen {chosen}")
            assert abs(numbers[0] - chosen[0]) <= 1 and abs(numbers[-1] - chosen[1]) <= 1
            assert min(numbers) >= chosen[0] - 1 and max(numbers) <= chosen[1] + 1
            assert numbers == list(range(numbers[0], numbers[-1] + 1))  # each frame once
            # The sound is cut at the same moment: the beep of every whole second is where
            # the picture says it is.
            beeps = fn.beep_onsets_ms(data)
            expected = [s * 1000 - start_ms for s in range(6) if start_ms <= s * 1000 < end_ms]
            print(f"  beeps at {beeps} ms, expected {expected}")
            assert len(beeps) == len(expected)
            assert all(abs(a - b) <= 5 for a, b in zip(beeps, expected, strict=True))
        with vault.open_media(first.id) as stream:
            assert fn.read_frame_number(decode_frame_at(stream, 1000)) == 2500 // fn.FRAME_MS

        # Clips and observations moved with rebased times; the outside ones stay as text.
        assert [(c.id, c.start_ms, c.end_ms) for c in repo.clips(first.id)] == [
            (greeting.id, 0, 1700),
            (overlapping.id, 1300, 2100),
        ]
        assert [(c.id, c.start_ms, c.end_ms) for c in repo.clips(second.id)] == [
            (ending.id, 0, 900)
        ]
        moved = {o.id: (o.time_ms, o.end_ms) for o in vault.observations(first.id)}
        assert moved == {inside_first.id: (500, None), inside_span.id: (1900, 2050)}
        # The sealed klant item moved with its fragment, still sealed.
        assert [(i.id, i.time_ms) for i in repo.sealed_items(first.id)] == [(hidden.id, 1000)]
        assert repo.sealed_items(recording.id) == []
        assert [(o.id, o.time_ms) for o in vault.observations(second.id)] == [
            (inside_second.id, 300)
        ]
        kept = vault.observations(recording.id)
        assert [o.text for o in kept] == ["Voor het fragment", "Na het fragment"]
        # Counts shown to the klantmanager leave out the klant's hidden item.
        assert (result.observations_moved, result.observations_kept_as_text) == (3, 2)
        # The session still plays its fragment, now from the new recording.
        assert [e.recording.id for e in sessions.playlist(session.id)] == [second.id]

        # The notes of the replaced recording are found from each fragment.
        for fragment in (first, second):
            found = service.notes_of_original(fragment.id)
            assert found is not None and found.original.id == recording.id
            assert [o.id for o in found.notes] == [outside_before.id, outside_after.id]
            assert [r.id for r in found.fragments] == [first.id, second.id]
        assert [r.original.id for r in service.replaced()] == [recording.id]
        assert service.notes_of_original(recording.id) is not None
        unrelated = import_file(vault, facts.AUDIO_WAV)
        assert service.notes_of_original(unrelated.id) is None

        # The original is gone: no key, no file, no thumbnails; the row stays for the text.
        old = vault.recording(recording.id)
        assert not old.media_available
        with pytest.raises(KnownError, match="verwijderd"):
            vault.open_media(recording.id)
        assert not (vault.media_dir / f"{recording.id}.vkm").exists()
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
        assert len([r for r in vault.recordings() if r.media_available]) == 3
    # No plaintext of the recording anywhere: vault dir, HOME, XDG dirs, system temp.
    hits = files_containing(blocks, [tmp_path]) + files_containing(
        blocks, [Path(tempfile.gettempdir())], changed_since=started
    )
    print(f"scanned for {len(blocks)} distinctive 32-byte blocks: {len(hits)} files with plaintext")
    assert hits == []


def test_a_long_fragment_is_not_stretched_to_the_keyframe_before(vault_dir: Path) -> None:
    """The reported case: with a keyframe every 4 s, a fragment from 4.9 s kept from 4.0 s."""
    source = vault_dir.parent / "sparse_keyframes.mp4"
    source.parent.mkdir(parents=True, exist_ok=True)
    fn.write_frame_numbered(source, seconds=10, gop=100, b_frames=3)
    with create(vault_dir) as vault:
        recording = import_file(vault, source)
        repo = FragmentsRepository(vault)
        ClipService(repo).create(recording.id, 4900, 7300)
        result = KeepFragmentsService(vault, repo, PyAvRemuxer()).run(
            recording.id, role=Role.KLANTMANAGER
        )
        (fragment,) = result.recordings
        with vault.open_media(fragment.id) as stream:
            numbers = _frame_range(stream.read())
        print(f"kept frames {numbers[0]}..{numbers[-1]}, {fragment.duration_ms} ms")
        assert abs(numbers[0] - 4900 // fn.FRAME_MS) <= 1
        assert abs(numbers[-1] - 7299 // fn.FRAME_MS) <= 1
        assert abs(fragment.duration_ms - 2400) <= fn.FRAME_MS


@pytest.mark.parametrize(
    "source",
    [
        facts.AUDIO_M4A,
        facts.AUDIO_OGG,
        facts.AUDIO_MP3,
        facts.AUDIO_WAV,
        facts.VIDEO_WEBM,
        facts.VIDEO_VFR,
        facts.VIDEO_ROTATED,
    ],
)
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
        assert cut == 500
        assert abs(fragment.duration_ms - 1000) <= 40
        assert fragment.media.has_audio == recording.media.has_audio
        assert fragment.media.has_video == recording.media.has_video
        assert fragment.media.rotation == recording.media.rotation
        assert fragment.media.frame_rate == recording.media.frame_rate
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
            if done >= 1000:  # the first fragment is cut
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

            def remux(self, stream, start_ms, end_ms, **kwargs):  # type: ignore[no-untyped-def]
                Broken.calls += 1
                if Broken.calls == 2:
                    raise KnownError("kapot")
                return super().remux(stream, start_ms, end_ms, **kwargs)

        with pytest.raises(KnownError, match="kapot"):
            KeepFragmentsService(vault, repo, Broken()).run(recording.id, role=Role.KLANTMANAGER)
        assert sorted(p.name for p in vault.media_dir.iterdir()) == before
        assert len(vault.recordings()) == 1
        assert vault.verify() == []


def test_keep_fragments_and_starting_a_session_say_why_not(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        recording = import_file(vault, facts.AUDIO_WAV)
        repo = FragmentsRepository(vault)
        service = KeepFragmentsService(vault, repo, PyAvRemuxer())
        with pytest.raises(KnownError, match="nog geen fragmenten"):
            service.preview(recording.id)
        state = service.state(recording.id)  # the disabled menu item says why
        assert not state.allowed and "nog geen fragmenten" in state.reason
        first = ClipService(repo).create(recording.id, 100, 900)
        assert service.state(recording.id).allowed
        # A session without playable fragments cannot start, and says why.
        sessions = ReviewSessionService(repo, vault, vault)
        session = sessions.create("Leeg")
        assert "afspeellijst" in sessions.start_state(session.id).reason
        sessions.add_clip(session.id, first.id)
        assert sessions.start_state(session.id).allowed
        vault.set_consent(
            recording.id,
            make_consent([ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)),
            role=Role.KLANTMANAGER,
        )
        refused = sessions.start_state(session.id)
        assert not refused.allowed and "alleen zelf terugkijken" in refused.reason
