"""Made-up recordings and consents for the GUI tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from vknz_desktop.domain.models import (
    Consent,
    ConsentScope,
    MediaInfo,
    Participant,
    Recording,
    Role,
)

TODAY = dt.date(2026, 11, 28)
S = ConsentScope


def consent(
    scopes: Iterable[ConsentScope],
    keep_until: dt.date,
    given_on: dt.date = dt.date(2026, 1, 10),
    given_by: Role = Role.KLANT,
) -> Consent:
    return Consent(
        given_on=given_on, given_by=given_by, scopes=frozenset(scopes), keep_until=keep_until
    )


def recording(
    rid: str,
    title: str,
    *,
    day: dt.date | None = dt.date(2026, 11, 1),
    duration_ms: int = 125_000,
    video: bool = True,
    scopes: Iterable[ConsentScope] = (S.SELF,),
    keep_until: dt.date = dt.date(2027, 11, 1),
) -> Recording:
    return Recording(
        id=rid,
        title=title,
        conversation_date=day,
        media=MediaInfo(container="mp4", duration_ms=duration_ms, has_video=video, has_audio=True),
        size_bytes=1000,
        sha256="0" * 64,
        participants=(Participant(display_name="Klant A", role=Role.KLANT),),
        consent=consent(scopes, keep_until, given_on=min(keep_until, dt.date(2026, 1, 10))),
        imported_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )
