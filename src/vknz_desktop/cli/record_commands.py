"""``vknz record``: record from a microphone (and camera) straight into the vault.

While recording, each line typed on standard input sets a marker: an empty line a plain one,
a raakmoment's name (e.g. ``weerstand``) a typed one; ``pauze``, ``verder`` and ``stop`` do
what they say. Ctrl+C stops too (the recording is kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import signal
import sys
import threading
import time
from typing import Any, TextIO

from vknz_desktop.cli.common import (
    EXIT_OK,
    date_arg,
    open_vault,
    participant_arg,
    role_arg,
    scopes_arg,
)
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.markers import RAAKMOMENTEN
from vknz_desktop.domain.models import CONSENT_SCOPE_LABELS, Role
from vknz_desktop.domain.recording_ports import (
    CaptureCallbacks,
    CapturePlan,
    DeviceKind,
    DiskStatus,
    RecordRequest,
)
from vknz_desktop.domain.timefmt import format_position
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.live_recording import (
    LiveRecordingService,
    RecorderEvents,
)
from vknz_desktop.services.recordings import make_consent

log = logging.getLogger("vknz_desktop.cli")


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Register ``vknz record``."""
    rec = sub.add_parser(
        "record",
        help="neem een gesprek op, rechtstreeks in de kluis",
        description="Neemt geluid (en beeld) op, rechtstreeks versleuteld in de kluis. "
        "Tijdens het opnemen zet elke regel op de invoer een markering: een lege regel een "
        "raakmoment, of de naam van een soort ("
        + ", ".join(t.id for t in RAAKMOMENTEN.types)
        + "); 'pauze', 'verder' en 'stop' doen wat ze zeggen. Ctrl+C stopt ook.",
    )
    rec.add_argument("--list-devices", action="store_true", help="toon microfoons en camera's")
    rec.add_argument("--audio-only", action="store_true", help="alleen geluid (geen camera)")
    rec.add_argument(
        "--device", metavar="DEV", help="camera (/dev/videoN, of lavfi:<grafiek> om te testen)"
    )
    rec.add_argument(
        "--audio-device",
        metavar="DEV",
        help="microfoon (nummer of naam uit --list-devices, of lavfi:<grafiek>)",
    )
    rec.add_argument(
        "--duration", type=_seconds_arg, metavar="SECONDEN", help="stop na zoveel seconden"
    )
    rec.add_argument(
        "--consent-scope",
        type=scopes_arg,
        metavar="SCOPE[,SCOPE…]",
        help="toestemming (verplicht om op te nemen): "
        + ", ".join(f"{s.value} ({label})" for s, label in CONSENT_SCOPE_LABELS.items()),
    )
    rec.add_argument("--title", help="titel (standaard: 'Opname' met datum en tijd)")
    rec.add_argument("--date", type=date_arg, metavar="JJJJ-MM-DD", help="datum van het gesprek")
    rec.add_argument(
        "--consent-by", type=role_arg, default=Role.KLANT, metavar="ROL", help="wie toestemming gaf"
    )
    rec.add_argument("--keep-until", type=date_arg, metavar="JJJJ-MM-DD", help="bewaren tot")
    rec.add_argument(
        "--participant",
        type=participant_arg,
        action="append",
        default=[],
        metavar="NAAM:ROL",
        help="deelnemer (mag een schuilnaam zijn); herhaalbaar",
    )
    rec.add_argument("--author", default="", metavar="NAAM", help="je naam bij de markeringen")


