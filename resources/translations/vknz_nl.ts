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
</TS>
