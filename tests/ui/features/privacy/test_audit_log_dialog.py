"""The Logboek: every action has a Dutch name."""

from __future__ import annotations


def test_every_audit_action_has_a_dutch_label_in_the_log() -> None:
    from vknz_desktop.domain.models import AuditAction
    from vknz_desktop.ui.features.privacy.audit_log_dialog import ACTION_LABELS

    assert set(ACTION_LABELS) == set(AuditAction)
