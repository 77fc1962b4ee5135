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
        <name>ReviewFeature</name>
        <message numerus="yes">
            <source>De %n waarneming(en) van deze sessie zijn bewaard bij de opnames. Maak er een leerdoel van in het leerdoelenoverzicht (Ctrl+F vindt ze terug).</source>
            <translation>
                <numerusform>De %n waarneming van deze sessie is bewaard bij de opname. Maak er een leerdoel van in het leerdoelenoverzicht (Ctrl+F vindt haar terug).</numerusform>
                <numerusform>De %n waarnemingen van deze sessie zijn bewaard bij de opnames. Maak er een leerdoel van in het leerdoelenoverzicht (Ctrl+F vindt ze terug).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n nieuwe opname(n), samen {0} van de {1}.</source>
            <translation>
                <numerusform>%n nieuwe opname, {0} van de {1}.</numerusform>
                <numerusform>%n nieuwe opnamen, samen {0} van de {1}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Er zijn %n fragmenten gemarkeerd; wat overlapt of aansluit, wordt één opname.</source>
            <translation>
                <numerusform>Er is %n fragment gemarkeerd; wat overlapt of aansluit, wordt één opname.</numerusform>
                <numerusform>Er zijn %n fragmenten gemarkeerd; wat overlapt of aansluit, wordt één opname.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waarneming(en) binnen de fragmenten gaan mee.</source>
            <translation>
                <numerusform>%n waarneming binnen de fragmenten gaat mee.</numerusform>
                <numerusform>%n waarnemingen binnen de fragmenten gaan mee.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waarneming(en) daarbuiten blijven als tekst bewaard, gemarkeerd als 'opname verwijderd'.</source>
            <translation>
                <numerusform>%n waarneming daarbuiten blijft als tekst bewaard, gemarkeerd als 'opname verwijderd'.</numerusform>
                <numerusform>%n waarnemingen daarbuiten blijven als tekst bewaard, gemarkeerd als 'opname verwijderd'.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n fragment(en) bewaard als nieuwe opname(s).</source>
            <translation>
                <numerusform>%n fragment bewaard als nieuwe opname.</numerusform>
                <numerusform>%n fragmenten bewaard als nieuwe opnamen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waarneming(en) gingen mee,</source>
            <translation>
                <numerusform>%n waarneming ging mee,</numerusform>
                <numerusform>%n waarnemingen gingen mee,</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bleven als tekst bij de oude opname.</source>
            <translation>
                <numerusform>%n bleef als tekst bij de oude opname.</numerusform>
                <numerusform>%n bleven als tekst bij de oude opname.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SamenKijkenFeature</name>
        <message numerus="yes">
            <source>%n moment(en) van de klant bewaard. Je ziet ze niet in de lijst: alleen de klant en de onderzoeker zien ze, tot de klant ze wil delen.</source>
            <translation>
                <numerusform>%n moment van de klant bewaard. Je ziet het niet in de lijst: alleen de klant en de onderzoeker zien het, tot de klant het wil delen.</numerusform>
                <numerusform>%n momenten van de klant bewaard. Je ziet ze niet in de lijst: alleen de klant en de onderzoeker zien ze, tot de klant ze wil delen.</numerusform>
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
    <context>
        <name>SessionView</name>
        <message numerus="yes">
            <source>%n fragment(en) worden overgeslagen: {0}</source>
            <translation>
                <numerusform>%n fragment wordt overgeslagen: {0}</numerusform>
                <numerusform>%n fragmenten worden overgeslagen: {0}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SummaryPreviewDialog</name>
        <message numerus="yes">
            <source>%n vervanging(en) (geel gemarkeerd)</source>
            <translation>
                <numerusform>%n vervanging (geel gemarkeerd)</numerusform>
                <numerusform>%n vervangingen (geel gemarkeerd)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n onderdeel/onderdelen weggelaten</source>
            <translation>
                <numerusform>%n onderdeel weggelaten</numerusform>
                <numerusform>%n onderdelen weggelaten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n woord(en) om te controleren</source>
            <translation>
                <numerusform>%n woord om te controleren</numerusform>
                <numerusform>%n woorden om te controleren</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Kies eerst bij elk rood gemarkeerd woord: weglaten of laten staan (nog %n).</source>
            <translation>
                <numerusform>Kies eerst bij elk rood gemarkeerd woord: weglaten of laten staan (nog %n).</numerusform>
                <numerusform>Kies eerst bij elk rood gemarkeerd woord: weglaten of laten staan (nog %n).</numerusform>
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
