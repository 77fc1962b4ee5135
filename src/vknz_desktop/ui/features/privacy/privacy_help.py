"""Help → 'Wat gebeurt er met de opnames?': the promises about data, in plain Dutch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def privacy_text() -> str:
    """The help text as simple HTML (also the basis of docs/privacy.md)."""
    return QCoreApplication.translate(
        "PrivacyHelp",
        """<h2>Wat gebeurt er met de opnames?</h2>
<p><b>Alles blijft op deze laptop.</b> Opnames, aantekeningen, leerdoelen en toestemmingen
staan in één kluis op deze laptop. Het programma maakt nooit verbinding met internet: geen
cloud, geen updates op de achtergrond, geen statistieken.</p>
<h3>Versleuteld</h3>
<p>De kluis is versleuteld. Zonder jouw wachtwoord kan niemand de opnames bekijken of de
aantekeningen lezen, ook niet wie de laptop of een kopie van de bestanden in handen krijgt.
Elke opname heeft een eigen sleutel. Er komen nooit onversleutelde kopieën op de schijf,
ook niet tijdelijk.</p>
<h3>Wat er de laptop verlaat</h3>
<p>Alleen een <b>leersamenvatting</b> die je zelf maakt en eerst ziet: je leerdoelen en, als je
dat kiest, de tekst van gekoppelde waarnemingen. Namen, adressen, telefoonnummers en
dergelijke worden eruit gehaald. Nooit in een samenvatting: beeld, geluid, titels van
opnames, namen van deelnemers, en feedback van een klant die niet mag worden gedeeld.</p>
<h3>Hoe lang opnames blijven</h3>
<p>Bij het importeren leg je vast wie toestemming gaf, waarvoor, en tot wanneer de opname
bewaard mag worden (standaard twaalf maanden). Veertien dagen voor die datum krijg je een
herinnering. Daarna wordt de opname verwijderd: de sleutel wordt vernietigd, zodat niemand
haar ooit nog kan openen. Je aantekeningen blijven als tekst, met 'opname verwijderd'.</p>
<h3>Vergrendelen</h3>
<p>Na een paar minuten zonder gebruik, als het scherm van de computer op slot gaat, bij
slaapstand of met Ctrl+L vergrendelt de kluis. Wat je aan het typen was wordt eerst
bewaard. Daarna stopt het afspelen, verdwijnen beeld en tekst van het scherm en moet het
wachtwoord opnieuw worden ingevoerd.</p>
<h3>Leren, niet beoordelen</h3>
<p>Opnames zijn er om van te leren. Het programma geeft geen cijfers en beoordeelt niemand.
Een klant heeft nooit nadelen van meedoen of van feedback; wat een klant zegt, komt alleen
bij de klantmanager terecht als de klant daar per onderdeel toestemming voor gaf.</p>
<h3>Feedback van de klant</h3>
<p>Wat een klant zegt, wordt versleuteld voor de onderzoeker. Met het wachtwoord van de kluis
alleen is het niet te lezen en niet te vinden, welke rol er ook is gekozen. De onderzoeker
opent het met een eigen wachtwoord (Onderzoeker → Sleutel openen); een verkeerd wachtwoord
opent niets en komt in het logboek. Zolang de sleutel open is, staat dat onderin het venster;
bij vergrendelen gaat hij dicht. Pas als de klant zegt dat iets gedeeld mag worden, komt het
bij de klantmanager, met de datum en de naam van de onderzoeker.</p>
<h3>Logboek</h3>
<p>Het logboek (Help → Logboek) houdt bij wanneer de kluis werd geopend, wat er werd
geïmporteerd, geëxporteerd of verwijderd en wanneer toestemming veranderde —
nooit de inhoud.</p>""",
    )


class PrivacyHelpDialog(QDialog):
    """Shows privacy_text()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Wat gebeurt er met de opnames?"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Uitleg over de opnames"))
        self.browser.setHtml(privacy_text())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
