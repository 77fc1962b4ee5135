"""Build a demo vault with a synthetic recording and fake observations (for screenshots).

Everything here is invented: a generated test picture, fake Dutch notes, no real person.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from vknz_desktop.domain.models import ConsentScope, Participant, Role
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

PASSPHRASE = "paard batterij nietje"

NOTES = [
    ("werkrelatie", "begroeting", "Ik sta op en geef een hand; de klant glimlacht even."),
    ("doel-en-agenda", None, "Ik noem het doel van het gesprek pas na vijf minuten."),
    ("luisteren", None, "Ik vat samen wat de klant zegt over de schulden; hij knikt."),
    ("non-verbaal", None, "Mijn blik gaat vaak naar het scherm terwijl de klant praat."),
    ("maatwerk", None, "De klant begrijpt het woord 'inkomstenverklaring' niet; ik leg het uit."),
    ("hardop-afwegen", None, "Ik zeg hardop waarom ik de aanvraag nog niet kan goedkeuren."),
    ("structuur-en-tijd", None, "Halverwege kijk ik op de klok; het gesprek versnelt."),
    (None, None, "Stilte van ongeveer acht seconden; daarna vertelt de klant meer."),
    ("werkrelatie", None, "De klant lacht om mijn grapje over het weer."),
    ("luisteren", None, "Ik onderbreek de klant midden in een zin."),
    ("doel-en-agenda", None, "We spreken af wat de volgende stap is en wie wat doet."),
    ("maatwerk", None, "Ik laat een pictogram zien bij het onderwerp werk."),
    ("non-verbaal", None, "Ik leun naar voren als de klant over zijn dochter vertelt."),
    (None, None, "Hier wil ik met de onderzoeker naar kijken."),
    ("hardop-afwegen", None, "Ik leg twee mogelijkheden naast elkaar en vraag wat de klant kiest."),
    ("structuur-en-tijd", None, "Ik sluit af met een samenvatting van de afspraken."),
    ("luisteren", None, "Open vraag: 'Hoe gaat het thuis?' De klant vertelt uitgebreid."),
    ("werkrelatie", None, "Ik bedank de klant voor zijn openheid."),
    ("maatwerk", None, "Ik spreek langzamer nadat de klant om herhaling vraagt."),
    ("non-verbaal", None, "Armen over elkaar bij de klant zodra het over de boete gaat."),
    ("doel-en-agenda", None, "De klant brengt zelf een nieuw onderwerp in; ik parkeer het."),
    ("luisteren", None, "Ik herhaal de laatste woorden van de klant en wacht."),
]


def make_demo_video(path: Path, seconds: int = 90, size: tuple[int, int] = (960, 540)) -> None:
    """A calm synthetic 'conversation' picture: two coloured figures, a moving clock hand."""
    rng = np.random.default_rng(5)
    width, height = size
    with av.open(str(path), "w") as container:
        video = container.add_stream("libx264", rate=25)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        video.options = {"preset": "ultrafast", "crf": "30", "g": "50"}
        audio = container.add_stream("aac", rate=16000)
        audio.layout = "mono"
        yy, xx = np.mgrid[0:height, 0:width]
        background = np.zeros((height, width, 3), dtype=np.uint8)
        background[..., 0] = 225 - (yy * 40 // height)
        background[..., 1] = 222 - (yy * 30 // height)
        background[..., 2] = 214
        for frame_index in range(seconds * 25):
            t = frame_index / 25
            img = background.copy()
            img[int(height * 0.62) :, :] = (120, 96, 80)  # table
            for cx, colour, phase in ((0.3, (52, 101, 164), 0.0), (0.7, (204, 102, 60), 1.3)):
                x = int(width * cx + 10 * math.sin(t * 0.8 + phase))
                head = (xx - x) ** 2 + (yy - int(height * 0.33)) ** 2 < (height * 0.08) ** 2
                body = (abs(xx - x) < height * 0.12) & (yy > height * 0.43) & (yy < height * 0.8)
                img[head] = (235, 200, 170)
                img[body] = colour
            hand = int((t % 60) / 60 * width)
            img[8:14, : max(1, hand)] = (90, 90, 90)
            noise = rng.integers(0, 6, size=(height, width, 1), dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(
                np.clip(img + noise, 0, 255).astype(np.uint8), format="rgb24"
            )
            frame.pts = frame_index
            frame.time_base = Fraction(1, 25)
            for packet in video.encode(frame):
                container.mux(packet)
        for packet in video.encode(None):
            container.mux(packet)
        samples_total = seconds * 16000
        sample_times = np.arange(samples_total) / 16000
        envelope = 0.25 + 0.2 * np.sin(sample_times * 0.7) ** 2
        speech = (
            envelope * np.sin(2 * np.pi * 180 * sample_times) * (np.sin(sample_times * 3) > -0.2)
        )
        signal = (speech + rng.normal(0, 0.02, samples_total)).astype(np.float32)
        for start in range(0, samples_total, 1024):
            chunk = signal[start : start + 1024].reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="flt", layout="mono")
            frame.sample_rate = 16000
            frame.pts = start
            for packet in audio.encode(frame):
                container.mux(packet)
        for packet in audio.encode(None):
            container.mux(packet)


def build_demo_vault(vault_dir: Path, work_dir: Path, observations: int = 22) -> tuple[Vault, str]:
    """Create a vault with two recordings; returns the open vault and the video's id."""
    video = work_dir / "oefengesprek.mp4"
    make_demo_video(video)
    vault = Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)
    service = RecordingService(vault, PyAvProber())
    consent = make_consent(
        [ConsentScope.RESEARCHER],
        given_by=Role.KLANT,
        given_on=dt.date(2026, 10, 12),
    )
    recording = service.import_recording(
        ImportRequest(
            source=video,
            consent=consent,
            title="Oefengesprek inkomen (fictief)",
            conversation_date=dt.date(2026, 10, 12),
            participants=(
                Participant(display_name="Klant A", role=Role.KLANT),
                Participant(display_name="Sam", role=Role.KLANTMANAGER),
            ),
        )
    )
    audio = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "media" / "audio.m4a"
    service.import_recording(
        ImportRequest(
            source=audio,
            title="Telefoongesprek (alleen geluid)",
            conversation_date=dt.date(2026, 11, 3),
            consent=make_consent(
                [ConsentScope.SELF],
                given_by=Role.KLANT,
                given_on=dt.date(2025, 11, 1),
                keep_until=dt.date(2026, 11, 1),
            ),
        )
    )
    obs = ObservationService(vault)
    rng = random.Random(3)
    times = sorted(rng.randrange(1000, recording.duration_ms - 1000) for _ in range(observations))
    for time_ms, (theme, question, text) in zip(times, NOTES * 2, strict=False):
        obs.create(
            recording.id,
            time_ms,
            text=text,
            theme_id=theme,
            question_id=question,
            profile_id="klantgesprek" if theme else None,
            author_name="Sam",
        )
    return vault, recording.id
