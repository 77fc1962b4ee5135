<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="nl">
    <context>
        <name>ClipsPanel</name>
        <message numerus="yes">
            <source>%n fragment(en)</source>
            <translation>
                <numerusform>%n fragment</numerusform>
                <numerusform>%n fragmenten</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ObservationList</name>
        <message numerus="yes">
            <source>%n waarneming(en)</source>
            <translation>
                <numerusform>%n waarneming</numerusform>
                <numerusform>%n waarnemingen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OnderzoekerFeature</name>
        <message numerus="yes">
            <source>%n item(s) van de klant die nog open in de kluis stonden, zijn nu verzegeld.</source>
            <translation>
                <numerusform>%n item van de klant dat nog open in de kluis stond, is nu verzegeld.</numerusform>
                <numerusform>%n items van de klant die nog open in de kluis stonden, zijn nu verzegeld.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OnderzoekerView</name>
        <message numerus="yes">
            <source>Verzegelde feedback van de klant: %n item(s). Alleen een onderzoeker kan ze lezen, met het eigen wachtwoord: kies Sleutel openen.</source>
            <translation>
                <numerusform>Verzegelde feedback van de klant: %n item. Alleen een onderzoeker kan het lezen, met het eigen wachtwoord: kies Sleutel openen.</numerusform>
                <numerusform>Verzegelde feedback van de klant: %n items. Alleen een onderzoeker kan ze lezen, met het eigen wachtwoord: kies Sleutel openen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message numerus="yes">
            <source>%n waarneming(en) verwijderen</source>
            <translation>
                <numerusform>%n waarneming verwijderen</numerusform>
                <numerusform>%n waarnemingen verwijderen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waarneming(en) verwijderd (Ctrl+Z maakt het ongedaan)</source>
            <translation>
                <numerusform>%n waarneming verwijderd (Ctrl+Z maakt het ongedaan)</numerusform>
                <numerusform>%n waarnemingen verwijderd (Ctrl+Z maakt het ongedaan)</numerusform>
            </translation>
        </message>
    </context>
</TS>
