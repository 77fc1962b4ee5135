<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="nl">
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
