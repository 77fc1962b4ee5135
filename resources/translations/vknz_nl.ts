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
