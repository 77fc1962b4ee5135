<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
    <context>
        <name>ActionRegistry</name>
        <message>
            <source>Spatie</source>
            <extracomment>A condition: None when the action may be used now, else the reason why not (Dutch).</extracomment>
            <translation type="vanished">Space</translation>
        </message>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/actions.py" line="+174" />
            <source>Spatiebalk</source>
            <extracomment>A condition: None when the action may be used now, else the reason why not (Dutch).</extracomment>
            <translation>Space</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pijl links</source>
            <translation>Left arrow</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pijl rechts</source>
            <translation>Right arrow</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pijl omhoog</source>
            <translation>Up arrow</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pijl omlaag</source>
            <translation>Down arrow</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Home</source>
            <translation>Home</translation>
        </message>
        <message>
            <location line="+1" />
            <source>End</source>
            <translation>End</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>AudioNotice</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/vault_health.py" line="+89" />
            <source>Geen geluid</source>
            <translation>No sound</translation>
        </message>
    </context>
    <context>
        <name>AuditDetails</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/privacy/audit_details.py" line="+60" />
            <source>ja</source>
            <extracomment>The stored form of the failed unlocks' times (storage/vault.py writes them in UTC).</extracomment>
            <translation>yes</translation>
        </message>
        <message>
            <location line="+2" />
            <source>nee</source>
            <translation>no</translation>
        </message>
        <message>
            <location line="+18" />
            <source>1 poging</source>
            <translation>1 attempt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{0} pogingen</source>
            <translation>{0} attempts</translation>
        </message>
        <message>
            <location line="+13" />
            <source>toestemming</source>
            <translation>consent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>eerder</source>
            <translation>before</translation>
        </message>
        <message>
            <location line="+2" />
            <source>bewaren tot</source>
            <translation>keep until</translation>
        </message>
        <message>
            <location line="+3" />
            <source>duur</source>
            <translation>duration</translation>
        </message>
        <message>
            <location line="+5" />
            <source>eerste</source>
            <translation>first</translation>
        </message>
        <message>
            <location line="+1" />
            <source>laatste</source>
            <translation>last</translation>
        </message>
        <message>
            <location line="+1" />
            <source>via</source>
            <translation>via</translation>
        </message>
        <message>
            <location line="+1" />
            <source>soort</source>
            <translation>kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>bestandsvorm</source>
            <translation>file format</translation>
        </message>
        <message>
            <location line="+1" />
            <source>leerdoelen</source>
            <translation>learning goals</translation>
        </message>
        <message>
            <location line="+1" />
            <source>voorbeelden</source>
            <translation>examples</translation>
        </message>
        <message>
            <location line="+1" />
            <source>vervangen namen</source>
            <translation>names replaced</translation>
        </message>
        <message>
            <location line="+1" />
            <source>opnames</source>
            <translation>recordings</translation>
        </message>
        <message>
            <location line="+1" />
            <source>vermeldingen weggehaald</source>
            <translation>mentions removed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>naamregister</source>
            <translation>name register</translation>
        </message>
        <message>
            <location line="+2" />
            <source>regels uit het naamregister</source>
            <translation>name register entries</translation>
        </message>
        <message>
            <location line="+3" />
            <source>sleutelbestand versie</source>
            <translation>key file version</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fragmenten</source>
            <translation>clips</translation>
        </message>
        <message>
            <location line="+1" />
            <source>stukjes</source>
            <translation>pieces</translation>
        </message>
        <message>
            <location line="+2" />
            <source>waarnemingen verplaatst</source>
            <translation>observations moved</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+1" />
            <source>uit opname</source>
            <translation>from recording</translation>
        </message>
        <message>
            <location line="+2" />
            <source>verwisselbare schijf</source>
            <translation>removable disk</translation>
        </message>
        <message>
            <location line="+3" />
            <source>waarneming</source>
            <translation>observation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>onderzoekers</source>
            <translation>researchers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>onderzoeker</source>
            <translation>researcher</translation>
        </message>
        <message>
            <location line="+1" />
            <source>feedback verzegeld</source>
            <translation>feedback sealed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>verzegelde feedback meegegeven</source>
            <translation>sealed feedback included</translation>
        </message>
        <message>
            <location line="+4" />
            <source>verzegelde feedback niet meegegeven</source>
            <translation>sealed feedback left out</translation>
        </message>
        <message>
            <location line="+3" />
            <source>reden</source>
            <translation>reason</translation>
        </message>
    </context>
    <context>
        <name>AuditLogDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/privacy/audit_log_dialog.py" line="+60" />
            <source>Logboek</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Het logboek houdt bij wat er met de kluis gebeurt: wanneer, in welke rol en om welke opname het ging. Er staan nooit aantekeningen, namen of titels in.</source>
            <translation>The audit log records what happens to the vault: when, in which role and which recording it concerned. It never contains notes, names or titles.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Let op: het logboek is aangepast.
</source>
            <translation>Warning: the audit log has been altered.