def _seconds_arg(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is geen aantal seconden") from error
    if not 0 < value <= 24 * 3600:
        raise argparse.ArgumentTypeError("de duur moet tussen 0 en 24 uur liggen")
    return value


def _backend() -> Any:
    from vknz_desktop.media.recorder.backend import LinuxCaptureBackend

    return LinuxCaptureBackend()


def cmd_record(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    backend = _backend()
    if args.list_devices:
        return _list_devices(backend, out)
    if not args.consent_scope:
        raise KnownError(
            "Leg eerst de toestemming vast met --consent-scope; zonder toestemming wordt er "
            "niets opgenomen en geen apparaat geopend."
        )
    if args.audio_only and args.device:
        raise KnownError("--audio-only en --device gaan niet samen: kies één van beide.")
    video = None if args.audio_only else (args.device or _default_camera(backend))
    consent = make_consent(
        args.consent_scope,
        given_by=args.consent_by,
        given_on=dt.date.today(),
        keep_until=args.keep_until,
    )
    request = RecordRequest(
        consent=consent,
        plan=CapturePlan(audio_device=args.audio_device, video_device=video),
        title=args.title or "",
        conversation_date=args.date,
        participants=tuple(args.participant),
        role=args.role,
        author_name=args.author,
    )
    from vknz_desktop.media.recorder.finish import PyAvLiveFinisher
    from vknz_desktop.storage.live_recording_repo import LiveRecordingRepository

    with open_vault(paths) as vault:
        service = LiveRecordingService(LiveRecordingRepository(vault), backend, PyAvLiveFinisher())
        problems: list[str] = []
        for earlier in service.finish_pending(role=args.role, problems=problems):
            print(
                f"Eerder onderbroken opname afgerond: {earlier.title} ({earlier.id}), "
                f"{format_position(earlier.duration_ms)}",
                file=out,
            )
        for problem in problems:
            print(f"Let op: {problem}", file=sys.stderr)
        return _record(service, request, args.duration, out)


def _record(
    service: LiveRecordingService, request: RecordRequest, duration: float | None, out: TextIO
) -> int:
    stop = threading.Event()
    reasons: list[str] = []

    def must_stop(reason: str) -> None:
        reasons.append(reason)
        stop.set()

    def disk_warning(status: DiskStatus) -> None:
        minutes = int((status.seconds_left or 0) // 60)
        print(f"Let op: de schijf is over ongeveer {minutes} minuten vol.", file=sys.stderr)

    device_errors: list[str] = []
    recorder = service.prepare(
        request,
        CaptureCallbacks(on_error=device_errors.append),
        RecorderEvents(on_must_stop=must_stop, on_disk_warning=disk_warning),
    )
    previous = signal.getsignal(signal.SIGINT)
    try:
        recording_id = recorder.start()
        kind = "geluid" if request.plan.audio_only else "beeld en geluid"
        print(f"Opnemen ({kind}) gestart: {recording_id}", file=out, flush=True)
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        threading.Thread(
            target=_read_commands, args=(recorder, stop, out), name="vknz-record-input", daemon=True
        ).start()
        deadline = time.monotonic() + duration if duration else None
        while not stop.wait(0.1):
            if deadline is not None and recorder.elapsed_ms() >= duration * 1000:  # type: ignore[operator]
                break
            if deadline is not None and time.monotonic() > deadline + 30:
                break  # paused for too long past the asked duration
        recording = recorder.stop()
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        recorder.close()
    for reason in reasons:
        print(f"Let op: {reason}", file=sys.stderr)
    markers = len(recorder.markers)
    print(
        f"Opgenomen: {recording.title} ({recording.id}), "
        f"{format_position(recording.duration_ms)}, "
        f"{markers} markering(en)",
        file=out,
    )
    log.info("recorded %s (%d bytes, %d markers)", recording.id, recording.size_bytes, markers)
    return EXIT_OK


def _read_commands(recorder: Any, stop: threading.Event, out: TextIO) -> None:
    for line in sys.stdin:
        word = line.strip().lower()
        try:
            if word == "stop":
                stop.set()
                return
            if word == "pauze":
                recorder.pause()
                print("Gepauzeerd.", file=out, flush=True)
            elif word == "verder":
                recorder.resume()
                print("Verder.", file=out, flush=True)
            else:
                marker = recorder.marker(word or None)
                print(
                    f"Markering {format_position(marker.time_ms)} {word or 'raakmoment'}",
                    file=out,
                    flush=True,
                )
        except (KnownError, ValueError) as error:
            print(f"vknz: {getattr(error, 'message', error)}", file=sys.stderr, flush=True)


def _default_camera(backend: Any) -> str:
    cameras = backend.cameras()
    if not cameras:
        raise KnownError(
            "Er is geen camera gevonden. Neem alleen geluid op (--audio-only) of kies een "
            "camera met --device."
        )
    return str(cameras[0].id)


def _list_devices(backend: Any, out: TextIO) -> int:
    devices = backend.list_devices()
    for kind, label in ((DeviceKind.AUDIO, "Microfoons"), (DeviceKind.VIDEO, "Camera's")):
        print(f"{label}:", file=out)
        found = [d for d in devices if d.kind is kind]
        if not found:
            print("  (geen gevonden)", file=out)
        for device in found:
            default = "  (standaard)" if device.is_default else ""
            print(f"  {device.id}  {device.name}{default}", file=out)
    return EXIT_OK


COMMANDS = {"record": cmd_record}
