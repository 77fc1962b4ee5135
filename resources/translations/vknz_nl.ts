<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="nl">
    <context>
        <name>CompareView</name>
        <message numerus="yes">
            <source>%n fragment(en) niet getoond: {0}</source>
            <translation>
                <numerusform>%n fragment niet getoond: {0}</numerusform>
                <numerusform>%n fragmenten niet getoond: {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SessionOverviewDialog</name>
        <message numerus="yes">
            <source>{0}: %n waarneming(en)</source>
            <translation>
                <numerusform>{0}: %n waarneming</numerusform>
                <numerusform>{0}: %n waarnemingen</numerusform>
            </translation>
        </message>
    </context>
</TS>