</translation>
        </message>
        <message>
            <location line="+6" />
            <source>De keten van logboekregels is intact ({0} regels).</source>
            <translation>The chain of audit log entries is intact ({0} entries).</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Logboekregels</source>
            <translation>Audit log entries</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tijdstip</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Gebeurtenis</source>
            <translation>Event</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Opname</source>
            <translation>Recording</translation>
        </message>
        <message>
            <source>AVG: inzage</source>
            <translation>GDPR: access</translation>
        </message>
        <message>
            <source>AVG: verwijdering</source>
            <translation>GDPR: erasure</translation>
        </message>
        <message>
            <source>Alleen fragmenten bewaard</source>
            <translation>Clips only kept</translation>
        </message>
        <message>
            <source>Delen van klantfeedback gewijzigd</source>
            <translation>Sharing of client feedback changed</translation>
        </message>
        <message>
            <source>Kluis bijgewerkt</source>
            <translation>Vault upgraded</translation>
        </message>
        <message>
            <source>Kluis gemaakt</source>
            <translation>Vault created</translation>
        </message>
        <message>
            <source>Leersamenvatting geëxporteerd</source>
            <translation>Learning summary exported</translation>
        </message>
        <message>
            <source>Mislukte ontgrendeling</source>
            <translation>Failed unlock</translation>
        </message>
        <message>
            <source>Ontgrendeld</source>
            <translation>Unlocked</translation>
        </message>
        <message>
            <source>Opname geïmporteerd</source>
            <translation>Recording imported</translation>
        </message>
        <message>
            <source>Opname verwijderd</source>
            <translation>Recording deleted</translation>
        </message>
        <message>
            <source>Opname verwijderd na bewaartermijn</source>
            <translation>Recording deleted after retention period</translation>
        </message>
        <message>
            <source>Toestemming gewijzigd</source>
            <translation>Consent changed</translation>
        </message>
        <message>
            <source>Wachtwoord gewijzigd</source>
            <translation>Password changed</translation>
        </message>
        <message>
            <source>Klantfeedback weer verzegeld</source>
            <translation>Client feedback sealed again</translation>
        </message>
        <message>
            <source>Opname gestart in de app</source>
            <translation>Recording started in the app</translation>
        </message>
        <message>
            <source>Opname in de app afgerond</source>
            <translation>Recording in the app finished</translation>
        </message>
        <message>
            <source>Opname in de app onderbroken</source>
            <translation>Recording in the app interrupted</translation>
        </message>
        <message>
            <source>Bronbestand verwijderd na importeren</source>
            <translation>Source file removed after import</translation>
        </message>
        <message>
            <source>Mislukte poging: sleutel van onderzoeker</source>
            <translation>Failed attempt: researcher's key</translation>
        </message>
        <message>
            <source>Onderzoeker geregistreerd</source>
            <translation>Researcher registered</translation>
        </message>
        <message>
            <source>Sleutel van onderzoeker geopend</source>
            <translation>Researcher's key opened</translation>
        </message>
    </context>
    <context>
        <name>BigPictogram</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/watch_together/pictograms.py" line="+249" />
            <source>Groot plaatje</source>
            <translation>Large picture</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Klik om het plaatje weg te halen</source>
            <translation>Click to remove the picture</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Groot plaatje {0}</source>
            <translation>Large picture {0}</translation>
        </message>
    </context>
    <context>
        <name>Clipboard</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/common/clipboard.py" line="+231" />
            <source>Gekopieerd; het klembord wordt over 30 seconden weer leeggemaakt.</source>
            <extracomment>The object names Qt gives the Copy and Cut items of a text field's standard context menu.</extracomment>
            <translation>Copied; the clipboard will be cleared again in 30 seconds.</translation>
        </message>
    </context>
    <context>
        <name>ClipsPanel</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/clips_panel.py" line="+122" />
            <source>Fragmenten</source>
            <extracomment>Enter in the title: typing is done (the workspace puts the focus on the picture).</extracomment>
            <translation>Clips</translation>
        </message>
        <message>
            <location line="+16" />
            <source>&lt;b&gt;Fragmenten&lt;/b&gt;</source>
            <translation>&lt;b&gt;Clips&lt;/b&gt;</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Begin</source>
            <translation>Start</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Duur</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Titel</source>
            <translation>Title</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lijst met fragmenten</source>
            <translation>List of clips</translation>
        </message>
        <message>
            <source>Waar gaat dit fragment over?</source>
            <translation type="vanished">What is this clip about?</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Waar gaat dit fragment over? (T)</source>
            <translation>What is this fragment about? (T)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Titel van het fragment (T); Enter of Esc: terug naar het beeld</source>
            <translation>Title of the fragment (T); Enter or Esc: back to the picture</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Titel van het fragment</source>
            <translation>Clip title</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Thema van het fragment</source>
            <translation>Clip theme</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Notitie (bijvoorbeeld waarom dit fragment)</source>
            <translation>Note (for example, why this clip)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notitie bij het fragment</source>
            <translation>Note on the clip</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Titel:</source>
            <translation>Title:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notitie:</source>
            <translation>Note:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Afspelen</source>
            <translation>Play</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fragment afspelen</source>
            <translation>Play clip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speel het gekozen fragment af (P)</source>
            <translation>Play the selected clip (P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Herhalen</source>
            <translation>Repeat</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fragment herhalen</source>
            <translation>Repeat clip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speel het fragment steeds opnieuw af (H)</source>
            <translation>Play the clip over and over (H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+206" />
            <source>Fragment verwijderen</source>
            <translation>Delete clip</translation>
        </message>
        <message>
            <location line="-205" />
            <source>Verwijder het gekozen fragment (Delete)</source>
            <translation>Delete the selected clip (Delete)</translation>
        </message>
        <message>
            <location line="+143" />
            <location line="+8" />
            <source>Kies eerst een fragment in de lijst.</source>
            <translation>First select a clip in the list.</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Begin van fragment verplaatsen</source>
            <translation>Move clip start</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Einde van fragment verplaatsen</source>
            <translation>Move clip end</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Er is nog geen fragment. Markeer er een met I en O.</source>
            <translation>There are no clips yet. Mark one with I and O.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Dit is het laatste fragment.</source>
            <translation>This is the last clip.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Fragment verwijderd (Ctrl+Z maakt het ongedaan)</source>
            <translation>Clip deleted (Ctrl+Z undoes this)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Titel van fragment wijzigen</source>
            <translation>Change clip title</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notitie bij fragment wijzigen</source>
            <translation>Change clip note</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Thema van fragment wijzigen</source>
            <translation>Change clip theme</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Het fragment is te kort: zet het einde verder dan het begin.</source>
            <translation>The clip is too short: set the end later than the start.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Fragment maken</source>
            <translation>Create clip</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fragment {0} – {1} gemaakt</source>
            <translation>Clip {0} – {1} created</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Het fragment is te kort: het einde moet na het begin.</source>
            <translation>The clip is too short: the end must come after the start.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Deze wijziging kan niet.</source>
            <translation>This change is not possible.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Kies eerst een fragment, of ga naar een fragment op de tijdlijn.</source>
            <translation>Choose a fragment first, or go to a fragment on the timeline.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Fragment wordt herhaald</source>
            <translation>Clip is repeating</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Herhalen staat uit</source>
            <translation>Repeat is off</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Fragment aanpassen</source>
            <translation>Edit clip</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Nieuw fragment</source>
            <translation>New clip</translation>
        </message>
        <message>
            <location line="+27" />
            <source>(zonder titel)</source>
            <translation>(untitled)</translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>%n fragment(en)</source>
            <translation>
                <numerusform>%n fragment</numerusform>
                <numerusform>%n fragments</numerusform>
            </translation>
        </message>
        <message>
            <source>1 fragment</source>
            <translation type="vanished">1 clip</translation>
        </message>
        <message>
            <source>{0} fragmenten</source>
            <translation type="vanished">{0} clips</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Begin gezet op {0}. Druk O bij het einde.</source>
            <translation>Start set at {0}. Press O at the end.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Einde gezet op {0}. Druk I bij het begin.</source>
            <translation>End set at {0}. Press I at the start.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Druk I bij het begin en O bij het einde van een fragment.</source>
            <translation>Press I at the start and O at the end of a clip.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>I: begin, O: einde, P: afspelen, [ en ]: vorige en volgende.</source>
            <translation>I: start, O: end, P: play, [ and ]: previous and next.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Geen thema</source>
            <translation>No theme</translation>
        </message>
    </context>
    <context>
        <name>ComparePane</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/review/compare_view.py" line="+161" />
            <source>Fragment voor {0}</source>
            <translation>Clip for {0}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>▶</source>
            <translation>▶</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Afspelen of pauzeren ({0})</source>
            <translation>Play or pause ({0})</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Positie ({0})</source>
            <translation>Position ({0})</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Volume:</source>
            <translation>Volume:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Volume ({0})</source>
            <translation>Volume ({0})</translation>
        </message>
        <message>
            <source>Fragment zonder titel</source>
            <translation type="vanished">Untitled clip</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message>
            <location line="+100" />
            <location line="+32" />
            <source>Fragmenten vergelijken</source>
            <translation>Compare clips</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Wie kijken er mee</source>
            <translation>Who is watching</translation>
        </message>
        <message>
            <location line="+13" />
            <source>← Bibliotheek</source>
            <translation>← Library</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Terug naar de bibliotheek</source>
            <translation>Back to the library</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Samen afspelen (verschil vasthouden)</source>
            <translation>Play together (keep the offset)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synchroon afspelen</source>
            <translation>Synchronised playback</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Afspelen, pauzeren en verspringen gebeurt dan in beide tegelijk (S)</source>
            <translation>Play, pause and skip then happen in both at once (S)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Geluid van:</source>
            <translation>Sound from:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Welk fragment is te horen</source>
            <translation>Which clip you hear</translation>
        </message>
        <message>
            <location line="+1" />
            <source>links</source>
            <translation>left</translation>
        </message>
        <message>
            <location line="+1" />
            <source>rechts</source>
            <translation>right</translation>
        </message>
        <message>
            <location line="+1" />
            <source>beide</source>
            <translation>both</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Links</source>
            <translation>Left</translation>
        </message>
        <message>
            <location line="+11" />
            <source>▶  Beide afspelen</source>
            <translation>▶  Play both</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Beide afspelen of pauzeren</source>
            <translation>Play or pause both</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Beide afspelen of pauzeren (spatie)</source>
            <translation>Play or pause both (space)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>↺  Beide vanaf het begin</source>
            <translation>↺  Both from the start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Beide vanaf het begin</source>
            <translation>Both from the start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Beide vanaf het begin van hun fragment (R)</source>
            <translation>Both from the start of their clip (R)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Verschil tussen de fragmenten</source>
            <translation>Offset between the clips</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Er kijken mee: {0}.</source>
            <translation>Also watching: {0}.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Je kijkt alleen.</source>
            <translation>You are watching alone.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n fragment(en) niet getoond: {0}</source>
            <translation>
                <numerusform>%n fragment not shown: {0}</numerusform>
                <numerusform>%n fragments not shown: {0}</numerusform>
            </translation>
        </message>
        <message>
            <location line="+80" />
            <source>Rechts</source>
            <translation>Right</translation>
        </message>
        <message>
            <location line="+129" />
            <source>Gekoppeld: beide even ver in hun fragment</source>
            <translation>Linked: both equally far into their fragment</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Gekoppeld: rechts {0} verder in het fragment dan links</source>
            <translation>Linked: right is {0} further into its fragment than left</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Gekoppeld: links {0} verder in het fragment dan rechts</source>
            <translation>Linked: left is {0} further into its fragment than right</translation>
        </message>
        <message>
            <source>Gekoppeld: rechts = links {0}</source>
            <translation type="vanished">Linked: right = left {0}</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Los: elk fragment speelt apart</source>
            <translation>Unlinked: each clip plays separately</translation>
        </message>
    </context>
    <context>
        <name>ConsentDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/consent_dialog.py" line="+324" />
            <location line="+1" />
            <source>Toestemming wijzigen</source>
            <translation>Change consent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Toestemming voor “{title}”</source>
            <translation>Consent for “{title}”</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Toestemming voor deze opname</source>
            <translation>Consent for this recording</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Opslaan</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarom opslaan nog niet kan</source>
            <translation>Why saving is not possible yet</translation>
        </message>
    </context>
    <context>
        <name>ConsentForm</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/consent_form.py" line="+113" />
            <source>Kies een rol…</source>
            <extracomment>Display format of every date field: numeric, so it never shows English month names.</extracomment>
            <translation>Choose a role…</translation>
        </message>
        <message>
            <location line="+91" />
            <source>Toestemming betekent: iedereen die in de opname te zien of te horen is, weet dat er is opgenomen en waarvoor de opname gebruikt wordt, en heeft daar ja op gezegd. De opname is om van te leren, nooit om iemand te beoordelen. Wie niet meer wil, kan de toestemming altijd intrekken; verwijder de opname dan.</source>
            <translation>Consent means: everyone who can be seen or heard in the recording knows that it was recorded and what the recording is used for, and has agreed to that. The recording is for learning, never for judging anyone. Anyone who changes their mind can always withdraw consent; then delete the recording.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Wat toestemming betekent</source>
            <translation>What consent means</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Toestemming gegeven door</source>
            <translation>Consent given by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Datum van de toestemming</source>
            <translation>Date of consent</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Toestemming: {label}</source>
            <translation>Consent: {label}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Alleen wat hier is aangevinkt, mag met de opname gebeuren.</source>
            <translation>Only what is ticked here may be done with the recording.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Uitleg bij de toestemming</source>
            <translation>Explanation of the consent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Bewaren tot en met</source>
            <translation>Keep until (inclusive)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Standaard 12 maanden na de toestemming. Daarna staat de opname in de bibliotheek als verlopen.</source>
            <translation>By default 12 months after consent. After that the recording is shown as expired in the library.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Uitleg bij bewaren tot</source>
            <translation>Explanation of keep until</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Gegeven door:</source>
            <translation>&amp;Given by:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Datum toe&amp;stemming:</source>
            <translation>Date of con&amp;sent:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Bewaren tot en met:</source>
            <translation>&amp;Keep until:</translation>
        </message>
        <message>
            <source>Gegeven door:</source>
            <translation type="vanished">Given by:</translation>
        </message>
        <message>
            <source>Datum toestemming:</source>
            <translation type="vanished">Date of consent:</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Mag gebruikt worden:</source>
            <translation>May be used for:</translation>
        </message>
        <message>
            <source>Bewaren tot en met:</source>
            <translation type="vanished">Keep until (inclusive):</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Vink eerst aan waarvoor de opname gebruikt mag worden.</source>
            <translation>First tick what the recording may be used for.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Kies wie de toestemming gaf.</source>
            <translation>Choose who gave consent.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Typ de datum van de toestemming als dag-maand-jaar, bijvoorbeeld 5-3-2026.</source>
            <translation>Type the date of consent as day-month-year, for example 5-3-2026.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Typ 'bewaren tot' als dag-maand-jaar, bijvoorbeeld 5-3-2027.</source>
            <translation>Type 'keep until' as day-month-year, for example 5-3-2027.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>'Bewaren tot' ligt vóór de datum van de toestemming.</source>
            <translation>'Keep until' is before the date of consent.</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/widgets/date_field.py" line="+102" />
            <source>dd-mm-jjjj</source>
            <extracomment>How the field shows a date it understood. Dutch (and English) month names and their usual abbreviations, lower case.</extracomment>
            <translation>dd-mm-yyyy</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Kies een datum in de kalender</source>
            <translation>Choose a date in the calendar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kies een datum in de kalender (Alt+Omlaag)</source>
            <translation>Choose a date in the calendar (Alt+Down)</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Kalender</source>
            <translation>Calendar</translation>
        </message>
    </context>
    <context>
        <name>EvidenceRow</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/learning/goals_view.py" line="+74" />
            <source>(bestaat niet meer)</source>
            <translation>(no longer exists)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fragment</source>
            <translation>Clip</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Waarneming</source>
            <translation>Observation</translation>
        </message>
        <message>
            <location line="+5" />
            <source>(opname verwijderd)</source>
            <translation>(recording deleted)</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/common/file_dialogs.py" line="+158" />
            <source>Bestand vervangen?</source>
            <extracomment>Qt's user settings go here: a path below a device file, which no folder can be made in.</extracomment>
            <translation>Replace file?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{0} bestaat al. Wil je het vervangen door het nieuwe bestand?</source>
            <translation>{0} already exists. Do you want to replace it with the new file?</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/common/formatting.py" line="+34" />
            <source>jan.</source>
            <extracomment>How many days before the keep-until date a recording counts as "verloopt binnenkort".</extracomment>
            <translation>Jan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>feb.</source>
            <translation>Feb</translation>
        </message>
        <message>
            <location line="+1" />
            <source>mrt.</source>
            <translation>Mar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>apr.</source>
            <translation>Apr</translation>
        </message>
        <message>
            <location line="+1" />
            <source>mei</source>
            <translation>May</translation>
        </message>
        <message>
            <location line="+1" />
            <source>jun.</source>
            <translation>Jun</translation>
        </message>
        <message>
            <location line="+1" />
            <source>jul.</source>
            <translation>Jul</translation>
        </message>
        <message>
            <location line="+1" />
            <source>aug.</source>
            <translation>Aug</translation>
        </message>
        <message>
            <location line="+1" />
            <source>sep.</source>
            <translation>Sep</translation>
        </message>
        <message>
            <location line="+1" />
            <source>okt.</source>
            <translation>Oct</translation>
        </message>
        <message>
            <location line="+1" />
            <source>nov.</source>
            <translation>Nov</translation>
        </message>
        <message>
            <location line="+1" />
            <source>dec.</source>
            <translation>Dec</translation>
        </message>
        <message>
            <location line="+17" />
            <source>alleen zelf terugkijken</source>
            <translation>reviewing on my own only</translation>
        </message>
        <message>
            <location line="+1" />
            <source>samen met onderzoeker/trainer</source>
            <translation>together with researcher/trainer</translation>
        </message>
        <message>
            <location line="+3" />
            <source>met collega's (intervisie)</source>
            <translation>with colleagues (peer review)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>klant kijkt mee</source>
            <translation>client watches along</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Klantmanager</source>
            <translation>Case manager</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Klant</source>
            <translation>Client</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Onderzoeker of trainer</source>
            <translation>Researcher or trainer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Collega</source>
            <translation>Colleague</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leidinggevende</source>
            <translation>Manager</translation>
        </message>
        <message>
            <location line="+23" />
            <source>.</source>
            <comment>thousands separator</comment>
            <translation>,</translation>
        </message>
        <message>
            <location line="+1" />
            <source>,</source>
            <comment>decimal separator</comment>
            <translation>.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alleen geluid</source>
            <translation>Audio only</translation>
        </message>
    </context>
    <context>
        <name>GdprDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/privacy/gdpr_dialog.py" line="+189" />
            <location line="+1" />
            <source>AVG-verzoek</source>
            <translation>GDPR request</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Voor de privacyfunctionaris: inzage in, of verwijdering van, alles wat de kluis over één deelnemer bewaart. Elke handeling komt in het logboek, alleen met aantallen: nooit namen of inhoud.</source>
            <translation>For the privacy officer: access to, or erasure of, everything the vault keeps about one participant. Every action goes into the audit log, with counts only: never names or content.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Zoek een deelnemer</source>
            <translation>Search for a participant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deelnemer zoeken</source>
            <translation>Search participants</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Deelnemers</source>
            <translation>&amp;Participants</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Deelnemers</source>
            <translation>Participants</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <location line="+17" />
            <source>&amp;Wat valt onder het verzoek</source>
            <translation>&amp;What the request covers</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Samenvatting van het verzoek</source>
            <translation>Summary of the request</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Opnames van deze deelnemer</source>
            <translation>Recordings of this participant</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Inzage (versleuteld &amp;pakket)…</source>
            <translation>Access (encrypted pac&amp;kage)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inzage als versleuteld pakket</source>
            <translation>Access as an encrypted package</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Een aparte, versleutelde kluis met een eigen wachtwoord.</source>
            <translation>A separate, encrypted vault with its own passphrase.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Inzage (&amp;open map)…</source>
            <translation>Access (&amp;open folder)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inzage als onversleutelde map</source>
            <translation>Access as an unencrypted folder</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Gewone bestanden die iedereen met toegang tot de map kan openen.</source>
            <translation>Ordinary files that anyone with access to the folder can open.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Alles &amp;verwijderen…</source>
            <translation>&amp;Erase everything…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+264" />
            <source>Alles over deze deelnemer verwijderen</source>
            <translation>Erase everything about this participant</translation>
        </message>
        <message>
            <location line="-262" />
            <source>Verwijdert elke opname waarop deze deelnemer staat. Niet terug te draaien.</source>
            <translation>Erases every recording on which this participant appears. Cannot be undone.</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+1" />
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Er staan geen deelnemers in de kluis.</source>
            <translation>There are no participants in the vault.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Kies een deelnemer.</source>
            <translation>Choose a participant.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>“{name}” staat op {recordings} opname(s), met {observations} waarneming(en).</source>
            <translation>“{name}” appears on {recordings} recording(s), with {observations} observation(s).</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Op {0} daarvan staan ook anderen: verwijderen haalt die opnames ook voor hen weg.</source>
            <translation>{0} of them also show other people: erasing removes those recordings for them too.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{0} waarneming(en)</source>
            <translation>{0} observation(s)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>opname zelf al verwijderd</source>
            <translation>recording itself already deleted</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Deelnemers: {0}</source>
            <translation>Participants: {0}</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Map voor het versleutelde pakket</source>
            <translation>Folder for the encrypted package</translation>
        </message>
        <message>
            <location line="+166" />
            <source>Wachtwoord voor het pakket</source>
            <translation>Passphrase for the package</translation>
        </message>
        <message>
            <source>Kies een wachtwoord voor het pakket (minstens {0} tekens, bijvoorbeeld een zin van drie of vier woorden). Geef het los van het pakket door, bijvoorbeeld telefonisch.</source>
            <translation type="vanished">Choose a passphrase for the package (at least {0} characters, for example a sentence of three or four words). Pass it on separately from the package, for example by phone.</translation>
        </message>
        <message>
            <source>Wachtwoord niet geschikt</source>
            <translation type="vanished">Passphrase not suitable</translation>
        </message>
        <message>
            <source>Herhaal het wachtwoord:</source>
            <translation type="vanished">Repeat the passphrase:</translation>
        </message>
        <message>
            <source>Wachtwoorden verschillen</source>
            <translation type="vanished">Passphrases differ</translation>
        </message>
        <message>
            <source>De twee wachtwoorden zijn niet gelijk.</source>
            <translation type="vanished">The two passphrases are not the same.</translation>
        </message>
        <message>
            <location line="-157" />
            <source>Versleuteld pakket gemaakt</source>
            <translation>Encrypted package made</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Versleuteld pakket gemaakt in {path} ({count} opname(s)). Het opent in VKNZ met het wachtwoord van het pakket: vknz --vault “{path}”.</source>
            <translation>Encrypted package made in {path} ({count} recording(s)). It opens in VKNZ with the package's passphrase: vknz --vault “{path}”.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Versleuteld pakket maken</source>
            <translation>Making an encrypted package</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Het versleutelde pakket wordt gemaakt.</source>
            <translation>The encrypted package is being made.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Map voor de onversleutelde bestanden</source>
            <translation>Folder for the unencrypted files</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Onversleuteld schrijven</source>
            <translation>Write unencrypted</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Dit schrijft opnames en aantekeningen ONVERSLEUTELD naar {path}. Iedereen die bij die map kan, kan ze zien en horen.

Typ {word} om door te gaan:</source>
            <translation>This writes recordings and notes UNENCRYPTED to {path}. Anyone with access to that folder can see and hear them.

Type {word} to continue:</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+65" />
            <source>Niet bevestigd</source>
            <translation>Not confirmed</translation>
        </message>
        <message>
            <location line="-63" />
            <source>Niet bevestigd: typ {word} om een onversleutelde map te maken. Er is niets geschreven.</source>
            <translation>Not confirmed: type {word} to make an unencrypted folder. Nothing was written.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Onversleutelde map gemaakt</source>
            <translation>Unencrypted folder made</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Onversleutelde map gemaakt: {path} ({count} opname(s)). Verwijder de map zodra het verzoek is afgehandeld.</source>
            <translation>Unencrypted folder made: {path} ({count} recording(s)). Delete the folder as soon as the request has been handled.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Onversleutelde map maken</source>
            <translation>Making an unencrypted folder</translation>
        </message>
        <message>
            <location line="+4" />
            <source>De bestanden worden geschreven.</source>
            <translation>The files are being written.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Verwijderen niet mogelijk</source>
            <translation>Cannot erase</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Dit verwijdert definitief {recordings} opname(s) waarop “{name}” staat, met alle {observations} waarneming(en) erbij. De sleutels worden vernietigd: niemand kan ze daarna nog openen. Dit kan niet ongedaan worden gemaakt.</source>
            <translation>This permanently erases {recordings} recording(s) on which “{name}” appears, with all {observations} observation(s). The keys are destroyed: nobody can open them afterwards. This cannot be undone.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Op {0} van deze opnames staan ook anderen; ook voor hen verdwijnen ze.</source>
            <translation>{0} of these recordings also show other people; they disappear for them too.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Typ de naam van de deelnemer om te bevestigen:</source>
            <translation>Type the participant's name to confirm:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>De getypte naam is niet “{0}”. Er is niets verwijderd.</source>
            <translation>The name you typed is not “{0}”. Nothing was erased.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Verwijderd</source>
            <translation>Erased</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Verwijderd: {count} opname(s) met “{name}” en alle aantekeningen erbij.</source>
            <translation>Erased: {count} recording(s) with “{name}” and all their notes.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Alles verwijderen</source>
            <translation>Erasing everything</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{0} van {1} opname(s) verwijderd.</source>
            <translation>{0} of {1} recording(s) erased.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Het verwijderen is niet gelukt ({0}). De lijst toont wat er nog staat.</source>
            <translation>Erasing failed ({0}). The list shows what is still there.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>De lijst toont wat er nog staat.</source>
            <translation>The list shows what is still there.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Kies een wachtwoord voor het pakket (minstens {0} tekens, bijvoorbeeld een zin van vier losse woorden). Geef het los van het pakket door, bijvoorbeeld telefonisch.</source>
            <translation>Choose a password for the package (at least {0} characters, for example a sentence of four unrelated words). Pass it on separately from the package, for example by phone.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>De naam staat nu op deze plekken in de kluis:</source>
            <translation>The name is currently in these places in the vault:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Naam in het naamregister houden?</source>
            <translation>Keep the name in the name register?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Het naamregister gebruikt de kluis om namen weg te halen uit samenvattingen van oudere leerdoelen. Houd je “{0}” daarin, dan worden die nog steeds geanonimiseerd, maar staat de naam nog op één plek in de kluis. Het register bewaart de naam zelf: een hash zou geen bescherming zijn, want wie een lijst met namen heeft, rekent de hash van elke naam uit en vindt hem zo terug.

Ja: naam in het register houden. Nee: ook daar vergeten (aangeraden).</source>
            <translation>The vault uses the name register to remove names from summaries of older learning goals. If you keep “{0}” in it, those are still de-identified, but the name stays in one place in the vault. The register keeps the name itself: a hash would be no protection, because anyone with a list of names computes the hash of every name and finds it that way.

Yes: keep the name in the register. No: forget it there too (recommended).</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Map niet te gebruiken</source>
            <translation>Folder cannot be used</translation>
        </message>
        <message>
            <location line="+1" />
            <source>De map {path} is niet te lezen ({reason}).</source>
            <translation>The folder {path} cannot be read ({reason}).</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Het schrijven naar {path} is niet gelukt ({reason}). Er is niets bewaard.</source>
            <translation>Writing to {path} failed ({reason}). Nothing was kept.</translation>
        </message>
        <message>
            <source>Er is niets geschreven.</source>
            <translation type="vanished">Nothing was written.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>{done} van {total} MB ({percent}%)</source>
            <translation>{done} of {total} MB ({percent}%)</translation>
        </message>
        <message>
            <location line="+66" />
            <source>Afgebroken</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Afgebroken; er is niets geschreven.</source>
            <translation>Cancelled; nothing was written.</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+3" />
            <source>Niet gelukt</source>
            <translation>Failed</translation>
        </message>
    </context>
    <context>
        <name>GdprProgressDialog</name>
        <message>
            <location line="-643" />
            <source>Voortgang</source>
            <extracomment>What must be typed before plaintext is written (the same word as ``vknz gdpr --plain``). Name of the new folder made inside a chosen folder that is not empty. Line width (characters) of questions in QInputDialog, whose label does not wrap by itself.</extracomment>
            <translation>Progress</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+2" />
            <source>Afbreken</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Bezig met afbreken; wat al geschreven is, wordt verwijderd…</source>
            <translation>Cancelling; what was already written is being removed…</translation>
        </message>
    </context>
    <context>
        <name>GoalDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/learning/goal_dialog.py" line="+98" />
            <source>Nieuw of bestaand leerdoel</source>
            <translation>New or existing learning goal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Een nieuw leerdoel</source>
            <translation>A new learning goal</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Toevoegen aan: {0}</source>
            <translation>Add to: {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(zonder omschrijving)</source>
            <translation>(no description)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Bijvoorbeeld: stiltes laten vallen</source>
            <translation>For example: allowing silences</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leerdoel</source>
            <translation>Learning goal</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Waarom is dit belangrijk? (mag later)</source>
            <translation>Why does this matter? (can wait)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarom dit belangrijk is</source>
            <translation>Why this matters</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Wat probeer ik de volgende keer? (mag later)</source>
            <translation>What will I try next time? (can wait)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wat ik de volgende keer probeer</source>
            <translation>What I will try next time</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Waarnemingen om te koppelen</source>
            <translation>Observations to link</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{0}  Fragment: {1}</source>
            <translation>{0}  Clip: {1}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(zonder titel)</source>
            <translation>(untitled)</translation>
        </message>
        <message>
            <source>&amp;Waar:</source>
            <translation type="vanished">&amp;Add to:</translation>
        </message>
        <message>
            <location line="+17" />
            <source>&amp;Leerdoel:</source>
            <translation>&amp;Learning goal:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waaro&amp;m:</source>
            <translation>&amp;Why:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Volgende &amp;keer:</source>
            <translation>Next ti&amp;me:</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+49" />
            <source>Leerdoel bewaren</source>
            <translation>Save learning goal</translation>
        </message>
        <message>
            <location line="-48" />
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="-85" />
            <source>Waarnemingen die erbij &amp;horen:</source>
            <translation>&amp;Observations that belong to it:</translation>
        </message>
        <message>
            <location line="+68" />
            <source>Bij &amp;welk leerdoel:</source>
            <translation>For &amp;which goal:</translation>
        </message>
        <message>
            <location line="+73" />
            <source>Thema: {0} (het thema van de meeste gekozen waarnemingen)</source>
            <translation>Theme: {0} (the theme of most selected observations)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Thema: nog geen (kies het later bij het leerdoel)</source>
            <translation>Theme: none yet (choose it later on the learning goal)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Toevoegen</source>
            <translation>Add</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{0} moment(en) worden aan het leerdoel toegevoegd.</source>
            <translation>{0} moment(s) will be added to the learning goal.</translation>
        </message>
    </context>
    <context>
        <name>GoalsView</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/learning/goals_view.py" line="+151" />
            <location line="+19" />
            <source>Leerdoelen</source>
            <translation>Learning goals</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Wat wil ik leren, waarom, en wat probeer ik de volgende keer? Om te leren, niet om te beoordelen.</source>
            <translation>What do I want to learn, why, and what will I try next time? For learning, not for judging.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Nieuw leerdoel</source>
            <translation>&amp;New learning goal</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+467" />
            <source>Nieuw leerdoel</source>
            <translation>New learning goal</translation>
        </message>
        <message>
            <location line="-466" />
            <source>Leer&amp;samenvatting maken…</source>
            <translation>Create learning &amp;summary…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leersamenvatting maken</source>
            <translation>Create learning summary</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Naar de &amp;bibliotheek</source>
            <translation>Go to li&amp;brary</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Naar de bibliotheek</source>
            <translation>Go to the library</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Leerdoelen per status</source>
            <translation>Learning goals by status</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Nog geen leerdoel gekozen.

Maak een leerdoel met 'Nieuw leerdoel', of kies in een opname waarnemingen en gebruik Waarnemingen → Leerdoel maken (Ctrl+Shift+G).</source>
            <translation>No learning goal selected yet.

Create a learning goal with 'New learning goal', or select observations in a recording and use Observations → Create learning goal (Ctrl+Shift+G).</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Wat wil ik leren? In mijn eigen woorden</source>
            <translation>What do I want to learn? In my own words</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leerdoel</source>
            <translation>Learning goal</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Kijkwijzer-thema</source>
            <translation>Viewing guide theme</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Geen thema</source>
            <translation>No theme</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Volgende bespreking op</source>
            <translation>Next discussion on</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Volgende bespreking plannen</source>
            <translation>Plan next discussion</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Datum van de volgende bespreking</source>
            <translation>Date of the next discussion</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Waarom is dit belangrijk voor mij en voor de klant? (richting)</source>
            <translation>Why does this matter to me and to the client? (direction)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Waarom dit belangrijk is</source>
            <translation>Why this matters</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Wat probeer ik de volgende keer?</source>
            <translation>What will I try next time?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wat ik de volgende keer probeer</source>
            <translation>What I will try next time</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Bewijs: waarnemingen en fragmenten</source>
            <translation>Evidence: observations and clips</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Afspelen</source>
            <translation>&amp;Play</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gekoppeld moment afspelen</source>
            <translation>Play linked moment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Loskoppelen</source>
            <translation>&amp;Unlink</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+418" />
            <source>Bewijs loskoppelen</source>
            <translation>Unlink evidence</translation>
        </message>
        <message>
            <location line="-417" />
            <source>Leerdoel &amp;verwijderen</source>
            <translation>&amp;Delete learning goal</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+387" />
            <source>Leerdoel verwijderen</source>
            <translation>Delete learning goal</translation>
        </message>
        <message>
            <location line="-377" />
            <source>&amp;Leerdoel:</source>
            <translation>&amp;Learning goal:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatus:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>T&amp;hema:</source>
            <translation>T&amp;heme:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Waarom:</source>
            <translation>&amp;Why:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Volgende &amp;keer:</source>
            <translation>Next ti&amp;me:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>&lt;b&gt;Bewijs&lt;/b&gt; — momenten die dit laten zien</source>
            <translation>&lt;b&gt;Evidence&lt;/b&gt; — moments that show this</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dubbelklik of Enter speelt het moment af; Delete koppelt los.</source>
            <translation>Double-click or Enter plays the moment; Delete unlinks it.</translation>
        </message>
        <message>
            <location line="+127" />
            <location line="+150" />
            <source>(nog zonder omschrijving)</source>
            <translation>(no description yet)</translation>
        </message>
        <message>
            <location line="-145" />
            <source>Volgende bespreking: {0}</source>
            <translation>Next discussion: {0}</translation>
        </message>
        <message>
            <location line="+68" />
            <source>Aangemaakt {0} · gewijzigd {1}</source>
            <translation>Created {0} · changed {1}</translation>
        </message>
        <message>
            <location line="+96" />
            <source>Leerdoel wijzigen</source>
            <translation>Change learning goal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarom wijzigen</source>
            <translation>Change why</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Volgende keer wijzigen</source>
            <translation>Change next time</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Status wijzigen</source>
            <translation>Change status</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Thema wijzigen</source>
            <translation>Change theme</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Bespreekdatum wijzigen</source>
            <translation>Change discussion date</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Leerdoel verwijderd (Ctrl+Z maakt het ongedaan)</source>
            <translation>Learning goal deleted (Ctrl+Z undoes this)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Dit moment is er niet meer (de opname is weg).</source>
            <translation>This moment no longer exists (the recording is gone).</translation>
        </message>
        <message>
            <source>Actief</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Bereikt</source>
            <translation>Achieved</translation>
        </message>
        <message>
            <source>Geoefend</source>
            <translation>Practised</translation>
        </message>
        <message>
            <source>Losgelaten</source>
            <translation>Let go</translation>
        </message>
    </context>
    <context>
        <name>HelpOverlay</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/help_overlay.py" line="+26" />
            <location line="+108" />
            <source>Sneltoetsen</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Druk op een toets of klik om dit te sluiten</source>
            <translation>Press a key or click to close this</translation>
        </message>
    </context>
    <context>
        <name>ImportDetailsDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/consent_dialog.py" line="-284" />
            <source>Video met geluid</source>
            <extracomment>Checks whether a source file may be removed after its import: True when it lies on a phone or removable medium; KnownError (Dutch) when it cannot be removed (read-only).</extracomment>
            <translation>Video with sound</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Video zonder geluid</source>
            <translation>Video without sound</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Alleen geluid</source>
            <translation>Audio only</translation>
        </message>
        <message>
            <location line="+106" />
            <source>Opname importeren</source>
            <translation>Import recording</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gegevens en toestemming voor de opname</source>
            <translation>Recording details and consent</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Bestandsnaam</source>
            <translation>File name</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Wat er in het bestand staat</source>
            <translation>What the file contains</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Naam:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gevonden:</source>
            <translation>Found:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Bestand</source>
            <translation>File</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Na het importeren het &amp;bronbestand verwijderen</source>
            <translation>After importing, remove the &amp;source file</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Bronbestand verwijderen na importeren</source>
            <translation>Remove the source file after importing</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Verwijderen maakt het bestand niet onherstelbaar: op een geheugenkaart, USB-stick, SSD of telefoon is een verwijderd bestand vaak nog terug te halen, en een telefoon kan de opname al naar een cloud (zoals een fotoback-up) hebben gekopieerd. Verwijder de opname daar ook.</source>
            <translation>Removing does not make the file unrecoverable: on a memory card, USB stick, SSD or phone a removed file can often be recovered, and a phone may already have copied the recording to a cloud (such as a photo backup). Remove the recording there too.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Uitleg bij bronbestand verwijderen</source>
            <translation>About removing the source file</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Dit bestand staat op een telefoon, geheugenkaart of USB-stick.</source>
            <translation>This file is on a phone, memory card or USB stick.</translation>
        </message>
        <message>
            <source>Titel</source>
            <translation type="vanished">Title</translation>
        </message>
        <message>
            <source>Datum van het gesprek</source>
            <translation type="vanished">Date of the conversation</translation>
        </message>
        <message>
            <source>&amp;Titel:</source>
            <translation type="vanished">&amp;Title:</translation>
        </message>
        <message>
            <source>&amp;Datum gesprek:</source>
            <translation type="vanished">Conversation &amp;date:</translation>
        </message>
        <message>
            <source>Gesprek</source>
            <translation type="vanished">Conversation</translation>
        </message>
        <message>
            <source>Wie zijn er te zien of te horen?</source>
            <translation type="vanished">Who can be seen or heard?</translation>
        </message>
        <message>
            <source>Toestemming</source>
            <translation type="vanished">Consent</translation>
        </message>
        <message>
            <location line="-64" />
            <source>Importeren</source>
            <translation>Import</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarom importeren nog niet kan</source>
            <translation>Why importing is not possible yet</translation>
        </message>
    </context>
    <context>
        <name>ImportFlow</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/import_flow.py" line="+152" />
            <source>Bestand niet geïmporteerd</source>
            <translation>File not imported</translation>
        </message>
        <message>
            <location line="+67" />
            <source>Opname importeren</source>
            <translation>Import recording</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Voortgang van het importeren</source>
            <translation>Import progress</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Voortgang</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Afbreken</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+22" />
            <source>“{title}” wordt versleuteld in de kluis gezet.
{done} van {total} MB ({percent}%)</source>
            <translation>“{title}” is being encrypted into the vault.
{done} of {total} MB ({percent}%)</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Importeren afgebroken</source>
            <translation>Import cancelled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Importeren afgebroken; er is niets bewaard.</source>
            <translation>Import cancelled; nothing was saved.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+7" />
            <source>Importeren niet gelukt</source>
            <translation>Import failed</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Het importeren van “{name}” is niet gelukt ({reason}). Er is niets bewaard.</source>
            <translation>Importing “{name}” failed ({reason}). Nothing was saved.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Bronbestand niet verwijderd</source>
            <translation>Source file not removed</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Geïmporteerd; het bronbestand is verwijderd. Verwijder de opname ook uit een cloud of back-up van de telefoon.</source>
            <translation>Imported; the source file was removed. Also remove the recording from the phone's cloud or backup.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Geïmporteerd; de opname staat in de bibliotheek (Ctrl+B).</source>
            <translation>Imported; the recording is in the library (Ctrl+B).</translation>
        </message>
    </context>
    <context>
        <name>KijkwijzerPanel</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/kijkwijzer_panel.py" line="+161" />
            <source>Kijkwijzer</source>
            <translation>Viewing guide</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Kijkwijzer:</source>
            <translation>Viewing guide:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kijkwijzer kiezen</source>
            <translation>Choose viewing guide</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Eerst waarnemen, dan betekenis, dan alternatief. Klik op een vraag om haar te beantwoorden op dit moment.</source>
            <translation>First observe, then meaning, then an alternative. Click a question to answer it at this moment.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Thema's en vragen</source>
            <translation>Themes and questions</translation>
        </message>
    </context>
    <context>
        <name>LearningFeature</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/learning/feature.py" line="+65" />
            <source>Leerdoelen — VKNZ</source>
            <extracomment>Status messages of this feature stay this long (ms).</extracomment>
            <translation>Learning goals — VKNZ</translation>
        </message>
        <message>
            <location line="+21" />
            <source>&amp;Leerdoelen</source>
            <translation>Learning &amp;goals</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Leer&amp;samenvatting maken…</source>
            <translation>Create learning &amp;summary…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Teamleeragenda…</source>
            <translation>&amp;Team learning agenda…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Leer&amp;doel maken van geselecteerde waarnemingen…</source>
            <translation>Create learning &amp;goal from selection…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Terugkijken &amp;afronden en leerdoel maken…</source>
            <translation>&amp;Finish review and create learning goal…</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Het anonimiseren kon niet worden voorbereid ({0}); exporteren lukt nu niet.</source>
            <translation>Anonymizing could not be prepared ({0}); exporting is not possible now.</translation>
        </message>
        <message>
            <location line="+57" />
            <source>(klantfeedback die niet gedeeld mag worden)</source>
            <translation>(client feedback that may not be shared)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Fragment</source>
            <translation>Clip</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Kies eerst een of meer waarnemingen in de lijst (of een fragment).</source>
            <translation>First select one or more observations in the list (or a clip).</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+109" />
            <source>Leerdoel maken</source>
            <translation>Create learning goal</translation>
        </message>
        <message>
            <location line="-108" />
            <source>Wat wil je leren van deze momenten? Schrijf het in je eigen woorden.</source>
            <translation>What do you want to learn from these moments? Write it in your own words.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Terugkijken afronden</source>
            <translation>Finish reviewing</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Wat neem je mee uit dit gesprek? Vink de waarnemingen aan die erbij horen en beschrijf wat je wilt leren.</source>
            <translation>What do you take away from this conversation? Tick the observations that belong to it and describe what you want to learn.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Leerdoel uit de sessie</source>
            <translation>Learning goal from the session</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wat neem je mee uit deze sessie? Beschrijf wat je wilt leren.</source>
            <translation>What do you take away from this session? Describe what you want to learn.</translation>
        </message>
        <message>
            <location line="+68" />
            <source>Leerdoel bewaard (Bestand → Leerdoelen, Ctrl+G).</source>
            <translation>Learning goal saved (File → Learning goals, Ctrl+G).</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Bewijs toevoegen</source>
            <translation>Add evidence</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{0} moment(en) toegevoegd aan het leerdoel.</source>
            <translation>{0} moment(s) added to the learning goal.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Leersamenvatting opgeslagen: {0}</source>
            <translation>Learning summary saved: {0}</translation>
        </message>
    </context>
    <context>
        <name>LevelMeter</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/recording/widgets.py" line="+112" />
            <source>Geluidsniveau van de microfoon</source>
            <translation>Sound level of the microphone</translation>
        </message>
        <message>
            <location line="+21" />
            <source>stil: hoort de microfoon iets?</source>
            <translation>quiet: does the microphone hear anything?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>erg hard</source>
            <translation>very loud</translation>
        </message>
        <message>
            <location line="+1" />
            <source>goed</source>
            <translation>good</translation>
        </message>
    </context>
    <context>
        <name>LibraryController</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/controller.py" line="+239" />
            <source>Opname importeren</source>
            <extracomment>How long the keep-until messages stay in the status bar (ms). A recording to open in the workspace (its id).</extracomment>
            <translation>Import recording</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Opname verwijderen</source>
            <translation>Delete recording</translation>
        </message>
        <message>
            <location line="+2" />
            <source>'{0}' definitief verwijderen? De sleutel wordt vernietigd; de opname is daarna door niemand meer te openen.</source>
            <translation>Permanently delete '{0}'? The key will be destroyed; after that nobody can open the recording.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>{0} opname(s) bereiken binnen 14 dagen het einde van de bewaartermijn.</source>
            <translation>{0} recording(s) will reach the end of the retention period within 14 days.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>{0} opname(s) voorbij de bewaartermijn zijn verwijderd.</source>
            <translation>{0} recording(s) past the retention period have been deleted.</translation>
        </message>
        <message>
            <source>Opnames (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.wmv *.3gp *.m4a *.mp3 *.wav *.ogg *.opus *.oga *.flac *.aac *.wma);;Alle bestanden (*)</source>
            <translation>Recordings (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.wmv *.3gp *.m4a *.mp3 *.wav *.ogg *.opus *.oga *.flac *.aac *.wma);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>LibraryView</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/library_view.py" line="+133" />
            <source>Bibliotheek met opnames</source>
            <translation>Library of recordings</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Zoek in titels…</source>
            <translation>Search titles…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Zoek in titels</source>
            <translation>Search titles</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Toont alleen opnames waarvan de titel alle getypte woorden bevat.</source>
            <translation>Shows only recordings whose title contains all the words typed.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Aantal opnames</source>
            <translation>Number of recordings</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+139" />
            <source>Opname importeren…</source>
            <translation>Import recording…</translation>
        </message>
        <message>
            <location line="-138" />
            <location line="+139" />
            <source>Opname importeren</source>
            <translation>Import recording</translation>
        </message>
        <message>
            <location line="-137" />
            <source>Een video- of geluidsopname versleuteld in de kluis zetten</source>
            <translation>Put a video or audio recording into the vault, encrypted</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Opnames</source>
            <translation>Recordings</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enter opent de opname, Delete vraagt om te verwijderen, de menutoets toont meer mogelijkheden.</source>
            <translation>Enter opens the recording, Delete asks to delete it, the menu key shows more options.</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Geen zoekresultaten</source>
            <translation>No search results</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Afbeelding van een video</source>
            <translation>Picture from a video</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nog geen opnames. Importeer een opname of sleep een bestand hierheen.</source>
            <translation>No recordings yet. Import a recording or drag a file here.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>De opname wordt versleuteld in de kluis op deze laptop bewaard; er gaat niets naar internet.</source>
            <translation>The recording is stored encrypted in the vault on this laptop; nothing goes to the internet.</translation>
        </message>
        <message>
            <location line="+120" />
            <source>Mogelijkheden voor deze opname</source>
            <translation>Options for this recording</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Aantekeningen lezen…</source>
            <translation>Read the notes…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Openen</source>
            <translation>Open</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Aantekeningen van de oorspronkelijke opname…</source>
            <translation>Notes of the original recording…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Herinnering afvinken: ook elders verwijderd</source>
            <translation>Tick off the reminder: removed elsewhere too</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Toestemming wijzigen…</source>
            <translation>Change consent…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Verwijderen…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <location line="+65" />
            <source>1 opname</source>
            <translation>1 recording</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{n} opnames</source>
            <translation>{n} recordings</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{shown} van {total} opnames</source>
            <translation>{shown} of {total} recordings</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Geen opname gevonden met “{text}” in de titel.</source>
            <translation>No recording found with “{text}” in the title.</translation>
        </message>
    </context>
    <context>
        <name>LockedPage</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/main_window.py" line="+150" />
            <source>De kluis is vergrendeld.</source>
            <extracomment>Profiles, the session factory and the features; ``finish_building`` calls it once, so the unlock dialog can show before any of it loads. Where the language choice is kept (outside the vault: needed before unlocking). For the strength meter where a passphrase is chosen (``vknz_desktop.strength``). The Dutch user guide (docs/handleiding.md) for Help → Handleiding. Why playback has no sound (the engine found no sound device), said once; or None.</extracomment>
            <translation>The vault is locked.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Ontgrendelen…</source>
            <translation>Unlock…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ontgrendelen</source>
            <translation>Unlock</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>VKNZ — Van Kijken Naar Zien</source>
            <translation type="vanished">VKNZ — From Looking to Seeing</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Alleen-lezen: de kluis is beschadigd; er kan niets worden gewijzigd.</source>
            <translation>Read-only: the vault is damaged; nothing can be changed.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Kluis alleen-lezen</source>
            <translation>Vault read-only</translation>
        </message>
        <message>
            <location line="+131" />
            <location line="+5" />
            <source>Ontgrendel eerst de kluis.</source>
            <translation>Unlock the vault first.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open eerst een opname.</source>
            <translation>Open a recording first.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>De kluis is beschadigd en alleen te lezen.</source>
            <translation>The vault is damaged and can only be read.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>VKNZ — vergrendeld</source>
            <translation>VKNZ — locked</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Bibliotheek — VKNZ</source>
            <translation>Library — VKNZ</translation>
        </message>
        <message>
            <location line="+78" />
            <source>Kluis gecontroleerd</source>
            <translation>Vault checked</translation>
        </message>
        <message>
            <location line="+108" />
            <source>De opname zelf is verwijderd; alleen de aantekeningen zijn er nog.</source>
            <translation>The recording itself has been deleted; only the notes remain.</translation>
        </message>
        <message>
            <location line="-180" />
            <source>{0} — VKNZ</source>
            <translation>{0} — VKNZ</translation>
        </message>
        <message>
            <location line="+232" />
            <source>De nieuwe taal geldt vanaf de volgende keer dat VKNZ start.</source>
            <translation>The new language applies from the next time VKNZ starts.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Problemen met Kijkwijzers</source>
            <translation>Problems with viewing guides</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Over VKNZ</source>
            <translation>About VKNZ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>VKNZ {0}

Van Kijken Naar Zien: gesprekken terugkijken om ervan te leren. Opnames en aantekeningen blijven versleuteld op deze laptop.</source>
            <translation>VKNZ {0}

From Looking to Seeing: reviewing conversations to learn from them. Recordings and notes stay encrypted on this laptop.</translation>
        </message>
    </context>
    <context>
        <name>ManualDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/manual_dialog.py" line="+63" />
            <location line="+4" />
            <source>Handleiding</source>
            <extracomment>Every resource asked for that was refused (for tests and the status line).</extracomment>
            <translation>User guide</translation>
        </message>
        <message>
            <location line="+20" />
            <source>De handleiding is niet gevonden bij deze installatie.</source>
            <translation>The user guide was not found in this installation.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Deze link gaat naar internet; de app opent hem niet: {0}</source>
            <translation>This link goes to the internet; the app does not open it: {0}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Deze pagina hoort niet bij de handleiding.</source>
            <translation>This page is not part of the user guide.</translation>
        </message>
    </context>
    <context>
        <name>NewPassphraseDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/widgets/new_passphrase.py" line="+45" />
            <source>Wachtwoord</source>
            <translation>Password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Wachtwoord:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Herhaal wachtwoord</source>
            <translation>Repeat password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Herhaal:</source>
            <translation>&amp;Repeat:</translation>
        </message>
        <message>
            <location line="+22" />
            <source>De twee wachtwoorden zijn niet gelijk.</source>
            <translation>The two passwords are not the same.</translation>
        </message>
    </context>
    <context>
        <name>NotesDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/notes_dialog.py" line="+47" />
            <location line="+14" />
            <source>Aantekeningen</source>
            <extracomment>A fragment to open in the workspace (its id).</extracomment>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Aantekeningen van een opname zonder beeld en geluid</source>
            <translation>Notes of a recording without picture and sound</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Er zijn geen aantekeningen bewaard.</source>
            <translation>No notes were kept.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Fragment openen: {0}</source>
            <translation>Open fragment: {0}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Van deze opname ({day}) zijn alleen de fragmenten bewaard: het beeld en geluid zelf zijn verwijderd. Dit zijn de aantekeningen die buiten de fragmenten vielen; die binnen de fragmenten staan bij het fragment.</source>
            <translation>Of this recording ({day}) only the fragments were kept: its picture and sound were removed. These are the notes that fell outside the fragments; those inside a fragment are with the fragment.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Het beeld en geluid van deze opname ({day}) zijn verwijderd; de aantekeningen zijn bewaard.</source>
            <translation>The picture and sound of this recording ({day}) were removed; the notes were kept.</translation>
        </message>
    </context>
    <context>
        <name>ObservationEditor</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/observation_editor.py" line="+74" />
            <source>Waarneming bewerken</source>
            <extracomment>Esc with something typed: closed, and the draft is to be kept (stored, undoable).</extracomment>
            <translation>Edit observation</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Tekst van de waarneming</source>
            <translation>Observation text</translation>
        </message>
        <message>
            <source>Ctrl+Enter: vastleggen · Esc: annuleren</source>
            <translation type="vanished">Ctrl+Enter: save · Esc: cancel</translation>
        </message>
        <message>
            <source>Annuleren</source>
            <translation type="vanished">Cancel</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Ctrl+Enter: vastleggen · Esc: sluiten (wat je typte blijft bewaard)</source>
            <translation>Ctrl+Enter: save · Esc: close (what you typed is kept)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Weggooien</source>
            <translation>Throw away</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Gooi weg wat je hier typte (je krijgt eerst een vraag)</source>
            <translation>Throw away what you typed here (you are asked first)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Vastleggen</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Wat gebeurde hier?</source>
            <translation>What happened here?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Je zette hier een markering tijdens het opnemen. Wat zag of hoorde je?</source>
            <translation>You set a marker here while recording. What did you see or hear?</translation>
        </message>
        <message>
            <location line="+25" />
            <source>{0} op {1} beantwoorden</source>
            <translation>Answer {0} at {1}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Waarneming op {0} bewerken</source>
            <translation>Edit observation at {0}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Antwoord op {0}</source>
            <translation>Answer to {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nieuwe waarneming op {0}</source>
            <translation>New observation at {0}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Beschrijf wat er gebeurde, nog zonder oordeel.</source>
            <translation>Describe what happened, without judging yet.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Toelichting (mag leeg blijven)</source>
            <translation>Explanation (may be left empty)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Wat deed het met de ander, denk je? Waaraan merk je dat?</source>
            <translation>What did it do to the other person, do you think? How can you tell?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Wat zou je een volgende keer kunnen proberen?</source>
            <translation>What could you try next time?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wat zie of hoor je? Beschrijf eerst, zonder oordeel.</source>
            <translation>What do you see or hear? Describe it first, without judging.</translation>
        </message>
        <message>
            <location line="+79" />
            <source>Weggooien?</source>
            <translation>Throw away?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wat je typte wordt niet bewaard. Weggooien?</source>
            <translation>What you typed will not be kept. Throw it away?</translation>
        </message>
        <message>
            <location line="-87" />
            <source>Wat zie je gebeuren? Beschrijf eerst, zonder oordeel.</source>
            <translation>What do you see happening? Describe first, without judging.</translation>
        </message>
    </context>
    <context>
        <name>ObservationList</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/observation_list.py" line="+320" />
            <source>Waarnemingen</source>
            <translation>Observations</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&lt;b&gt;Waarnemingen&lt;/b&gt;</source>
            <translation>&lt;b&gt;Observations&lt;/b&gt;</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Filter op thema</source>
            <translation>Filter by theme</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Filter op auteur</source>
            <translation>Filter by author</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Filter op tekst…</source>
            <translation>Filter by text…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filter op tekst</source>
            <translation>Filter by text</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Lijst met waarnemingen</source>
            <translation>List of observations</translation>
        </message>
        <message>
            <location line="+105" />
            <source>Alle thema's</source>
            <translation>All themes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vrij (zonder thema)</source>
            <translation>Free (no theme)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Markeringen (raakmomenten)</source>
            <translation>Markers (raakmomenten)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Iedereen</source>
            <translation>Everyone</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Thema en auteur</source>
            <translation>Theme and author</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filter op thema en auteur tonen</source>
            <translation>Show the theme and author filters</translation>
        </message>
        <message numerus="yes">
            <location line="+26" />
            <source>%n waarneming(en)</source>
            <translation>
                <numerusform>%n observation</numerusform>
                <numerusform>%n observations</numerusform>
            </translation>
        </message>
        <message>
            <location line="+84" />
            <source>Naar dit moment</source>
            <translation>Go to this moment</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Beantwoorden</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Bewerken</source>
            <translation>Edit</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Tekst kopiëren</source>
            <translation>Copy text</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>{0} waarnemingen</source>
            <translation type="vanished">{0} observations</translation>
        </message>
        <message>
            <location line="-92" />
            <source>{0} van {1}</source>
            <translation>{0} of {1}</translation>
        </message>
    </context>
    <context>
        <name>ObservationTableModel</name>
        <message>
            <location line="-383" />
            <source>Vrij</source>
            <extracomment>Markers made while recording (raakmomenten), answered or not. The theme filter's choice for markers (no theme id looks like this). A tooltip shows at most this many characters of an observation's text.</extracomment>
            <translation>Free</translation>
        </message>
        <message>
            <location line="+35" />
            <source>{0}: wat gebeurde hier?</source>
            <translation>{0}: what happened here?</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{0} (niet gedeeld)</source>
            <translation>{0} (not shared)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delen met de klantmanager: {0}</source>
            <translation>Share with the case manager: {0}</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Wat gebeurde hier? Druk op Enter of F2 om te beantwoorden.</source>
            <translation>What happened here? Press Enter or F2 to answer.</translation>
        </message>
        <message>
            <source>Door</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Tijd</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Waarneming</source>
            <translation>Observation</translation>
        </message>
        <message>
            <source>mag gedeeld worden</source>
            <translation>may be shared</translation>
        </message>
        <message>
            <source>niet delen</source>
            <translation>do not share</translation>
        </message>
        <message>
            <source>nog niet gevraagd</source>
            <translation>not asked yet</translation>
        </message>
    </context>
    <context>
        <name>OnderzoekerFeature</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/onderzoeker/feature.py" line="+61" />
            <source>Feedback van de klant — VKNZ</source>
            <translation>Client feedback — VKNZ</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Sleutel van de onderzoeker open</source>
            <translation>Researcher's key open</translation>
        </message>
        <message>
            <location line="+23" />
            <source>&amp;Onderzoeker</source>
            <translation>Re&amp;searcher</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Feedback van de klant</source>
            <translation>Client &amp;feedback</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sleutel &amp;openen…</source>
            <translation>&amp;Open key…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sleutel &amp;sluiten</source>
            <translation>&amp;Close key</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Onderzoeker &amp;registreren…</source>
            <translation>&amp;Register a researcher…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Onderzoekers zijn in deze uitvoering niet beschikbaar.</source>
            <translation>Researchers are not available in this build.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>De sleutel van {0} is al open.</source>
            <translation>{0}'s key is already open.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Er is geen sleutel van een onderzoeker open.</source>
            <translation>No researcher's key is open.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>De kluis is alleen-lezen geopend; er kan niemand worden geregistreerd.</source>
            <translation>The vault was opened read-only; nobody can be registered.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Een volgende onderzoeker wordt toegevoegd door een onderzoeker die al geregistreerd is: open eerst je eigen sleutel (Sleutel openen…).</source>
            <translation>A further researcher is added by a researcher who is already registered: open your own key first (Open key…).</translation>
        </message>
        <message>
            <location line="+75" />
            <source>Opname</source>
            <translation>Recording</translation>
        </message>
        <message>
            <location line="+75" />
            <source>{0} is geregistreerd als onderzoeker.</source>
            <translation>{0} is registered as a researcher.</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n item(s) van de klant die nog open in de kluis stonden, zijn nu verzegeld.</source>
            <translation>
                <numerusform>%n client item that was still open in the vault is now sealed.</numerusform>
                <numerusform>%n client items that were still open in the vault are now sealed.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+10" />
            <source>Sleutel open: {0}</source>
            <translation>Key open: {0}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>De verzegelde feedback van de klant is te lezen. Onderzoeker → Sleutel sluiten.</source>
            <translation>The client's sealed feedback can be read. Researcher → Close key.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>De sleutel van {0} is open. Onderzoeker → Feedback van de klant toont alle items.</source>
            <translation>{0}'s key is open. Researcher → Client feedback shows every item.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>De sleutel van de onderzoeker is gesloten.</source>
            <translation>The researcher's key is closed.</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Feedback delen</source>
            <translation>Share feedback</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Heeft de klant gezegd dat dit naar de klantmanager mag?</source>
            <translation>Did the client say this may go to the case manager?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dan is het vanaf nu een gewone aantekening: de klantmanager ziet haar en kan erop zoeken. Wanneer en door wie dit is vastgelegd, wordt bewaard.</source>
            <translation>From now on it is an ordinary note: the case manager sees it and can search for it. When and by whom this was recorded is kept.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Mag gedeeld worden</source>
            <translation>May be shared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Dit kan in deze uitvoering niet worden gewijzigd.</source>
            <translation>This cannot be changed in this build.</translation>
        </message>
    </context>
    <context>
        <name>OnderzoekerUnlockDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/onderzoeker/unlock_dialog.py" line="+54" />
            <location line="+2" />
            <source>Sleutel van de onderzoeker openen</source>
            <translation>Open the researcher's key</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Met het eigen wachtwoord van de onderzoeker (niet dat van de kluis) is de verzegelde feedback van de klant te lezen. Een verkeerd wachtwoord opent niets en komt in het logboek.</source>
            <translation>With the researcher's own password (not the vault's) the client's sealed feedback can be read. A wrong password opens nothing and is written in the audit log.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Welke onderzoeker</source>
            <translation>Which researcher</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Onderzoeker:</source>
            <translation>&amp;Researcher:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Wachtwoord van de onderzoeker</source>
            <translation>Researcher's password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Wachtwoord:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Melding</source>
            <translation>Message</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Openen</source>
            <translation>Open</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Voer het wachtwoord van de onderzoeker in.</source>
            <translation>Enter the researcher's password.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Bezig met openen…</source>
            <translation>Opening…</translation>
        </message>
    </context>
    <context>
        <name>OnderzoekerView</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/onderzoeker/items_view.py" line="+88" />
            <location line="+60" />
            <source>Feedback van de klant</source>
            <translation>Client feedback</translation>
        </message>
        <message>
            <location line="-49" />
            <source>Uitleg over de sleutel</source>
            <translation>About the key</translation>
        </message>
        <message>
            <location line="+45" />
            <source>← Bibliotheek</source>
            <translation>← Library</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Terug naar de bibliotheek</source>
            <translation>Back to the library</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Onderzoeker registreren…</source>
            <translation>Register a researcher…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sleutel openen…</source>
            <translation>Open key…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sleutel sluiten</source>
            <translation>Close key</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Moment</source>
            <translation>Moment</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+43" />
            <source>Wat de klant zei</source>
            <translation>What the client said</translation>
        </message>
        <message>
            <location line="-42" />
            <source>Delen met klantmanager</source>
            <translation>Share with case manager</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sessie</source>
            <translation>Session</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Feedback van de klant per opname</source>
            <translation>Client feedback per recording</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dubbelklik of Enter: dit moment afspelen</source>
            <translation>Double-click or Enter: play this moment</translation>
        </message>
        <message>
            <location line="+19" />
            <source>▶  Moment afspelen</source>
            <translation>▶  Play moment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dit moment afspelen</source>
            <translation>Play this moment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>❚❚  Pauze</source>
            <translation>❚❚  Pause</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pauzeren</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Waarom er niets speelt</source>
            <translation>Why nothing plays</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Antwoord van de klant</source>
            <translation>The client's answer</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Mag gedeeld worden</source>
            <translation>May be shared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>De klant zegt: mag gedeeld worden</source>
            <translation>The client says: may be shared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Niet delen</source>
            <translation>Do not share</translation>
        </message>
        <message>
            <location line="+1" />
            <source>De klant zegt: niet delen</source>
            <translation>The client says: do not share</translation>
        </message>
        <message numerus="yes">
            <location line="+45" />
            <source>Verzegelde feedback van de klant: %n item(s). Alleen een onderzoeker kan ze lezen, met het eigen wachtwoord: kies Sleutel openen.</source>
            <translation>
                <numerusform>Sealed client feedback: %n item. Only a researcher can read it, with their own password: choose Open key.</numerusform>
                <numerusform>Sealed client feedback: %n items. Only a researcher can read them, with their own password: choose Open key.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>De sleutel van {0} is open. Vraag de klant per item of het naar de klantmanager mag, en leg het antwoord vast. Sluit de sleutel als je klaar bent; bij vergrendelen gaat hij vanzelf dicht.</source>
            <translation>{0}'s key is open. Ask the client, item by item, whether it may go to the case manager, and record the answer. Close the key when you are done; locking closes it by itself.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>mag gedeeld worden</source>
            <translation>may be shared</translation>
        </message>
        <message>
            <location line="+1" />
            <source>mag gedeeld worden ({0}, {1})</source>
            <translation>may be shared ({0}, {1})</translation>
        </message>
        <message>
            <location line="+1" />
            <source>?</source>
            <translation>?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>niet delen</source>
            <translation>do not share</translation>
        </message>
        <message>
            <location line="+1" />
            <source>nog niet gevraagd</source>
            <translation>not asked yet</translation>
        </message>
        <message>
            <location line="+34" />
            <source>{0} · moment {1}</source>
            <translation>{0} · moment {1}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Delen met klantmanager: {0}</source>
            <translation>Share with case manager: {0}</translation>
        </message>
    </context>
    <context>
        <name>ParticipantsEditor</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/participants_editor.py" line="+78" />
            <location line="+1" />
            <source>Deelnemer toevoegen</source>
            <translation>Add participant</translation>
        </message>
        <message>
            <source>Een schuilnaam, zoals “Klant A”, is ook goed. Namen blijven in de versleutelde kluis en worden uit een geanonimiseerde samenvatting weggelaten. Lege regels tellen niet mee.</source>
            <translation type="vanished">A pseudonym, such as “Client A”, is fine too. Names stay in the encrypted vault and are left out of an anonymized summary. Empty lines do not count.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Naam of schuilnaam</source>
            <translation>Name or pseudonym</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Weghalen</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Kies de rol van deelnemer {n}.</source>
            <translation>Choose the role of participant {n}.</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Naam deelnemer {n}</source>
            <translation>Participant {n} name</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Rol deelnemer {n}</source>
            <translation>Participant {n} role</translation>
        </message>
        <message>
            <location line="-102" />
            <source>Kies eerst de rol, dan de naam. Een schuilnaam, zoals “Klant A”, is ook goed. Namen blijven in de versleutelde kluis en worden uit een geanonimiseerde samenvatting weggelaten. Lege regels tellen niet mee.</source>
            <translation>Choose the role first, then the name. A pseudonym, such as “Client A”, is fine too. Names stay in the encrypted vault and are left out of an anonymised summary. Empty rows do not count.</translation>
        </message>
        <message>
            <location line="+104" />
            <source>Deelnemer {n} weghalen</source>
            <translation>Remove participant {n}</translation>
        </message>
    </context>
    <context>
        <name>PassphraseChange</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/passphrase_change.py" line="+26" />
            <source>Wachtwoord wijzigen</source>
            <translation>Change password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Je huidige wachtwoord:</source>
            <translation>Your current password:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Nieuw wachtwoord</source>
            <translation>New password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kies een nieuw wachtwoord voor de kluis (minstens {0} tekens, bijvoorbeeld een zin van vier losse woorden). De kluis gaat daarna even dicht en weer open.</source>
            <translation>Choose a new password for the vault (at least {0} characters, for example a sentence of four unrelated words). The vault then closes briefly and opens again.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Het huidige wachtwoord klopt niet. Er is niets gewijzigd.</source>
            <translation>The current password is not correct. Nothing was changed.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Wachtwoord niet gewijzigd</source>
            <translation>Password not changed</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Het wachtwoord is gewijzigd. Gebruik voortaan het nieuwe.</source>
            <translation>The password has been changed. Use the new one from now on.</translation>
        </message>
    </context>
    <context>
        <name>PerspectiveColumn</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/review/session_view.py" line="+100" />
            <source>Dubbelklik of Enter: naar dit moment</source>
            <translation>Double-click or Enter: go to this moment</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Mag dit naar de klantmanager?</source>
            <translation>May this go to the case manager?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Toestemming van de klant om dit te delen</source>
            <translation>The client's consent to share this</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Vastleggen</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Wat de klant hier zegt, wordt bewaard; je ziet het pas als de klant toestemming geeft om het te delen.</source>
            <translation>What the client says here is kept; you see it only when the client agrees to share it.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Kolom {0}</source>
            <translation>Column {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarnemingen van {0}</source>
            <translation>Observations by {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nieuwe waarneming van {0}</source>
            <translation>New observation by {0}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Wat ziet of hoort de {0}? Ctrl+Enter legt het vast.</source>
            <translation>What does the {0} see or hear? Ctrl+Enter saves it.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Waarneming van {0} vastleggen</source>
            <translation>Save observation by {0}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>{0}   (eerder)</source>
            <translation>{0}   (earlier)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delen met klantmanager: {0}</source>
            <translation>Share with case manager: {0}</translation>
        </message>
        <message>
            <source>mag gedeeld worden</source>
            <translation>may be shared</translation>
        </message>
        <message>
            <source>niet delen</source>
            <translation>do not share</translation>
        </message>
        <message>
            <source>nog niet gevraagd</source>
            <translation>not asked yet</translation>
        </message>
    </context>
    <context>
        <name>PictogramButton</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/watch_together/pictograms.py" line="-64" />
            <source>Plaatje {0}</source>
            <translation>Picture {0}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Laat het plaatje groot zien, of weer klein</source>
            <translation>Show the picture large, or small again</translation>
        </message>
    </context>
    <context>
        <name>PlayerController</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/playback/player_controller.py" line="+497" />
            <source>De opname '{title}' is beschadigd en stopt hier; het deel ervoor is wel te bekijken en andere opnamen werken gewoon. 'vknz verify' noemt de details.</source>
            <extracomment>After a seek libVLC's clock says the target at once (before it has seeked), and pictures of the old place still arrive for a moment. Its pictures count again once its clock has moved on from the target by about as much as the wall clock since the seek (give or take this). A seek libVLC never confirms (a stuck clock): its pictures count again after this long. The QImage text key of the time (ms) a picture belongs to.</extracomment>
            <translation>The recording '{title}' is damaged and stops here; the part before it can be watched and other recordings work as usual. 'vknz verify' gives the details.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>De opname kan niet verder worden afgespeeld.</source>
            <translation>The recording cannot be played any further.</translation>
        </message>
    </context>
    <context>
        <name>PreviewView</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/recording/widgets.py" line="-76" />
            <source>Voorbeeld van de camera</source>
            <extracomment>The meter shows -60 … 0 dBFS; quieter is empty. From here the bar turns to the warning colour (loud), near 0 dBFS it clips. The property that remembers how much larger than the page's text a widget's text is.</extracomment>
            <translation>Camera preview</translation>
        </message>
    </context>
    <context>
        <name>PrivacyFeature</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/privacy/feature.py" line="+37" />
            <source>&amp;Wat gebeurt er met de opnames?</source>
            <extracomment>For the strength meter of an AVG package's passphrase. The privacy request dialog while it is open.</extracomment>
            <translation>&amp;What happens to the recordings?</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Logboek…</source>
            <translation>Audit &amp;log…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>A&amp;VG-verzoek…</source>
            <translation>&amp;GDPR request…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>AVG-verzoeken zijn in deze uitvoering niet beschikbaar.</source>
            <translation>GDPR requests are not available in this build.</translation>
        </message>
    </context>
    <context>
        <name>PrivacyHelp</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/privacy/privacy_help.py" line="+11" />
            <source>&lt;h2&gt;Wat gebeurt er met de opnames?&lt;/h2&gt;
&lt;p&gt;&lt;b&gt;Alles blijft op deze laptop.&lt;/b&gt; Opnames, aantekeningen, leerdoelen en toestemmingen
staan in één kluis op deze laptop. Het programma maakt nooit verbinding met internet: geen
cloud, geen updates op de achtergrond, geen statistieken.&lt;/p&gt;
&lt;h3&gt;Versleuteld&lt;/h3&gt;
&lt;p&gt;De kluis is versleuteld. Zonder jouw wachtwoord kan niemand de opnames bekijken of de
aantekeningen lezen, ook niet wie de laptop of een kopie van de bestanden in handen krijgt.
Elke opname heeft een eigen sleutel. Er komen nooit onversleutelde kopieën op de schijf,
ook niet tijdelijk.&lt;/p&gt;
&lt;h3&gt;Wat er de laptop verlaat&lt;/h3&gt;
&lt;p&gt;Alleen een &lt;b&gt;leersamenvatting&lt;/b&gt; die je zelf maakt en eerst ziet: je leerdoelen en, als je
dat kiest, de tekst van gekoppelde waarnemingen. Namen, adressen, telefoonnummers en
dergelijke worden eruit gehaald. Nooit in een samenvatting: beeld, geluid, titels van
opnames, namen van deelnemers, en feedback van een klant die niet mag worden gedeeld.&lt;/p&gt;
&lt;h3&gt;Hoe lang opnames blijven&lt;/h3&gt;
&lt;p&gt;Bij het importeren leg je vast wie toestemming gaf, waarvoor, en tot wanneer de opname
bewaard mag worden (standaard twaalf maanden). Veertien dagen voor die datum krijg je een
herinnering. Daarna wordt de opname verwijderd: de sleutel wordt vernietigd, zodat niemand
haar ooit nog kan openen. Je aantekeningen blijven als tekst, met 'opname verwijderd'.&lt;/p&gt;
&lt;h3&gt;Vergrendelen&lt;/h3&gt;
&lt;p&gt;Na een paar minuten zonder gebruik, als het scherm van de computer op slot gaat, bij
slaapstand of met Ctrl+L vergrendelt de kluis. Wat je aan het typen was wordt eerst
bewaard. Daarna stopt het afspelen, verdwijnen beeld en tekst van het scherm en moet het
wachtwoord opnieuw worden ingevoerd.&lt;/p&gt;
&lt;h3&gt;Leren, niet beoordelen&lt;/h3&gt;
&lt;p&gt;Opnames zijn er om van te leren. Het programma geeft geen cijfers en beoordeelt niemand.
Een klant heeft nooit nadelen van meedoen of van feedback; wat een klant zegt, komt alleen
bij de klantmanager terecht als de klant daar per onderdeel toestemming voor gaf.&lt;/p&gt;
&lt;h3&gt;Feedback van de klant&lt;/h3&gt;
&lt;p&gt;Wat een klant zegt, wordt versleuteld voor de onderzoeker. Met het wachtwoord van de kluis
alleen is het niet te lezen en niet te vinden, welke rol er ook is gekozen. De onderzoeker
opent het met een eigen wachtwoord (Onderzoeker → Sleutel openen); een verkeerd wachtwoord
opent niets en komt in het logboek. Zolang de sleutel open is, staat dat onderin het venster;
bij vergrendelen gaat hij dicht. Pas als de klant zegt dat iets gedeeld mag worden, komt het
bij de klantmanager, met de datum en de naam van de onderzoeker.&lt;/p&gt;
&lt;h3&gt;Logboek&lt;/h3&gt;
&lt;p&gt;Het logboek (Help → Logboek) houdt bij wanneer de kluis werd geopend, wat er werd
geïmporteerd, geëxporteerd of verwijderd en wanneer toestemming veranderde —
nooit de inhoud.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;What happens to the recordings?&lt;/h2&gt;
&lt;p&gt;&lt;b&gt;Everything stays on this laptop.&lt;/b&gt; Recordings, notes, learning goals and consents
are kept in one vault on this laptop. The program never connects to the internet: no
cloud, no background updates, no statistics.&lt;/p&gt;
&lt;h3&gt;Encrypted&lt;/h3&gt;
&lt;p&gt;The vault is encrypted. Without your password nobody can view the recordings or read the
notes, not even someone who gets hold of the laptop or a copy of the files.
Each recording has its own key. Unencrypted copies are never written to disk,
not even temporarily.&lt;/p&gt;
&lt;h3&gt;What leaves the laptop&lt;/h3&gt;
&lt;p&gt;Only a &lt;b&gt;learning summary&lt;/b&gt; that you create and see first: your learning goals and, if you
choose, the text of linked observations. Names, addresses, phone numbers and
the like are removed. Never in a summary: video, sound, recording titles,
participants' names, and client feedback that may not be shared.&lt;/p&gt;
&lt;h3&gt;How long recordings are kept&lt;/h3&gt;
&lt;p&gt;When importing, you record who gave consent, for what, and until when the recording
may be kept (twelve months by default). Fourteen days before that date you get a
reminder. After that the recording is deleted: the key is destroyed, so that nobody
can ever open it again. Your notes remain as text, marked 'recording deleted'.&lt;/p&gt;
&lt;h3&gt;Locking&lt;/h3&gt;
&lt;p&gt;The vault locks after a few minutes without use, when the computer's screen locks, on
sleep, or with Ctrl+L. Whatever you were typing is saved first. Then playback stops,
video and text disappear from the screen, and the password must be entered
again.&lt;/p&gt;
&lt;h3&gt;Learning, not judging&lt;/h3&gt;
&lt;p&gt;Recordings are there to learn from. The program gives no scores and judges nobody.
A client is never disadvantaged by taking part or by giving feedback; what a client says only
reaches the case manager if the client consented to that, item by item.&lt;/p&gt;
&lt;h3&gt;Client feedback&lt;/h3&gt;
&lt;p&gt;What a client says is encrypted for the researcher. With the vault's password alone it
cannot be read or found, whatever role was chosen. The researcher opens it with their own
password (Researcher → Open key); a wrong password opens nothing and is written in the audit
log. While the key is open, the bottom of the window says so; locking closes it. Only when the
client says something may be shared does it reach the case manager, with the date and the
researcher's name.&lt;/p&gt;
&lt;h3&gt;Audit log&lt;/h3&gt;
&lt;p&gt;The audit log (Help → Audit log) records when the vault was opened, what was
imported, exported or deleted, and when consent changed —
never the content.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>PrivacyHelpDialog</name>
        <message>
            <location line="+49" />
            <source>Wat gebeurt er met de opnames?</source>
            <translation>What happens to the recordings?</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Uitleg over de opnames</source>
            <translation>About the recordings</translation>
        </message>
    </context>
    <context>
        <name>RecordingDetailsForm</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/details_form.py" line="+66" />
            <source>Wie zijn er te zien of te horen?</source>
            <extracomment>Characters of average width that two columns need side by side.</extracomment>
            <translation>Who can be seen or heard?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Toestemming</source>
            <translation>Consent</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Titel</source>
            <translation>Title</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Een neutrale titel: geen naam van de klant, die kan op een gedeeld scherm komen.</source>
            <translation>A neutral title: no client name, it may appear on a shared screen.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Datum van het gesprek</source>
            <translation>Date of the conversation</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Titel:</source>
            <translation>&amp;Title:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Datum gesprek:</source>
            <translation>Conversation &amp;date:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Gesprek</source>
            <translation>Conversation</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Typ de datum van het gesprek als dag-maand-jaar, bijvoorbeeld 5-3-2026.</source>
            <translation>Type the date of the conversation as day-month-year, for example 5-3-2026.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>De datum van het gesprek ligt in de toekomst.</source>
            <translation>The date of the conversation is in the future.</translation>
        </message>
    </context>
    <context>
        <name>RecordingFeature</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/recording/feature.py" line="+43" />
            <source>&amp;Opnemen…</source>
            <translation>&amp;Record…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Raakmoment markeren (tijdens het opnemen)</source>
            <translation>Mark a key moment (while recording)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Soort raakmoment markeren (tijdens het opnemen)</source>
            <translation>Mark a kind of key moment (while recording)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opname pauzeren of hervatten</source>
            <translation>Pause or resume the recording</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Opnemen is in deze uitvoering niet beschikbaar.</source>
            <translation>Recording is not available in this build.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>De kluis is alleen te lezen; er kan niet in worden opgenomen.</source>
            <translation>The vault is read-only; nothing can be recorded into it.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Een opname die nog niet was afgerond, staat nu in de bibliotheek: {0}.</source>
            <translation>A recording that was not finished yet is now in the library: {0}.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Opnemen</source>
            <translation>Record</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Er wordt opgenomen: stop eerst de opname.</source>
            <translation>A recording is running: stop it first.</translation>
        </message>
    </context>
    <context>
        <name>RecordingIndicator</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/recording/widgets.py" line="+109" />
            <source>Opnamelampje</source>
            <translation>Recording light</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Opgenomen tijd</source>
            <translation>Recorded time</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Gepauzeerd</source>
            <translation>Paused</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Opname loopt</source>
            <translation>Recording</translation>
        </message>
    </context>
    <context>
        <name>RecordingPage</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/recording/page.py" line="+84" />
            <location line="+30" />
            <source>Opnemen</source>
            <extracomment>How often the elapsed time is read from the recorder (ms).</extracomment>
            <translation>Record</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Eerst de toestemming: zonder toestemming wordt er geen microfoon of camera geopend. De opname gaat rechtstreeks versleuteld de kluis in; er komt nergens een los bestand.</source>
            <translation>Consent first: without consent no microphone or camera is opened. The recording goes straight into the vault, encrypted; no separate file is made anywhere.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Waarom verder nog niet kan</source>
            <translation>Why you cannot continue yet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Verder: microfoon en camera kiezen</source>
            <translation>&amp;Next: choose microphone and camera</translation>
        </message>
        <message>
            <location line="+19" />
            <source>&amp;Terugkijken</source>
            <translation>&amp;Review</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Nog een opname</source>
            <translation>&amp;Another recording</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Naar de &amp;bibliotheek</source>
            <translation>Go to li&amp;brary</translation>
        </message>
        <message>
            <location line="+103" />
            <source>Opname gepauzeerd — VKNZ</source>
            <translation>Recording paused — VKNZ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>● Opname loopt — VKNZ</source>
            <translation>● Recording — VKNZ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opnemen — VKNZ</source>
            <translation>Record — VKNZ</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Ontgrendel eerst de kluis.</source>
            <translation>Unlock the vault first.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Microfoons en camera's zoeken…</source>
            <translation>Looking for microphones and cameras…</translation>
        </message>
        <message>
            <location line="+30" />
            <location line="+19" />
            <source>Alleen geluid: de camera blijft uit.</source>
            <translation>Sound only: the camera stays off.</translation>
        </message>
        <message>
            <location line="-17" />
            <source>De camera wordt geopend…</source>
            <translation>Opening the camera…</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Nog geen markeringen.</source>
            <translation>No markers yet.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Gemarkeerd op {time}: {what}. Markeringen: {count}.</source>
            <translation>Marked at {time}: {what}. Markers: {count}.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Let op: bij dit tempo is de schijf over ongeveer {0} minuten vol. Rond het gesprek af of maak ruimte vrij. Vlak voordat de schijf vol is, stopt het opnemen vanzelf en blijft wat is opgenomen bewaard.</source>
            <translation>Note: at this rate the disk will be full in about {0} minutes. Wrap up the conversation or free up space. Just before the disk is full, recording stops by itself and what was recorded is kept.</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Bewaard in de kluis: “{title}”, {duration}. Markeringen: {markers}. De opname staat in de bibliotheek, met dezelfde toestemming en bewaartermijn als een geïmporteerde opname.</source>
            <translation>Saved in the vault: “{title}”, {duration}. Markers: {markers}. The recording is in the library, with the same consent and retention period as an imported recording.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Opname niet afgerond</source>
            <translation>Recording not finished</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Het afronden van de opname is niet gelukt ({0}). Wat is opgenomen staat versleuteld in de kluis en wordt de volgende keer dat je de kluis opent opnieuw afgerond.</source>
            <translation>Finishing the recording failed ({0}). What was recorded is encrypted in the vault and will be finished again the next time you open the vault.</translation>
        </message>
    </context>
    <context>
        <name>RecordingTableModel</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/recording_model.py" line="+278" />
            <source>Opname</source>
            <translation>Recording</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Datum gesprek</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duur</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Soort</source>
            <translation>Type</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fragmenten</source>
            <translation>Clips</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarnemingen</source>
            <translation>Observations</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Toestemming voor</source>
            <translation>Consent for</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bewaren tot</source>
            <translation>Keep until</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Ook uit de cloud-back-up van de telefoon verwijderen</source>
            <translation>Also remove from the phone's cloud backup</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ook van de telefoon en uit de cloud-back-up verwijderen</source>
            <translation>Also remove from the phone and its cloud backup</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ook van de geheugenkaart of USB-stick verwijderen</source>
            <translation>Also remove from the memory card or USB stick</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Fragmenten: {n}</source>
            <translation>Fragments: {n}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Waarnemingen: {n}</source>
            <translation>Observations: {n}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Opname verwijderd (alleen tekst)</source>
            <translation>Recording deleted (text only)</translation>
        </message>
        <message>
            <location line="+23" />
            <source>De opname zelf is verwijderd; de aantekeningen zijn bewaard. Enter of dubbelklikken toont ze.</source>
            <translation>The recording itself was removed; the notes were kept. Enter or a double-click shows them.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Gemarkeerde fragmenten: {n}</source>
            <translation>Marked fragments: {n}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Waarnemingen die je mag zien: {n}</source>
            <translation>Observations you may see: {n}</translation>
        </message>
        <message>
            <location line="+27" />
            <source>In beeld of te horen: {names}</source>
            <translation>Seen or heard: {names}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Een fragment van een opname waarvan alleen de fragmenten zijn bewaard; de aantekeningen van die opname staan in het menu (rechtsklik).</source>
            <translation>A fragment of a recording of which only the fragments were kept; that recording's notes are in the menu (right-click).</translation>
        </message>
        <message>
            <location line="-195" />
            <location line="+146" />
            <source>verlopen</source>
            <translation>expired</translation>
        </message>
        <message>
            <location line="-146" />
            <location line="+148" />
            <source>verloopt binnenkort</source>
            <extracomment>Size of the thumbnails in the first column (16:9). Role that holds the recording id of a row (on every column). Role with a value that sorts the column sensibly (case-folded title, ordinal dates, ms). Role with the keep-until state of the row: "ok", "soon" or "expired". Role of the title column with the line under the title (a reminder), or "". Imported from a phone or card: remove it there too (None: nothing to remind of). A fragment of a recording that was replaced by its fragments: that recording's id.</extracomment>
            <translation>expires soon</translation>
        </message>
        <message>
            <source>{title}
In beeld of te horen: {names}</source>
            <translation type="vanished">{title}
Seen or heard: {names}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Toestemming gegeven door {role} op {day}:
{scopes}</source>
            <translation>Consent given by {role} on {day}:
{scopes}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>De bewaartermijn is verlopen. Verwijder de opname, of leg nieuwe toestemming vast als die er is.</source>
            <translation>The retention period has expired. Delete the recording, or record new consent if there is any.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>De bewaartermijn loopt binnenkort af. Rond het terugkijken af, of vraag opnieuw toestemming.</source>
            <translation>The retention period ends soon. Finish reviewing, or ask for consent again.</translation>
        </message>
    </context>
    <context>
        <name>RegisterDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/onderzoeker/register_dialog.py" line="+63" />
            <location line="+2" />
            <source>Onderzoeker registreren</source>
            <translation>Register a researcher</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Melding</source>
            <translation>Message</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Wat de klant zegt, wordt versleuteld voor de onderzoeker. Alleen met het eigen wachtwoord van de onderzoeker is het te lezen, tot de klant toestemming geeft om het te delen. Doe dit samen met de onderzoeker: die kiest zelf het wachtwoord, anders dan dat van de kluis.</source>
            <translation>What the client says is encrypted for the researcher. Only the researcher's own password can read it, until the client consents to sharing it. Do this together with the researcher: they choose the password themselves, different from the vault's.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{0} voegt een onderzoeker toe. De nieuwe onderzoeker kiest zelf een wachtwoord en kan daarna ook de feedback van de klant lezen die {0} kan lezen.</source>
            <translation>{0} adds a researcher. The new researcher chooses their own password and can then also read the client feedback that {0} can read.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Naam van de onderzoeker</source>
            <translation>Researcher's name</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Naam:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Eigen wachtwoord van de onderzoeker</source>
            <translation>The researcher's own password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Eigen &amp;wachtwoord:</source>
            <translation>Own &amp;password:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Herhaal het wachtwoord</source>
            <translation>Repeat the password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Herhaal:</source>
            <translation>R&amp;epeat:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Voorbeeld</source>
            <translation>E&amp;xample</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Toon een voorbeeld van een sterk wachtwoord</source>
            <translation>Show an example of a strong password</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Registreren</source>
            <translation>Register</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Bijvoorbeeld: {0}</source>
            <translation>For example: {0}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>De twee wachtwoorden zijn niet gelijk.</source>
            <translation>The two passwords are not the same.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Dit wachtwoord is te makkelijk te raden. {0}</source>
            <translation>This password is too easy to guess. {0}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Bezig met registreren en versleutelen…</source>
            <translation>Registering and encrypting…</translation>
        </message>
    </context>
    <context>
        <name>ReminderBar</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/library_parts.py" line="+115" />
            <source>Herinnering bij deze opname</source>
            <translation>Reminder for this recording</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Gedaan, niet meer herinneren</source>
            <translation>&amp;Done, no more reminders</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Herinnering afvinken</source>
            <translation>Tick off the reminder</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Het bronbestand is na het importeren verwijderd. Op een geheugenkaart of telefoon is een verwijderd bestand vaak nog terug te halen, en een telefoon kan de opname al naar een cloud (zoals een fotoback-up) hebben gekopieerd. Verwijder de opname daar ook.</source>
            <translation>The source file was removed after importing. On a memory card or phone a removed file can often be recovered, and a phone may already have copied the recording to a cloud (such as a photo backup). Remove the recording there too.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Deze opname komt van een telefoon. Verwijder hem daar ook, en uit de cloud-back-up van de telefoon (zoals een fotoback-up). Tot dan staat er een onversleutelde kopie van het gesprek op de telefoon.</source>
            <translation>This recording came from a phone. Remove it there too, and from the phone's cloud backup (such as a photo backup). Until then an unencrypted copy of the conversation is on the phone.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Deze opname komt van een geheugenkaart of USB-stick. Verwijder hem daar ook; kwam hij van een telefoon, verwijder hem dan ook uit de cloud-back-up daarvan. Tot dan staat er een onversleutelde kopie van het gesprek op die kaart.</source>
            <translation>This recording came from a memory card or USB stick. Remove it there too; if it came from a phone, also remove it from that phone's cloud backup. Until then an unencrypted copy of the conversation is on that card.</translation>
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/library/retention_dialog.py" line="+26" />
            <source>Bewaartermijn verstreken</source>
            <translation>Retention period expired</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Van deze opnames is de bewaartermijn uit de toestemming voorbij. Ze worden nu verwijderd: de sleutel wordt vernietigd, zodat niemand ze nog kan openen. Je aantekeningen blijven als tekst bewaard, gemarkeerd met 'opname verwijderd'.</source>
            <translation>For these recordings, the retention period from the consent has passed. They will now be deleted: the key is destroyed, so that nobody can open them any more. Your notes are kept as text, marked 'recording deleted'.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Opnames voorbij de bewaartermijn</source>
            <translation>Recordings past the retention period</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{0} — bewaren tot {1}</source>
            <translation>{0} — keep until {1}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Ook de aantekeningen bij deze opnames verwijderen</source>
            <translation>Also delete the notes on these recordings</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Nu verwijderen</source>
            <translation>Delete now</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Later</source>
            <translation>Later</translation>
        </message>
    </context>
    <context>
        <name>ReviewFeature</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/review/feature.py" line="+68" />
            <source>Samen terugkijken voorbereiden — VKNZ</source>
            <extracomment>How long the outcome of keeping fragments stays in the status bar (ms). The end of a review session: (session id, its observation ids) to make goals of.</extracomment>
            <translation>Prepare a review together — VKNZ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Samen terugkijken — VKNZ</source>
            <translation>Review together — VKNZ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fragmenten vergelijken — VKNZ</source>
            <translation>Compare clips — VKNZ</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Fra&amp;gmenten</source>
            <translation>&amp;Clips</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Samen terugkijken</source>
            <translation>&amp;Review together</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Begin van een fragment</source>
            <translation>Start of a clip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Einde van een fragment</source>
            <translation>End of a clip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fragment afspelen</source>
            <translation>Play clip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fragment herhalen aan/uit</source>
            <translation>Repeat clip on/off</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vorig fragment</source>
            <translation>Previous clip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Volgend fragment</source>
            <translation>Next clip</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Begin van gekozen fragment hierheen</source>
            <translation>Move start of selected clip here</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Einde van gekozen fragment hierheen</source>
            <translation>Move end of selected clip here</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Alleen fragmenten bewaren…</source>
            <translation>Keep clips only…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Vervang de hele opname door de gemarkeerde fragmenten (dataminimalisatie)</source>
            <translation>Replace the whole recording with the marked clips (data minimization)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Sessies &amp;voorbereiden…</source>
            <translation>&amp;Prepare sessions…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Fragmenten &amp;vergelijken…</source>
            <translation>&amp;Compare clips…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Klantfeedback: mag dit gedeeld worden?…</source>
            <translation>Client feedback: may this be shared?…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Samen terugkijken is in deze uitvoering niet beschikbaar.</source>
            <translation>Reviewing together is not available in this build.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Er worden al fragmenten geknipt.</source>
            <translation>Fragments are already being cut.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Kies eerst een waarneming van de klant in de lijst.</source>
            <translation>First choose one of the client's observations in the list.</translation>
        </message>
        <message numerus="yes">
            <location line="+166" />
            <source>De %n waarneming(en) van deze sessie zijn bewaard bij de opnames. Maak er een leerdoel van in het leerdoelenoverzicht (Ctrl+F vindt ze terug).</source>
            <translation>
                <numerusform>The %n observation of this session is kept with the recording. Make a learning goal of it on the learning goals page (Ctrl+F finds it).</numerusform>
                <numerusform>The %n observations of this session are kept with the recordings. Make a learning goal of them on the learning goals page (Ctrl+F finds them).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+185" />
            <source>%n fragment(en) bewaard als nieuwe opname(s).</source>
            <translation>
                <numerusform>%n fragment kept as a new recording.</numerusform>
                <numerusform>%n fragments kept as new recordings.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n waarneming(en) gingen mee,</source>
            <translation>
                <numerusform>%n observation went along,</numerusform>
                <numerusform>%n observations went along,</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n bleven als tekst bij de oude opname.</source>
            <translation>
                <numerusform>%n stayed as text with the old recording.</numerusform>
                <numerusform>%n stayed as text with the old recording.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>De volledige opname is vernietigd.</source>
            <translation>The full recording has been destroyed.</translation>
        </message>
        <message>
            <source>Alleen de onderzoeker (of de klant zelf) legt vast wat de klant wil delen.</source>
            <translation type="vanished">Only the researcher (or the client themselves) records what the client wants to share.</translation>
        </message>
        <message>
            <location line="-287" />
            <source>Er zijn nog geen fragmenten om te vergelijken. Open een opname en markeer fragmenten met I (begin) en O (einde).</source>
            <translation>There are no clips to compare yet. Open a recording and mark clips with I (start) and O (end).</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Geen van de fragmenten mag met deze kijkers worden getoond. {0}</source>
            <translation>None of the fragments may be shown to these viewers. {0}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{0} ({1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Leerdoelen</source>
            <translation>Learning goals</translation>
        </message>
        <message>
            <source>De {0} waarnemingen van deze sessie zijn bewaard bij de opnames. Maak er een leerdoel van in het leerdoelenoverzicht (Ctrl+F vindt ze terug).</source>
            <translation type="vanished">The {0} observations from this session have been saved with the recordings. Turn them into a learning goal in the learning goals overview (Ctrl+F finds them again).</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Alleen bij feedback van de klant wordt om toestemming gevraagd.</source>
            <translation>Consent is only asked for client feedback.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Klantfeedback delen</source>
            <translation>Share client feedback</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wat zei de klant: mag dit naar de klantmanager?</source>
            <translation>What the client said: may this go to the case manager?</translation>
        </message>
        <message>
            <location line="+43" />
            <location line="+3" />
            <location line="+65" />
            <source>Alleen fragmenten bewaren</source>
            <translation>Keep clips only</translation>
        </message>
        <message>
            <source>Van '{0}' alleen de {1} fragment(en) bewaren (samen {2} van de {3})?</source>
            <translation type="vanished">Keep only the {1} clip(s) of '{0}' (together {2} of {3})?</translation>
        </message>
        <message>
            <source>Elk fragment wordt een eigen versleutelde opname, met dezelfde toestemming. {0} waarneming(en) binnen de fragmenten gaan mee. {1} waarneming(en) daarbuiten blijven als tekst bewaard, gemarkeerd als 'opname verwijderd'.

De volledige opname wordt daarna definitief vernietigd: de sleutel wordt gewist en niemand kan haar nog openen. Dit kan niet ongedaan worden gemaakt.</source>
            <translation type="vanished">Each clip becomes its own encrypted recording, with the same consent. {0} observation(s) within the clips go along. {1} observation(s) outside them are kept as text, marked 'recording deleted'.

The full recording is then permanently destroyed: the key is erased and nobody can open it any more. This cannot be undone.</translation>
        </message>
        <message>
            <location line="-64" />
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Van '{0}' alleen de gemarkeerde fragmenten bewaren?</source>
            <translation>Keep only the marked fragments of '{0}'?</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n nieuwe opname(n), samen {0} van de {1}.</source>
            <translation>
                <numerusform>%n new recording, {0} of the {1}.</numerusform>
                <numerusform>%n new recordings, together {0} of the {1}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+6" />
            <source>Er zijn %n fragmenten gemarkeerd; wat overlapt of aansluit, wordt één opname.</source>
            <translation>
                <numerusform>%n fragment is marked; what overlaps or touches becomes one recording.</numerusform>
                <numerusform>%n fragments are marked; what overlaps or touches becomes one recording.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>{0} van de opname wordt vernietigd.</source>
            <translation>{0} of the recording is destroyed.</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n waarneming(en) binnen de fragmenten gaan mee.</source>
            <translation>
                <numerusform>%n observation inside the fragments goes along.</numerusform>
                <numerusform>%n observations inside the fragments go along.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n waarneming(en) daarbuiten blijven als tekst bewaard, gemarkeerd als 'opname verwijderd'.</source>
            <translation>
                <numerusform>%n observation outside them is kept as text, marked 'recording deleted'.</numerusform>
                <numerusform>%n observations outside them are kept as text, marked 'recording deleted'.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+7" />
            <source>Elk fragment wordt een eigen versleutelde opname, met dezelfde toestemming. De volledige opname wordt daarna definitief vernietigd: de sleutel wordt gewist en niemand kan haar nog openen. Dit kan niet ongedaan worden gemaakt.</source>
            <translation>Each fragment becomes an encrypted recording of its own, with the same consent. The full recording is then destroyed for good: its key is erased and nobody can open it any more. This cannot be undone.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Fragmenten knippen en versleutelen…</source>
            <translation>Cutting and encrypting clips…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Afbreken</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Afgebroken: de opname is ongewijzigd.</source>
            <translation>Cancelled: the recording is unchanged.</translation>
        </message>
        <message>
            <source>{0} fragment(en) bewaard als nieuwe opnames; {1} waarneming(en) gingen mee, {2} blijven als tekst. De volledige opname is vernietigd.</source>
            <translation type="vanished">{0} clip(s) saved as new recordings; {1} observation(s) went along, {2} remain as text. The full recording has been destroyed.</translation>
        </message>
        <message>
            <source>mag gedeeld worden</source>
            <translation>may be shared</translation>
        </message>
        <message>
            <source>niet delen</source>
            <translation>do not share</translation>
        </message>
        <message>
            <source>nog niet gevraagd</source>
            <translation>not asked yet</translation>
        </message>
    </context>
    <context>
        <name>RowActions</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/observation_list.py" line="+80" />
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deze waarneming verwijderen (Delete)</source>
            <translation>Delete this observation (Delete)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarneming verwijderen</source>
            <translation>Delete observation</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Beantwoorden</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Schrijf op wat hier gebeurde (F2 of Enter)</source>
            <translation>Write down what happened here (F2 or Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Markering beantwoorden</source>
            <translation>Answer marker</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Bewerken</source>
            <translation>Edit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deze waarneming bewerken (F2 of Enter)</source>
            <translation>Edit this observation (F2 or Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarneming bewerken</source>
            <translation>Edit observation</translation>
        </message>
    </context>
    <context>
        <name>SamenKijken</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/watch_together/pictograms.py" line="-150" />
            <source>Geld</source>
            <translation>Money</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Werk</source>
            <translation>Work</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wonen</source>
            <translation>Home</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gezondheid</source>
            <translation>Health</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Familie</source>
            <translation>Family</translation>
        </message>
    </context>
    <context>
        <name>SamenKijkenFeature</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/watch_together/feature.py" line="+28" />
            <source>Samen kijken — VKNZ</source>
            <extracomment>The text stored with a marker (data in the vault, so not translated).</extracomment>
            <translation>Watch together — VKNZ</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Samen kijken met de klant</source>
            <translation>&amp;Watch together with the client</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Groot beeld en grote knoppen, om samen met de klant te kijken</source>
            <translation>Large video and large buttons, to watch together with the client</translation>
        </message>
        <message numerus="yes">
            <location line="+46" />
            <source>%n moment(en) van de klant bewaard. Je ziet ze niet in de lijst: alleen de klant en de onderzoeker zien ze, tot de klant ze wil delen.</source>
            <translation>
                <numerusform>%n moment of the client kept. You do not see it in the list: only the client and the researcher see it, until the client wants to share it.</numerusform>
                <numerusform>%n moments of the client kept. You do not see them in the list: only the client and the researcher see them, until the client wants to share them.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SamenKijkenView</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/watch_together/view.py" line="+102" />
            <source>Samen kijken</source>
            <extracomment>A big pictogram goes away by itself after this long (nobody has to remember to close it). The smallest text in the view, in pixels at the normal text size. The progress bar's resolution.</extracomment>
            <translation>Watch together</translation>
        </message>
        <message>
            <source>Terug naar normaal</source>
            <translation type="vanished">Back to normal</translation>
        </message>
        <message>
            <location line="+33" />
            <location line="+2" />
            <source>Samen kijken sluiten</source>
            <translation>Close watching together</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Terug naar het gewone scherm (Esc)</source>
            <translation>Back to the normal screen (Esc)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Plaatjes</source>
            <translation>Pictures</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Plaatjes laten zien</source>
            <translation>Show pictures</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Plaatjes van onderwerpen: geld, werk, wonen, gezondheid, familie</source>
            <translation>Pictures of topics: money, work, housing, health, family</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Beeld</source>
            <translation>Video</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+105" />
            <source>✓ Bewaard</source>
            <translation>✓ Saved</translation>
        </message>
        <message>
            <location line="-104" />
            <source>Bewaard</source>
            <translation>Saved</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Hoe ver het filmpje is</source>
            <translation>How far the film is</translation>
        </message>
        <message>
            <location line="+21" />
            <location line="+1" />
            <source>Stukje terug</source>
            <translation>A bit back</translation>
        </message>
        <message>
            <source>Terug</source>
            <translation type="vanished">Back</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Een stukje terug (10 seconden)</source>
            <translation>Back a little (10 seconds)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+127" />
            <location line="+88" />
            <source>Kijken</source>
            <translation>Watch</translation>
        </message>
        <message>
            <location line="-214" />
            <source>Hier wil ik iets over zeggen</source>
            <translation>I want to say something about this</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Bewaart dit moment om er later over te praten</source>
            <translation>Saves this moment to talk about later</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Alleen de klant en de onderzoeker zien dit</source>
            <translation>Only the client and the researcher see this</translation>
        </message>
        <message>
            <location line="+53" />
            <location line="+88" />
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <location line="-84" />
            <source>Stoppen met kijken</source>
            <translation>Stop watching</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Het filmpje laten lopen</source>
            <translation>Play the video</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/search_dialog.py" line="+33" />
            <source>Zoeken in alle waarnemingen</source>
            <translation>Search all observations</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Zoek een woord in alle waarnemingen…</source>
            <translation>Search for a word in all observations…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoekterm</source>
            <translation>Search term</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Zoekresultaten</source>
            <translation>Search results</translation>
        </message>
        <message>
            <location line="+29" />
            <source>{0} gevonden</source>
            <translation>{0} found</translation>
        </message>
    </context>
    <context>
        <name>SessionOverviewDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/review/session_view.py" line="+61" />
            <source>Sessie afgerond</source>
            <translation>Session finished</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Fragmenten bekeken: {0} van {1}</source>
            <translation>Clips watched: {0} of {1}</translation>
        </message>
        <message>
            <source>{0}: {1} waarneming(en)</source>
            <translation type="vanished">{0}: {1} observation(s)</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>{0}: %n waarneming(en)</source>
            <translation>
                <numerusform>{0}: %n observation</numerusform>
                <numerusform>{0}: %n observations</numerusform>
            </translation>
        </message>
        <message>
            <location line="+7" />
            <source>Wat wil je hieruit meenemen? Maak van de waarnemingen een leerdoel: wat wil je de volgende keer anders proberen?</source>
            <translation>What do you want to take away from this? Turn the observations into a learning goal: what do you want to try differently next time?</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Leerdoelen maken…</source>
            <translation>Create learning goals…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>SessionPreparePage</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/review/session_prepare.py" line="+103" />
            <location line="+714" />
            <source>Fragment zonder titel</source>
            <extracomment>The order roles are offered in when adding a participant. The notice colours (warm, readable in light and dark schemes; high contrast overrides).</extracomment>
            <translation>Untitled clip</translation>
        </message>
        <message>
            <location line="-697" />
            <location line="+32" />
            <source>Samen terugkijken voorbereiden</source>
            <translation>Prepare a review together</translation>
        </message>
        <message>
            <location line="-2" />
            <source>← Bibliotheek</source>
            <translation>← Library</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Terug naar de bibliotheek</source>
            <translation>Back to the library</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sessie starten ▶</source>
            <translation>Start session ▶</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sessie starten</source>
            <translation>Start session</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Waarom de sessie nog niet kan starten</source>
            <translation>Why the session cannot start yet</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sessies</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Lijst met sessies</source>
            <translation>List of sessions</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+1" />
            <source>Nieuwe sessie</source>
            <translation>New session</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verwijderen</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+251" />
            <source>Sessie verwijderen</source>
            <translation>Delete session</translation>
        </message>
        <message>
            <location line="-223" />
            <source>Sessie</source>
            <translation>Session</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Titel van de sessie</source>
            <translation>Session title</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bijvoorbeeld: terugkijken met de onderzoeker</source>
            <translation>For example: reviewing with the researcher</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Datum van de sessie</source>
            <translation>Session date</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Linker kolom (perspectief)</source>
            <translation>Left column (perspective)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rechter kolom (perspectief)</source>
            <translation>Right column (perspective)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Linker kolom:</source>
            <translation>Left column:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rechter kolom:</source>
            <translation>Right column:</translation>
        </message>
        <message>
            <location line="+74" />
            <source>&amp;Vraag of aandachtspunt bij dit fragment:</source>
            <translation>&amp;Question or point of attention for this fragment:</translation>
        </message>
        <message>
            <location line="+146" />
            <source>Kies eerst een sessie.</source>
            <translation>Choose a session first.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Typ eerst een naam (een schuilnaam mag ook).</source>
            <translation>Type a name first (a pseudonym is fine).</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Kies eerst de rol van de deelnemer.</source>
            <translation>Choose the participant's role first.</translation>
        </message>
        <message>
            <location line="+52" />
            <source>{0} (niet mogelijk)</source>
            <translation>{0} (not possible)</translation>
        </message>
        <message>
            <location line="+327" />
            <source>Kies eerst een sessie, of maak een nieuwe.</source>
            <translation>Choose a session first, or make a new one.</translation>
        </message>
        <message>
            <source>naast</source>
            <translation type="vanished">beside</translation>
        </message>
        <message>
            <location line="-627" />
            <source>Titel:</source>
            <translation>Title:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Datum:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>Twee kolommen:</source>
            <translation type="vanished">Two columns:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Deelnemers (namen mogen schuilnamen zijn):</source>
            <translation>Participants (pseudonyms are fine):</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Deelnemers</source>
            <translation>Participants</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Naam</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rol</source>
            <translation>Role</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Rol van de nieuwe deelnemer</source>
            <translation>Role of the new participant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kies eerst een rol…</source>
            <translation>Choose a role first…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Naam van de nieuwe deelnemer</source>
            <translation>Name of the new participant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Naam of schuilnaam</source>
            <translation>Name or pseudonym</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Toevoegen</source>
            <translation>Add</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deelnemer toevoegen</source>
            <translation>Add participant</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Waarom een rol niet kan</source>
            <translation>Why a role is not possible</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Deelnemer weghalen</source>
            <translation>Remove participant</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Afspeellijst (sleep om de volgorde te wijzigen)</source>
            <translation>Playlist (drag to change the order)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Afspeellijst van de sessie</source>
            <translation>Session playlist</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Omhoog</source>
            <translation>Up</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Eerder in de sessie (Alt+Pijl omhoog)</source>
            <translation>Earlier in the session (Alt+Up arrow)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Omlaag</source>
            <translation>Down</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Later in de sessie (Alt+Pijl omlaag)</source>
            <translation>Later in the session (Alt+Down arrow)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Uit de lijst</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fragment uit de afspeellijst halen</source>
            <translation>Remove clip from the playlist</translation>
        </message>
        <message>
            <source>Vraag of aandachtspunt bij dit fragment:</source>
            <translation type="vanished">Question or point of attention for this clip:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Vraag bij het fragment</source>
            <translation>Question for the clip</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Bijvoorbeeld: let op de houding. Wat zag je de klant doen toen je dit zei?</source>
            <translation>For example: watch the body language. What did you see the client do when you said this?</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Fragmenten uit de opnames</source>
            <translation>Clips from the recordings</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Fragmenten om toe te voegen</source>
            <translation>Clips to add</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Waarom dit fragment niet kan</source>
            <translation>Why this clip is not possible</translation>
        </message>
        <message>
            <location line="+2" />
            <source>← Aan de afspeellijst toevoegen</source>
            <translation>← Add to the playlist</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fragment aan de afspeellijst toevoegen</source>
            <translation>Add clip to the playlist</translation>
        </message>
        <message>
            <location line="+77" />
            <source>Afgerond</source>
            <translation>Finished</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Samen terugkijken {0}</source>
            <translation>Review together {0}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>De sessie '{0}' en haar afspeellijst verwijderen? De waarnemingen die erin zijn gemaakt blijven bij de opnames bewaard.</source>
            <translation>Delete the session '{0}' and its playlist? The observations made in it stay with the recordings.</translation>
        </message>
        <message>
            <source>Rol van deelnemer {0}</source>
            <translation type="vanished">Role of participant {0}</translation>
        </message>
        <message>
            <location line="+119" />
            <source>Kies eerst een fragment uit een opname.</source>
            <translation>First choose a clip from a recording.</translation>
        </message>
        <message>
            <location line="+181" />
            <source>(nog geen vraag: de klant ziet een algemene vraag)</source>
            <translation>(no question yet: a general question is shown)</translation>
        </message>
        <message>
            <location line="+72" />
            <source>Opname</source>
            <translation>Recording</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Toestemming: {0}</source>
            <translation>Consent: {0}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>(geen toestemming)</source>
            <translation>(no consent)</translation>
        </message>
        <message>
            <location line="-29" />
            <source>Nog geen fragmenten. Open een opname en markeer fragmenten met I en O.</source>
            <translation>No clips yet. Open a recording and mark clips with I and O.</translation>
        </message>
        <message>
            <source>Deze sessie heeft nog geen fragmenten die getoond mogen worden. Voeg eerst fragmenten toe aan de afspeellijst.</source>
            <translation type="vanished">This session has no clips yet that may be shown. First add clips to the playlist.</translation>
        </message>
    </context>
    <context>
        <name>SessionView</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/review/session_view.py" line="+21" />
            <source>Samen terugkijken</source>
            <translation>Review together</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Welk fragment</source>
            <translation>Which clip</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+1" />
            <source>Sessie afronden</source>
            <translation>Finish session</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Positie in het fragment</source>
            <translation>Position in the clip</translation>
        </message>
        <message>
            <location line="+12" />
            <source>◀◀  Vorige</source>
            <translation>◀◀  Previous</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vorig fragment</source>
            <translation>Previous clip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vorig fragment (Page Up)</source>
            <translation>Previous clip (Page Up)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>↺  Opnieuw</source>
            <translation>↺  Again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fragment opnieuw afspelen</source>
            <translation>Play clip again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fragment opnieuw afspelen (R)</source>
            <translation>Play clip again (R)</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+396" />
            <location line="+3" />
            <source>▶  Afspelen</source>
            <translation>▶  Play</translation>
        </message>
        <message>
            <location line="-398" />
            <source>Afspelen of pauzeren</source>
            <translation>Play or pause</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Afspelen of pauzeren (spatie)</source>
            <translation>Play or pause (space)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Volgende  ▶▶</source>
            <translation>Next  ▶▶</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Volgend fragment</source>
            <translation>Next clip</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Volgend fragment (Page Down)</source>
            <translation>Next clip (Page Down)</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Om naar te kijken</source>
            <translation>What to look at</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Vraag bij dit fragment</source>
            <translation>Question for this clip</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Ook waarnemingen van &amp;eerder tonen</source>
            <translation>Also show &amp;earlier observations</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarnemingen van eerdere sessies tonen</source>
            <translation>Show observations of earlier sessions</translation>
        </message>
        <message numerus="yes">
            <location line="+87" />
            <source>%n fragment(en) worden overgeslagen: {0}</source>
            <translation>
                <numerusform>%n fragment is skipped: {0}</numerusform>
                <numerusform>%n fragments are skipped: {0}</numerusform>
            </translation>
        </message>
        <message>
            <source>{0} fragment(en) worden overgeslagen: {1}</source>
            <translation type="vanished">{0} clip(s) will be skipped: {1}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Fragment {0} van {1}</source>
            <translation>Clip {0} of {1}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Fragment zonder titel</source>
            <translation>Untitled clip</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{0}  ·  {1} – {2}</source>
            <translation>{0}  ·  {1} – {2}</translation>
        </message>
        <message>
            <location line="+178" />
            <source>Waarnemingen uit eerdere sessies of van alleen terugkijken, gemarkeerd als eerder</source>
            <translation>Observations from earlier sessions or from reviewing alone, marked as earlier</translation>
        </message>
        <message>
            <source>Kijk samen en vertel wat je ziet.</source>
            <translation type="vanished">Watch together and say what you see.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>❚❚  Pauze</source>
            <translation>❚❚  Pause</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/settings_dialog.py" line="+91" />
            <source>Instellingen</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Afspelen pauzeren zodra ik een waarneming typ</source>
            <translation>Pause playback as soon as I type an observation</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Verder afspelen na vastleggen (Ctrl+Enter)</source>
            <translation>Continue playing after saving (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+7" />
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reactietijd</source>
            <translation>Reaction time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reactietijd:</source>
            <translation>Reaction time:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Een nieuwe waarneming komt zoveel eerder op de tijdlijn dan het moment waarop je op M drukt.</source>
            <translation>A new observation is placed this much earlier on the timeline than the moment you press M.</translation>
        </message>
        <message>
            <location line="+10" />
            <source> minuten</source>
            <translation> minutes</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Automatisch vergrendelen na</source>
            <translation>Lock automatically after</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Automatisch vergrendelen na:</source>
            <translation>Lock automatically after:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Opnames voorbij de bewaartermijn verwijderen zonder het eerst te vragen</source>
            <translation>Delete recordings past the retention period without asking first</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Tekstgrootte</source>
            <translation>Text size</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tekstgrootte:</source>
            <translation>Text size:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hoog contrast (zwart, wit en geel)</source>
            <translation>High contrast (black, white and yellow)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Hoog contrast</source>
            <translation>High contrast</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Zoals het systeem</source>
            <translation>As the system</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Taal</source>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Geldt vanaf de volgende start</source>
            <translation>Applies from the next start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Taal:</source>
            <translation>Language:</translation>
        </message>
    </context>
    <context>
        <name>ShellActions</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/shell_actions.py" line="+91" />
            <source>&amp;Bestand</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Be&amp;werken</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Afspelen</source>
            <translation>&amp;Play</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Waarnemingen</source>
            <translation>&amp;Observations</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Opname &amp;importeren…</source>
            <translation>&amp;Import recording…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Naar de &amp;bibliotheek</source>
            <translation>Go to li&amp;brary</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Vergrendelen</source>
            <translation>&amp;Lock</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Afsluiten</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Ongedaan maken</source>
            <translation type="vanished">&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Opnieuw</source>
            <translation type="vanished">&amp;Redo</translation>
        </message>
        <message>
            <location line="+27" />
            <source>&amp;Instellingen…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Wachtwoord wijzigen…</source>
            <translation>Change &amp;password…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>&amp;Zoeken in alle waarnemingen…</source>
            <translation>&amp;Find in all observations…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Afspelen / pauzeren</source>
            <translation>Play / pause</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Terug / langzamer</source>
            <translation>Back / slower</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pauze</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Afspelen / sneller</source>
            <translation>Play / faster</translation>
        </message>
        <message>
            <location line="+1" />
            <source>5 seconden terug</source>
            <translation>5 seconds back</translation>
        </message>
        <message>
            <location line="+1" />
            <source>5 seconden verder</source>
            <translation>5 seconds forward</translation>
        </message>
        <message>
            <location line="+1" />
            <source>30 seconden terug</source>
            <translation>30 seconds back</translation>
        </message>
        <message>
            <location line="+3" />
            <source>30 seconden verder</source>
            <translation>30 seconds forward</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Eén beeld terug</source>
            <translation>One frame back</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Eén beeld verder</source>
            <translation>One frame forward</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Naar het begin</source>
            <translation>To the start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Naar het einde</source>
            <translation>To the end</translation>
        </message>
        <message>
            <location line="+18" />
            <source>&amp;Nieuwe waarneming op dit moment</source>
            <translation>&amp;New observation at this moment</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Ctrl+Enter</source>
            <translation>Ctrl+Enter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waarneming vastleggen (en verder afspelen)</source>
            <translation>Save observation (and continue playing)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Uit een tekstveld; een waarneming blijft bewaard</source>
            <translation>Leave a text field; an observation is kept</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Gekozen waarneming &amp;bewerken of beantwoorden</source>
            <translation>&amp;Edit or answer chosen observation</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Gekozen waarneming &amp;verwijderen</source>
            <translation>&amp;Delete chosen observation</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Titel van het fragment typen</source>
            <translation>Type the fragment's title</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Tijdlijn inzoomen</source>
            <translation>Zoom timeline in</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Tijdlijn uitzoomen</source>
            <translation>Zoom timeline out</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Hele opname op de tijdlijn</source>
            <translation>Whole recording on the timeline</translation>
        </message>
        <message>
            <source>Waarneming annuleren</source>
            <translation type="vanished">Cancel observation</translation>
        </message>
        <message>
            <location line="+26" />
            <source>&amp;Sneltoetsen</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <location line="+12" />
            <source>&amp;Handleiding</source>
            <translation>&amp;User guide</translation>
        </message>
        <message>
            <location line="+11" />
            <source>&amp;Problemen met Kijkwijzers…</source>
            <translation>&amp;Problems with viewing guides…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Over VKNZ</source>
            <translation>&amp;About VKNZ</translation>
        </message>
    </context>
    <context>
        <name>StrengthMeter</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/widgets/strength_meter.py" line="+57" />
            <source>Sterkte van het wachtwoord</source>
            <extracomment>The bar's steps (zxcvbn's score 0-4, shown as 1-5 so a typed passphrase never looks empty). The advice under the bar changed (a dialog may want to grow or shrink to it).</extracomment>
            <translation>Password strength</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Sterkte: nog niets getypt</source>
            <translation>Strength: nothing typed yet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kies een zin van vier of meer losse woorden die niet bij elkaar horen.</source>
            <translation>Choose a sentence of four or more separate words that do not belong together.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Sterkte: {0}</source>
            <translation>Strength: {0}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sterk genoeg.</source>
            <translation>Strong enough.</translation>
        </message>
        <message>
            <location line="+40" />
            <source>heel zwak</source>
            <translation>very weak</translation>
        </message>
        <message>
            <location line="+1" />
            <source>zwak</source>
            <translation>weak</translation>
        </message>
        <message>
            <location line="+1" />
            <source>matig</source>
            <translation>fair</translation>
        </message>
        <message>
            <location line="+1" />
            <source>redelijk</source>
            <translation>good</translation>
        </message>
        <message>
            <location line="+1" />
            <source>sterk</source>
            <translation>strong</translation>
        </message>
        <message>
            <location line="-88" />
            <source>Ander voorbeeld</source>
            <translation>Another example</translation>
        </message>
        <message>
            <location line="+74" />
            <source>Bijvoorbeeld: {0}</source>
            <translation>For example: {0}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Kies eerst een wachtwoord.</source>
            <translation>Choose a password first.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Dit wachtwoord is te makkelijk te raden.</source>
            <translation>This password is too easy to guess.</translation>
        </message>
    </context>
    <context>
        <name>Studio</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/recording/studio.py" line="+67" />
            <source>Geluid:</source>
            <translation>Sound:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Melding bij het opnemen</source>
            <translation>Recording message</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Wat neem je op?</source>
            <translation>What are you recording?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Beeld en geluid</source>
            <translation>&amp;Picture and sound</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Alleen geluid (de camera blijft uit)</source>
            <translation>Sound &amp;only (the camera stays off)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Microfoon</source>
            <translation>Microphone</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Kijk of het voorbeeld klopt en of het geluid beweegt als iemand praat. Er wordt nog niets bewaard.</source>
            <translation>Check that the preview is right and that the sound moves when someone speaks. Nothing is stored yet.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>● &amp;Opnemen starten</source>
            <translation>● &amp;Start recording</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opnemen starten</source>
            <translation>Start recording</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Terug naar de toestemming</source>
            <translation>&amp;Back to consent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Microfoon:</source>
            <translation>&amp;Microphone:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Camera:</source>
            <translation>&amp;Camera:</translation>
        </message>
        <message>
            <location line="+17" />
            <location line="+102" />
            <source>&amp;Pauzeren (P)</source>
            <translation>&amp;Pause (P)</translation>
        </message>
        <message>
            <location line="-101" />
            <source>&amp;Stoppen en bewaren</source>
            <translation>&amp;Stop and save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Raakmoment markeren (M)</source>
            <translation>&amp;Mark key moment (M)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Een markering op dit moment; bij het terugkijken vraagt die: wat gebeurde hier?</source>
            <translation>A marker at this moment; when reviewing it asks: what happened here?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Soorten raakmomenten tonen</source>
            <translation>Show kinds of key moments</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Markeren als {0}</source>
            <translation>Mark as {0}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Laatste markering</source>
            <translation>Last marker</translation>
        </message>
        <message>
            <location line="+22" />
            <source>De opname wordt afgerond: er komt een versleutelde kopie met een inhoudsopgave, zodat je er straks snel in kunt zoeken. Even geduld.</source>
            <translation>The recording is being finished: an encrypted copy with an index is made, so you can seek in it quickly later. Please wait.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Bezig met afronden</source>
            <translation>Finishing</translation>
        </message>
        <message>
            <location line="+50" />
            <source>&amp;Hervatten (P)</source>
            <translation>&amp;Resume (P)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Standaardmicrofoon van de computer</source>
            <translation>The computer's default microphone</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Er is geen camera gevonden.</source>
            <translation>No camera was found.</translation>
        </message>
    </context>
    <context>
        <name>SummaryPreviewDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/learning/summary_preview.py" line="+109" />
            <source>Leersamenvatting maken</source>
            <extracomment>Fixed point sizes of the written file; the preview follows the app's text size instead.</extracomment>
            <translation>Create learning summary</translation>
        </message>
        <message>
            <location line="+34" />
            <source>De lijsten voor het anonimiseren worden geladen.
De eerste keer na installeren duurt dit ongeveer een minuut, daarna enkele seconden.</source>
            <translation>The lists for anonymizing are being loaded.
The first time after installing this takes about a minute, after that a few seconds.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Voortgang van het laden</source>
            <translation>Loading progress</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Leerdoelen en waarnemingen in de samenvatting</source>
            <translation>Learning goals and observations in the summary</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Alles</source>
            <translation>&amp;All</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Niets</source>
            <translation>&amp;None</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tekst van de gekoppelde waarnemingen</source>
            <translation>Text of the linked observations</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Aantal waarnemingen per Kijkwijzer-thema</source>
            <translation>Number of observations per viewing guide theme</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Aantal opnames en sessies in de periode</source>
            <translation>Number of recordings and sessions in the period</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exacte datums (anders alleen maanden)</source>
            <translation>Exact dates (otherwise months only)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Periode zelf kiezen</source>
            <translation>Choose the period</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Periode {0}</source>
            <translation>Period {0}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Bijv. een straat of een werkgever</source>
            <translation>E.g. a street or an employer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Extra term om weg te laten</source>
            <translation>Extra term to leave out</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Toevoegen</source>
            <translation>A&amp;dd</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Extra termen die altijd worden weggelaten</source>
            <translation>Extra terms that are always left out</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Verwijderen</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Wat gaat erin</source>
            <translation>What goes in</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Altijd weglaten (bewaard in de kluis)</source>
            <translation>Always leave out (kept in the vault)</translation>
        </message>
        <message>
            <location line="+25" />
            <location line="+1" />
            <location line="+14" />
            <source>Woorden om te controleren</source>
            <translation>Words to check</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Deze woorden met een hoofdletter kent het programma niet (rood gemarkeerd). Is het een naam, of iets anders dat naar iemand leidt? Kies per woord. Je keuze wordt onthouden.</source>
            <translation>The program does not know these capitalised words (marked red). Is it a name, or something else that leads to someone? Choose for each word. Your choice is remembered.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;Weglaten</source>
            <translation>Leave &amp;out</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dit woord voortaan vervangen door [weggelaten], in elke samenvatting</source>
            <translation>From now on replace this word by [weggelaten], in every summary</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Laten staan</source>
            <translation>&amp;Keep</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dit woord is geen naam: het mag blijven staan</source>
            <translation>This word is not a name: it may stay</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Bestandsformaat</source>
            <translation>File format</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Formaat:</source>
            <translation>&amp;Format:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Aantal vervangingen</source>
            <translation>Number of replacements</translation>
        </message>
        <message>
            <location line="+5" />
            <source>De samenvatting wordt bijgewerkt</source>
            <translation>The summary is being updated</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Voorbeeld van de samenvatting</source>
            <translation>Preview of the summary</translation>
        </message>
        <message>
            <location line="+370" />
            <source>Bijwerken…</source>
            <translation>Updating…</translation>
        </message>
        <message numerus="yes">
            <location line="+18" />
            <source>%n vervanging(en) (geel gemarkeerd)</source>
            <translation>
                <numerusform>%n replacement (marked yellow)</numerusform>
                <numerusform>%n replacements (marked yellow)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n onderdeel/onderdelen weggelaten</source>
            <translation>
                <numerusform>%n item left out</numerusform>
                <numerusform>%n items left out</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+12" />
            <source>%n woord(en) om te controleren</source>
            <translation>
                <numerusform>%n word to check</numerusform>
                <numerusform>%n words to check</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>De samenvatting wordt nog bijgewerkt.</source>
            <translation>The summary is still being updated.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Kies eerst bij elk rood gemarkeerd woord: weglaten of laten staan (nog %n).</source>
            <translation>
                <numerusform>First choose for each word marked red: leave out or keep (%n left).</numerusform>
                <numerusform>First choose for each word marked red: leave out or keep (%n left).</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>Vink aan dat je de samenvatting hebt nagelezen.</source>
            <translation>Tick that you have read the summary.</translation>
        </message>
        <message>
            <source>Ik heb de samenvatting nagelezen: er staat niets in dat naar een klant, naar mij of naar de opname leidt.</source>
            <translation type="vanished">I have read the summary: nothing in it leads to a client, to me or to the recording.</translation>
        </message>
        <message>
            <location line="-376" />
            <source>&amp;Opslaan…</source>
            <translation>&amp;Save…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Samenvatting opslaan</source>
            <translation>Save summary</translation>
        </message>
        <message>
            <location line="-183" />
            <location line="+184" />
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Lees de samenvatting na. Er mag niets in staan dat naar een klant, naar jou of naar de opname leidt.</source>
            <translation>Read the summary through. Nothing in it may lead to a client, to you or to the recording.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Ik heb de samenvatting nagelezen</source>
            <translation>&amp;I have read the summary</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Waarom opslaan nog niet kan</source>
            <translation>Why saving is not possible yet</translation>
        </message>
        <message>
            <location line="+87" />
            <source>{0} seconden…</source>
            <translation>{0} seconds…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Het anonimiseren kon niet worden voorbereid ({0}). Zonder anonimiseren wordt er niets geëxporteerd. Sluit het venster en probeer het opnieuw.</source>
            <translation>Anonymizing could not be prepared ({0}). Without anonymizing nothing is exported. Close the window and try again.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>(nog zonder omschrijving)</source>
            <translation>(no description yet)</translation>
        </message>
        <message>
            <source>1 vervanging (geel gemarkeerd)</source>
            <translation type="vanished">1 replacement (highlighted in yellow)</translation>
        </message>
        <message>
            <source>{0} vervangingen (geel gemarkeerd)</source>
            <translation type="vanished">{0} replacements (highlighted in yellow)</translation>
        </message>
        <message>
            <source>{0} onderdelen weggelaten</source>
            <translation type="vanished">{0} items left out</translation>
        </message>
        <message>
            <location line="+281" />
            <source>Leersamenvatting opslaan</source>
            <translation>Save learning summary</translation>
        </message>
        <message>
            <source>Actief</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Bereikt</source>
            <translation>Achieved</translation>
        </message>
        <message>
            <source>Geoefend</source>
            <translation>Practised</translation>
        </message>
        <message>
            <source>Losgelaten</source>
            <translation>Let go</translation>
        </message>
    </context>
    <context>
        <name>TeamAgendaDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/learning/team_agenda_dialog.py" line="+63" />
            <source>Teamleeragenda</source>
            <translation>Team learning agenda</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Voeg geanonimiseerde leersamenvattingen (JSON) van collega's samen tot één leeragenda per Kijkwijzer-thema. Van wie een leerdoel komt, staat er niet in.</source>
            <translation>Combine colleagues' anonymized learning summaries (JSON) into one learning agenda per viewing guide theme. It does not say whose learning goal is whose.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Gekozen samenvattingen</source>
            <translation>Selected summaries</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bestanden &amp;toevoegen…</source>
            <translation>&amp;Add files…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Verwijderen</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Geweigerde bestanden</source>
            <translation>Rejected files</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;b&gt;Geweigerd&lt;/b&gt;</source>
            <translation>&lt;b&gt;Rejected&lt;/b&gt;</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Voorbeeld van de teamleeragenda</source>
            <translation>Preview of the team learning agenda</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Opslaan als HTML…</source>
            <translation>&amp;Save as HTML…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sluiten</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Samenvattingen:</source>
            <translation>Su&amp;mmaries:</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Leersamenvattingen kiezen</source>
            <translation>Choose learning summaries</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leersamenvattingen (*.json);;Alle bestanden (*)</source>
            <translation>Learning summaries (*.json);;All files (*)</translation>
        </message>
        <message>
            <location line="+41" />
            <source>De samenvattingen worden gelezen…</source>
            <translation>Reading the summaries…</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Voeg geldige leersamenvattingen toe om de agenda te zien.</source>
            <translation>Add valid learning summaries to see the agenda.</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Teamleeragenda opslaan</source>
            <translation>Save team learning agenda</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Webpagina (*.html)</source>
            <translation>Web page (*.html)</translation>
        </message>
    </context>
    <context>
        <name>TextLimit</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/learning/text_limit.py" line="+26" />
            <source>Hier passen hoogstens {0} tekens: de rest is niet overgenomen.</source>
            <extracomment>The domain's maximum for a goal's long texts (domain/goals.py LongGoalText).</extracomment>
            <translation>This field holds at most {0} characters: the rest was not taken over.</translation>
        </message>
    </context>
    <context>
        <name>ThemeSection</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/kijkwijzer_panel.py" line="-90" />
            <source>{0} in- of uitklappen</source>
            <translation>Expand or collapse {0}</translation>
        </message>
    </context>
    <context>
        <name>TimelineWidget</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/timeline/widget.py" line="+205" />
            <source>Tijdlijn</source>
            <extracomment>The narrowest view: zooming in stops at this span (or the whole recording if shorter). The shortest clip a handle drag can make. A marker double-clicked: open its observation (edit, or answer a marker's question).</extracomment>
            <translation>Timeline</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Klik of sleep om naar een moment te gaan. Scrol om in of uit te zoomen, Shift+scrol om te verschuiven. Plus en min zoomen rond de afspeelpositie, 0 toont de hele opname.</source>
            <translation>Click or drag to go to a moment. Scroll to zoom in or out, Shift+scroll to pan. Plus and minus zoom around the playback position, 0 shows the whole recording.</translation>
        </message>
        <message>
            <location line="+776" />
            <source>Geen opname</source>
            <translation>No recording</translation>
        </message>
    </context>
    <context>
        <name>TransportBar</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/transport_bar.py" line="+77" />
            <source>Naar het begin (Home)</source>
            <translation>To the start (Home)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Naar het begin</source>
            <translation>To the start</translation>
        </message>
        <message>
            <location line="+3" />
            <source>−30 s</source>
            <translation>−30 s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>30 seconden terug (Shift+←)</source>
            <translation>30 seconds back (Shift+←)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>30 seconden terug</source>
            <translation>30 seconds back</translation>
        </message>
        <message>
            <location line="+4" />
            <source>−5 s</source>
            <translation>−5 s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>5 seconden terug (←)</source>
            <translation>5 seconds back (←)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>5 seconden terug</source>
            <translation>5 seconds back</translation>
        </message>
        <message>
            <location line="+2" />
            <source>◂|</source>
            <translation>◂|</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Eén beeld terug (,)</source>
            <translation>One frame back (,)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Eén beeld terug</source>
            <translation>One frame back</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Afspelen / pauzeren (spatie)</source>
            <translation>Play / pause (space)</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+141" />
            <source>Afspelen</source>
            <translation>Play</translation>
        </message>
        <message>
            <location line="-140" />
            <source>|▸</source>
            <translation>|▸</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Eén beeld verder (.)</source>
            <translation>One frame forward (.)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Eén beeld verder</source>
            <translation>One frame forward</translation>
        </message>
        <message>
            <location line="+3" />
            <source>+5 s</source>
            <translation>+5 s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>5 seconden verder (→)</source>
            <translation>5 seconds forward (→)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>5 seconden verder</source>
            <translation>5 seconds forward</translation>
        </message>
        <message>
            <location line="+4" />
            <source>+30 s</source>
            <translation>+30 s</translation>
        </message>
        <message>
            <location line="+1" />
            <source>30 seconden verder (Shift+→)</source>
            <translation>30 seconds forward (Shift+→)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>30 seconden verder</source>
            <translation>30 seconds forward</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Naar het einde (End)</source>
            <translation>To the end (End)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Naar het einde</source>
            <translation>To the end</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Positie</source>
            <translation>Position</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Waarneming (M)</source>
            <translation>Observation (M)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nieuwe waarneming op dit moment (M)</source>
            <translation>New observation at this moment (M)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nieuwe waarneming</source>
            <translation>New observation</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Snelheid</source>
            <translation>Speed</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Afspeelsnelheid</source>
            <translation>Playback speed</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Geluid uit/aan</source>
            <translation>Sound off/on</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Geluid uit</source>
            <translation>Sound off</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+1" />
            <source>Volume</source>
            <translation>Volume</translation>
        </message>
        <message>
            <location line="+83" />
            <source>Pauzeren</source>
            <translation>Pause</translation>
        </message>
    </context>
    <context>
        <name>UndoActions</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/undo_actions.py" line="+19" />
            <source>&amp;Ongedaan maken</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Ongedaan maken: {0}</source>
            <translation>&amp;Undo: {0}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Opnieuw</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Opnieuw: {0}</source>
            <translation>&amp;Redo: {0}</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/unlock_dialog.py" line="+62" />
            <source>VKNZ — kluis openen</source>
            <extracomment>The strength meter while a new vault is made (when an estimator was given).</extracomment>
            <translation>VKNZ — open vault</translation>
        </message>
        <message>
            <location line="+0" />
            <source>VKNZ — nieuwe kluis</source>
            <translation>VKNZ — new vault</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Van Kijken Naar Zien</source>
            <translation>From Looking to Seeing</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Wachtwoord</source>
            <translation>Password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Wachtwoord:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Herhaal wachtwoord</source>
            <translation>Repeat password</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Herhaal:</source>
            <translation>&amp;Repeat:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Ik werk als:</source>
            <translation>I work as:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Naam bij waarnemingen:</source>
            <translation>Name on observations:</translation>
        </message>
        <message>
            <location line="-57" />
            <source>Melding</source>
            <translation>Message</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Je opnames en aantekeningen worden bewaard in één versleutelde kluis op deze laptop. Kies een wachtwoord dat je kunt onthouden: zonder dit wachtwoord kan niemand de kluis openen, ook jij niet.</source>
            <translation>Your recordings and notes are kept in one encrypted vault on this laptop. Choose a password you can remember: without it nobody can open the vault, not even you.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Voer het wachtwoord van je kluis in.</source>
            <translation>Enter the password of your vault.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Je rol</source>
            <translation>Your role</translation>
        </message>
        <message>
            <location line="+7" />
            <source>bijv. je voornaam (mag leeg)</source>
            <translation>e.g. your first name (may be empty)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Je naam</source>
            <translation>Your name</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Kluis maken</source>
            <translation>Create vault</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Openen</source>
            <translation>Open</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Afsluiten</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Onjuist wachtwoord. Let op hoofdletters en Caps Lock.</source>
            <translation>Wrong password. Mind capitals and Caps Lock.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>De twee wachtwoorden zijn niet gelijk.</source>
            <translation>The two passwords do not match.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Bezig met openen…</source>
            <translation>Opening…</translation>
        </message>
        <message>
            <source>Collega</source>
            <translation>Colleague</translation>
        </message>
        <message>
            <source>Klant</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Klantmanager</source>
            <translation>Case manager</translation>
        </message>
        <message>
            <source>Leidinggevende</source>
            <translation>Manager</translation>
        </message>
        <message>
            <source>Onderzoeker / trainer</source>
            <translation>Researcher / trainer</translation>
        </message>
    </context>
    <context>
        <name>VaultHealthWatcher</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/shell/vault_health.py" line="-26" />
            <source>Schade in de kluis</source>
            <extracomment>How often the watcher looks (the check itself takes seconds to minutes). The problem shown for the open vault (None: none found yet).</extracomment>
            <translation>Damage in the vault</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Nu vergrendelen? Open de kluis daarna opnieuw met je wachtwoord: wat nog leesbaar is, kun je dan bekijken.</source>
            <translation>Lock now? Then open the vault again with your password: you can then view what is still readable.</translation>
        </message>
    </context>
    <context>
        <name>VideoView</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/video_view.py" line="+29" />
            <source>Beeld van de opname</source>
            <translation>Video of the recording</translation>
        </message>
        <message>
            <location line="+131" />
            <source>Alleen geluid</source>
            <translation>Audio only</translation>
        </message>
    </context>
    <context>
        <name>WatchersDialog</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/features/review/compare_view.py" line="-536" />
            <source>Fragmenten vergelijken</source>
            <extracomment>While playing in sync the right player follows the left one. Their drift is measured from the players' own clocks, not from the smoothed positions shown: libVLC's time moves in steps of ~250 ms, and the moment a step happens tells where the player really is (see ``_ClockFit``). Beyond this drift the right one is put back by a seek. The people who may be asked about when comparing (the person at the keyboard is implied).</extracomment>
            <translation>Compare fragments</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Wie kijken er mee naar de fragmenten?</source>
            <translation>Who is watching the fragments with you?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Jij ({0})</source>
            <translation>You ({0})</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{0} kijkt mee</source>
            <translation>{0} is watching</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Kijkt er iemand mee, dan staan de opnames er zonder titel, en alleen de fragmenten waarvoor toestemming is.</source>
            <translation>When someone watches along, recordings are shown without their title, and only the fragments there is consent for.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Vergelijken</source>
            <translation>Compare</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Annuleren</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/workspace.py" line="+212" />
            <source>Tekst kopiëren</source>
            <extracomment>One step of the timeline's zoom (menu, buttons, + and -). Timeline ids of the marks of sealed klant feedback (no observation has such an id).</extracomment>
            <translation>Copy text</translation>
        </message>
        <message>
            <location line="+205" />
            <source>Alleen-lezen: de kluis is beschadigd; er kan niets worden gewijzigd.</source>
            <translation>Read-only: the vault is damaged; nothing can be changed.</translation>
        </message>
        <message>
            <source>Waarneming verwijderen</source>
            <translation type="vanished">Delete observation</translation>
        </message>
        <message>
            <source>Waarneming verwijderd (Ctrl+Z maakt het ongedaan)</source>
            <translation type="vanished">Observation deleted (Ctrl+Z undoes this)</translation>
        </message>
        <message numerus="yes">
            <location line="+54" />
            <source>%n waarneming(en) verwijderen</source>
            <translation>
                <numerusform>Delete %n observation</numerusform>
                <numerusform>Delete %n observations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>%n waarneming(en) verwijderd (Ctrl+Z maakt het ongedaan)</source>
            <translation>
                <numerusform>%n observation deleted (Ctrl+Z undoes it)</numerusform>
                <numerusform>%n observations deleted (Ctrl+Z undoes it)</numerusform>
            </translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+8" />
            <source>Kies eerst een waarneming in de lijst.</source>
            <translation>Choose an observation in the list first.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Waarneming bewaard (Ctrl+Z maakt het ongedaan)</source>
            <translation>Observation kept (Ctrl+Z undoes it)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Waarneming bewerken</source>
            <translation>Edit observation</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Waarneming toevoegen</source>
            <translation>Add observation</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Hier gaf de klant feedback. Alleen de onderzoeker kan die lezen, tot de klant toestemming geeft om het te delen.</source>
            <translation>The client gave feedback here. Only the researcher can read it, until the client agrees to share it.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Gekopieerd; het klembord wordt over 30 seconden weer leeggemaakt.</source>
            <translation>Copied; the clipboard will be cleared again in 30 seconds.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{0}: Wat gebeurde hier? (dubbelklik om te beantwoorden)</source>
            <translation>{0}: What happened here? (double-click to answer)</translation>
        </message>
    </context>
    <context>
        <name>ZoomBar</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/workspace/timeline/zoom_bar.py" line="+32" />
            <source>Zoom</source>
            <extracomment>Slider positions from the whole recording (0) to the narrowest view. One press of the buttons (as + and -).</extracomment>
            <translation>Zoom</translation>
        </message>
        <message>
            <location line="+1" />
            <source>−</source>
            <translation>−</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Uitzoomen (-)</source>
            <translation>Zoom out (-)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Zoom van de tijdlijn</source>
            <translation>Timeline zoom</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Links: de hele opname; rechts: ingezoomd</source>
            <translation>Left: the whole recording; right: zoomed in</translation>
        </message>
        <message>
            <location line="+4" />
            <source>+</source>
            <translation>+</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Inzoomen (+)</source>
            <translation>Zoom in (+)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hele opname</source>
            <translation>Whole recording</translation>
        </message>
        <message>
            <location line="+0" />
            <source>De hele opname (0)</source>
            <translation>The whole recording (0)</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <location filename="../../src/vknz_desktop/ui/common/messages.py" line="+171" />
            <source>VKNZ</source>
            <extracomment>How long a status message stays when no time is given (ms). Set on a dialog that ``close_all`` closed: its answer is "cancelled", whatever was clicked. (text, timeout in ms) for the status bar.</extracomment>
            <translation>VKNZ</translation>
        </message>
        <message>
            <location line="+91" />
            <source>Onverwachte fout</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Er ging iets onverwachts mis in het programma. Je waarnemingen zijn bewaard. Je kunt het rapport hieronder kopiëren voor de beheerder; het bevat geen aantekeningen of namen.</source>
            <translation>Something unexpected went wrong in the program. Your observations have been saved. You can copy the report below for the administrator; it contains no notes or names.</translation>
        </message>
    </context>
</TS>
